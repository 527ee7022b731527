import type { OfficeBridge } from '../../../shared/desktop-bridge';

// The preload's window.officeBridge, declared once in shared/desktop-bridge.ts; absent in the
// browser/LAN mode and in Playwright.
declare global {
  // A `var` in `declare global` is how a property of globalThis/window is typed.
  var officeBridge: OfficeBridge | undefined;
}
