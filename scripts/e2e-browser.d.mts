// Types for scripts/e2e-browser.mjs.
export declare const SYSTEM_CHROMIUM: string;
export declare function chromiumExecutable(env?: NodeJS.ProcessEnv): string | undefined;
export declare function ensureE2eBrowser(): Promise<string>;
