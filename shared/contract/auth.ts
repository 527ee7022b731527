import { z } from 'zod';
import type { Role } from '../roles';
import { idSchema } from './field-schemas';
import { method } from './method';
import { zhEn } from '../bilingual';

export type SignedIn = { staffId: number; code: string; name: string; role: Role };
/** What the page needs at start: must it sign in, who it is, and the CSRF token for its calls. */
export type AuthState = { signInRequired: boolean; me: SignedIn | null; csrf: string | null; idleLockMinutes: number };

/** 账户与安全: who can sign in, for the owner's password reset list. */
export type AccountRow = {
  staffId: number;
  code: string;
  name: string;
  role: Role;
  hasPassword: boolean;
  /** Locked after failed sign-ins until this time (ISO), or null. A new password lifts it. */
  lockedUntil: string | null;
};

const password = z
  .string()
  .min(1, { error: zhEn('请输入密码', 'Enter the password') })
  .max(200);

export const authContract = {
  'auth.status': method<AuthState>()({
    input: z.strictObject({}).default({}),
    roles: 'public',
    kind: 'read',
    summary: { zh: '登录状态', en: 'Sign-in state' },
  }),
  'auth.login': method<AuthState>()({
    input: z.strictObject({
      code: z
        .string()
        .trim()
        .min(1, { error: zhEn('请输入工号', 'Enter your staff code') })
        .max(20),
      password,
    }),
    roles: 'public',
    kind: 'write',
    summary: { zh: '登录', en: 'Sign in' },
  }),
  'auth.logout': method<{ signedOut: boolean }>()({
    input: z.strictObject({}).default({}),
    roles: 'public',
    kind: 'write',
    summary: { zh: '退出登录', en: 'Sign out' },
  }),
  'auth.me': method<SignedIn | null>()({
    input: z.strictObject({}).default({}),
    roles: 'public',
    kind: 'read',
    summary: { zh: '当前用户', en: 'Who is signed in' },
  }),
  'auth.changePassword': method<{ changed: boolean; endedSessions: number }>()({
    input: z.strictObject({ current: password, next: password }),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'write',
    summary: { zh: '修改密码', en: 'Change password' },
  }),
  'auth.accounts': method<AccountRow[]>()({
    input: z.strictObject({}).default({}),
    roles: ['owner'],
    kind: 'read',
    summary: { zh: '登录账户', en: 'Sign-in accounts' },
  }),
  'auth.setPassword': method<{ staffId: number; endedSessions: number }>()({
    input: z.strictObject({ staffId: idSchema, password }),
    roles: ['owner'],
    kind: 'write',
    summary: { zh: '设置员工密码', en: 'Set a staff member’s password' },
  }),
} as const;
