import { useMemo } from 'react';
import { managesPerson } from '../../../shared/roles';
import { useQuery } from '../api/useQuery';
import { useAuth } from '../app/AuthContext';

/** Current staff as select options: "张伟 (S001)". */
export function useStaffOptions(): { options: { value: number; label: string }[]; loading: boolean } {
  const staff = useQuery('staff.list', { includeLeft: false });
  const options = useMemo(() => (staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })), [staff.data]);
  return { options, loading: staff.loading };
}

/**
 * Only the people the person at the page may pay or hand pool clients to (a manager: salespeople
 * and clerks, not themself) — the same rule the core enforces, so no pick is offered that would
 * be refused. Before sign-in the person at this computer is the owner.
 */
export function useManagedStaffOptions(): { options: { value: number; label: string }[]; loading: boolean } {
  const staff = useQuery('staff.list', { includeLeft: false });
  const me = useAuth().state.me;
  const options = useMemo(() => {
    const actor = me ? { role: me.role, staffId: me.staffId } : { role: 'owner' as const, staffId: null };
    return (staff.data ?? [])
      .filter((s) => managesPerson(actor, s))
      .map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }));
  }, [staff.data, me]);
  return { options, loading: staff.loading };
}
