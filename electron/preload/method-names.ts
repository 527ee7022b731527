import { contract } from '../../shared/contract';

/**
 * The contract's method names — all the preload needs from it. scripts/build-electron.mjs
 * swaps this module for its computed value when bundling the preload, so the page does not
 * load the whole contract (and zod, ~700 KB) just to check a name.
 */
export const METHOD_NAMES: readonly string[] = Object.keys(contract);
