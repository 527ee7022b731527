import { useCallback, useEffect, useRef, useState } from 'react';
import type { Method } from '../../../shared/contract';
import { ApiError, toApiError } from './ApiError';
import { callUnchecked, type InputArgs, type Output } from './client';

export type QueryState<T> = {
  /** The last good answer; kept while reloading so tables do not flash empty. */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  refresh: () => void;
};

/**
 * Read with a contract method and re-read when the input changes or `refresh()` is called.
 * Inputs are compared by value (JSON), so an inline `{ includeLeft }` object is fine.
 */
export function useQuery<M extends Method>(method: M, ...[input]: InputArgs<M>): QueryState<Output<M>> {
  const key = JSON.stringify(input ?? {});
  const inputRef = useRef<unknown>(input);
  inputRef.current = input;
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<Omit<QueryState<Output<M>>, 'refresh'>>({ data: undefined, error: null, loading: true });

  useEffect(() => {
    // Answers to a superseded request are dropped, so a slow old answer never wins.
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    callUnchecked(method, inputRef.current).then(
      (data) => current && setState({ data: data as Output<M>, error: null, loading: false }),
      (error: unknown) => current && setState((s) => ({ data: s.data, error: toApiError(error), loading: false })),
    );
    return () => {
      current = false;
    };
  }, [method, key, version]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, refresh };
}
