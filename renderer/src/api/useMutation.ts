import { useCallback, useState } from 'react';
import type { Method } from '../../../shared/contract';
import { toApiError, type ApiError } from './ApiError';
import { callUnchecked, type Input, type Output } from './client';

export type MutationState<M extends Method> = {
  /** Runs the call; resolves with its output, rejects with an ApiError (also kept in `error`). */
  run: (input: Input<M>) => Promise<Output<M>>;
  running: boolean;
  error: ApiError | null;
  reset: () => void;
};

/** A write: tracks running/error for buttons and forms. */
export function useMutation<M extends Method>(method: M): MutationState<M> {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (input: Input<M>) => {
      setRunning(true);
      setError(null);
      try {
        return (await callUnchecked(method, input)) as Output<M>;
      } catch (caught) {
        const apiError = toApiError(caught);
        setError(apiError);
        throw apiError;
      } finally {
        setRunning(false);
      }
    },
    [method],
  );
  const reset = useCallback(() => setError(null), []);
  return { run, running, error, reset };
}
