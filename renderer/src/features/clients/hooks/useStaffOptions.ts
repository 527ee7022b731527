import { useMemo } from 'react';
import { useQuery } from '../../../api/useQuery';

/** Current staff as select options: "张伟 (S001)". */
export function useStaffOptions(): { options: { value: number; label: string }[]; loading: boolean } {
  const staff = useQuery('staff.list', { includeLeft: false });
  const options = useMemo(() => (staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })), [staff.data]);
  return { options, loading: staff.loading };
}
