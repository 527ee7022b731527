// Types for scripts/cli-bundle.mjs (plain JavaScript: bin/office.mjs loads it on every call).
export declare const ROOT: string;
export declare const CLI_BUNDLE_DIR: string;
export declare const CLI_BUNDLE_ENTRY: string;
export declare function newestCliSourceMtimeMs(root?: string): number;
export declare function currentCliBundle(root?: string): { entry: string | null; reason: 'missing' | 'stale' | 'current' };
export declare function loadRunCli(
  env?: NodeJS.ProcessEnv,
): Promise<(argv: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void }) => Promise<number>>;
