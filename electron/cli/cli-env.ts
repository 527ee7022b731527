import type { Actor } from '../../shared/roles';
import type { Envelope } from '../../shared/errors';
import { openOffice, type Office } from '../server/office';
import { lockOfficeWhenFree, type LockProgram } from '../server/office-lock';

/** The CLI acts as the owner and is logged as such (docs/operations.md › 登录、权限与备份). */
export const CLI_ACTOR: Actor = { staffId: null, code: 'cli', name: '命令行', role: 'owner', via: 'cli' };

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

export type CliEnv = CliIo & {
  dataDir: string;
  /**
   * Opened on first use, so `office --help` never touches a database. The CLI holds the office
   * while it runs when nothing else does; beside a running app or `office serve` it may only
   * read, and a write is refused naming who holds the office (office-lock.ts).
   */
  office: () => Office;
  /** Open the office holding it for this whole process (serve, restore): waits briefly for a CLI command to end. */
  holdOffice: (program: LockProgram) => Promise<Office>;
  /** Call a contract method as the CLI actor; prints the error and returns null on failure. */
  call: <T>(method: string, input?: unknown) => Promise<T | null>;
  close: () => Promise<void>;
};

export function createCliEnv(dataDir: string, io: CliIo): CliEnv {
  let office: Office | null = null;
  const get = (): Office => (office ??= openOffice({ dataDir, access: 'shared', program: 'cli' }));
  return {
    ...io,
    dataDir,
    office: get,
    holdOffice: async (program) => {
      if (office) return office;
      const lock = await lockOfficeWhenFree(dataDir, program, 30_000);
      try {
        office = openOffice({ dataDir, lock });
      } catch (error) {
        lock.release();
        throw error;
      }
      return office;
    },
    call: async <T>(method: string, input?: unknown): Promise<T | null> => {
      const result: Envelope<unknown> = await get().call(CLI_ACTOR, method, input);
      if (result.ok) return result.value as T;
      printError(io, result.error.message, result.error.messageEn, result.error.details?.issues);
      return null;
    },
    close: async () => {
      if (office) await office.close();
      office = null;
    },
  };
}

export function printError(
  io: CliIo,
  zh: string,
  en: string,
  issues?: { path: string; message: string; messageEn: string }[],
): void {
  io.stderr(`错误:${zh}\nError: ${en}\n`);
  for (const issue of issues ?? []) io.stderr(`  - ${issue.path}: ${issue.message} / ${issue.messageEn}\n`);
}
