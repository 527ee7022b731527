import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor, Role } from '../../../shared/roles';
import { openOffice, type Office } from '../office';

export type TestOffice = Office & { dir: string; dispose: () => Promise<void> };

/** A real office in a fresh temp folder: a real office.db file and a real archive folder. */
export function createTestOffice(options: { now?: () => Date } = {}): TestOffice {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-test-'));
  const office = openOffice({ dataDir: dir, ...(options.now ? { now: options.now } : {}) });
  // Extend the office itself (not a copy): its database fields are getters an in-place restore swaps.
  return Object.assign(office, {
    dir,
    dispose: async () => {
      await office.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

export function actorOf(role: Role, code = `T-${role}`): Actor {
  return { staffId: null, code, name: `测试${role}`, role, via: 'test' };
}

export const owner = actorOf('owner');

/** Call and unwrap, failing the test with the error text when the call did not succeed. */
export async function callOk<T = unknown>(office: Office, method: string, input?: unknown, actor: Actor = owner): Promise<T> {
  const result = await office.call(actor, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
