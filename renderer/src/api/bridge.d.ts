import type { Envelope } from '../../../shared/errors';

/**
 * What the Electron preload exposes (DESIGN.md: one typed `call`, nothing else). Absent in the
 * browser/LAN mode and in Playwright, where the client falls back to HTTP.
 */
export type OfficeBridge = {
  call: (method: string, input: unknown) => Promise<Envelope<unknown>>;
};

declare global {
  // A `var` in `declare global` is how a property of globalThis/window is typed.
  var officeBridge: OfficeBridge | undefined;
}
