import type { Envelope } from '../../shared/errors';

/** What the preload exposes as `window.officeBridge`; nothing else reaches the page. */
export type OfficeBridge = {
  call: (method: string, input?: unknown) => Promise<Envelope<unknown>>;
  print: () => Promise<void>;
  printToPdf: (suggestedName: string) => Promise<{ saved: boolean; path?: string }>;
  openFile: (archivePath: string) => Promise<{ ok: boolean; error: string }>;
  revealFile: (archivePath: string) => Promise<void>;
};
