import type { Role } from '../../../../shared/roles';
import { useAuth } from '../../app/AuthContext';

/**
 * Who is using the page: the signed-in person's role and staff id, or — before sign-in is turned
 * on — the person at this computer, who acts as the owner. The server stays the authority; this
 * only decides what to offer.
 */
export function useMyRole(): { role: Role; staffId: number | null; name: string | null; isManager: boolean } {
  const { state } = useAuth();
  const role = state.me?.role ?? 'owner';
  return {
    role,
    staffId: state.me?.staffId ?? null,
    name: state.me?.name ?? null,
    isManager: role === 'owner' || role === 'manager',
  };
}
