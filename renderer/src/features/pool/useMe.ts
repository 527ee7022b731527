import type { Role } from '../../../../shared/roles';
import { useAuth } from '../../app/AuthContext';

/**
 * Who is using the page, for showing each role only what it may do (the core enforces it anyway).
 * Before sign-in is turned on, the person at this computer acts as the owner with no staff record.
 */
export function useMe(): { role: Role; staffId: number | null; isManager: boolean } {
  const { state } = useAuth();
  const role = state.me?.role ?? 'owner';
  return { role, staffId: state.me?.staffId ?? null, isManager: role === 'owner' || role === 'manager' };
}
