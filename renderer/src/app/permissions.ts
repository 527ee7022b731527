import { contract, type Method } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import { useAuth } from './AuthContext';

/**
 * What the UI offers follows the same role list the core enforces (each method's `roles` in the
 * contract), so a button is shown exactly when pressing it would be allowed. The core stays the
 * authority: hiding a button is a courtesy, never the protection.
 */
export function roleMayCall(role: Role, method: Method): boolean {
  const roles = contract[method].roles;
  return roles === 'public' || roles.includes(role);
}

/**
 * The role of the person at the page. Before sign-in is turned on, the person at this computer
 * acts as the owner (the core does the same for loopback calls).
 */
export function useRole(): Role {
  return useAuth().state.me?.role ?? 'owner';
}

/** May the person at the page call this method? */
export function useCan(method: Method): boolean {
  return roleMayCall(useRole(), method);
}

/** Where each role starts: the clerk's day is 客户 (registering, filing); everyone else's is 概览. */
export function homeRoute(role: Role): string {
  return role === 'clerk' ? 'clients' : 'dashboard';
}
