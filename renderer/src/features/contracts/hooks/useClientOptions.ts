import { useEffect, useState } from 'react';
import { call } from '../../../api/client';

/** Clients for a picker, found as the person types (the same search as the 客户 list). */
export function useClientOptions(
  search: string,
  selected?: { id: number; name: string },
): { options: { value: number; label: string }[]; loading: boolean } {
  const [options, setOptions] = useState<{ value: number; label: string }[]>(
    selected ? [{ value: selected.id, label: selected.name }] : [],
  );
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      setLoading(true);
      call('clients.list', { search, limit: 30 })
        .then((page) => {
          if (!current) return;
          const found = page.rows.map((r) => ({ value: r.id, label: r.contactName ? `${r.name} · ${r.contactName}` : r.name }));
          setOptions(
            selected && !found.some((o) => o.value === selected.id)
              ? [{ value: selected.id, label: selected.name }, ...found]
              : found,
          );
        })
        .catch(() => undefined)
        .finally(() => current && setLoading(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search, selected?.id, selected?.name]);
  return { options, loading };
}
