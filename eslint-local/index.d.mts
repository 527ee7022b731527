// Types for tests that load the plugin (the rules themselves are plain ESM run by ESLint).
import type { ESLint } from 'eslint';

declare const plugin: ESLint.Plugin;
export default plugin;
