import type { CliEnv } from './cli-env';

export type CliCommand = {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run: (args: string[], env: CliEnv) => Promise<number>;
};

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
