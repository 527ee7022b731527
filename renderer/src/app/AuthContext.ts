import { createContext, useContext } from 'react';
import type { AuthState } from '../../../shared/contract/auth';

export type AuthContextValue = { state: AuthState; signOut: () => void; refresh: () => void };

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside SignInGate');
  return value;
}
