import type { authContract } from '../../../shared/contract/auth';
import type { Handlers } from '../core/handlers';
import { accounts, authState, changePassword, login, logout, setPassword } from './auth.service';

export const authHandlers: Handlers<typeof authContract> = {
  'auth.status': (ctx) => authState(ctx),
  // The token in the answer is for the transport only (cookie / desktop process); it strips it.
  'auth.login': (ctx, input) => login(ctx, input.code, input.password),
  'auth.logout': (ctx) => logout(ctx),
  'auth.me': (ctx) => authState(ctx).me,
  'auth.changePassword': (ctx, input) => changePassword(ctx, input.current, input.next),
  'auth.setPassword': (ctx, input) => setPassword(ctx, input.staffId, input.password),
  'auth.accounts': (ctx) => accounts(ctx),
};
