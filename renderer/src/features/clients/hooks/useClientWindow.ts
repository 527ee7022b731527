import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientFilters, ClientListRow } from '../../../../../shared/contract/clients';
import { toApiError, type ApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';

export const CLIENT_PAGE_SIZE = 100;

export type ClientWindow = {
  total: number;
  /** The row at an index, or undefined while its page is loading. */
  rowAt: (index: number) => ClientListRow | undefined;
  /** Ask for the rows a scroll position shows; loads missing pages once each. */
  ensure: (from: number, to: number) => void;
  loading: boolean;
  error: ApiError | null;
  refresh: () => void;
};

/**
 * The client list as a window over the whole result: the count first, then pages of 100 as
 * the virtual table scrolls to them. New filters (or refresh) start over; answers for old
 * filters are dropped.
 */
export function useClientWindow(filters: Partial<ClientFilters>): ClientWindow {
  const key = JSON.stringify(filters);
  const [generation, setGeneration] = useState(0);
  const [total, setTotal] = useState(0);
  const [pages, setPages] = useState<ReadonlyMap<number, ClientListRow[]>>(new Map());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const requested = useRef(new Set<number>());
  const current = useRef('');

  const load = useCallback(
    (page: number, token: string) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      setLoading(true);
      call('clients.list', {
        ...(JSON.parse(key) as Partial<ClientFilters>),
        offset: page * CLIENT_PAGE_SIZE,
        limit: CLIENT_PAGE_SIZE,
      }).then(
        (answer) => {
          if (current.current !== token) return;
          setTotal(answer.total);
          setPages((old) => new Map(old).set(page, answer.rows));
          setError(null);
          setLoading(false);
        },
        (caught: unknown) => {
          if (current.current !== token) return;
          requested.current.delete(page);
          setError(toApiError(caught));
          setLoading(false);
        },
      );
    },
    [key],
  );

  useEffect(() => {
    const token = `${key}#${generation}`;
    current.current = token;
    requested.current = new Set();
    setPages(new Map());
    load(0, token);
  }, [key, generation, load]);

  const ensure = useCallback(
    (from: number, to: number) => {
      for (let page = Math.floor(from / CLIENT_PAGE_SIZE); page <= Math.floor(to / CLIENT_PAGE_SIZE); page++)
        load(page, current.current);
    },
    [load],
  );
  const rowAt = useCallback(
    (index: number) => pages.get(Math.floor(index / CLIENT_PAGE_SIZE))?.[index % CLIENT_PAGE_SIZE],
    [pages],
  );
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return { total, rowAt, ensure, loading, error, refresh };
}
