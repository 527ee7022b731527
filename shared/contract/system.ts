import { z } from 'zod';
import { method } from './method';
import type { Actor } from '../roles';

export type SystemInfo = {
  appVersion: string;
  schemaVersion: number;
  actor: Actor | null;
};

export const systemContract = {
  'system.info': method<SystemInfo>()({
    input: z.strictObject({}).default({}),
    roles: 'public',
    kind: 'read',
    summary: { zh: '版本与当前用户', en: 'Version and current user' },
  }),
} as const;
