import type { Envelope } from './errors';

/**
 * Events the main process may push to the page. Adding one is a line here plus the code that
 * sends it; the preload refuses to subscribe to anything else.
 */
export const OFFICE_EVENTS = [
  /** Long work (imports, backups, archive audits) reporting how far it got. */
  'job.progress',
  /** Data changed outside this window's own calls; the page should refetch what it shows. */
  'data.changed',
] as const;

export type OfficeEventName = (typeof OFFICE_EVENTS)[number];

/**
 * What the desktop app's preload exposes as `window.officeBridge` — the page's only door to the
 * desktop shell. Declared once, here: electron/preload builds it (bridge.ts), the renderer calls
 * it (renderer/src/api/bridge.d.ts types the global). Absent in the browser/LAN mode and in
 * Playwright, where the renderer falls back to HTTP and window.print(). Every promise resolves
 * to an envelope (never rejects), like the HTTP transport, so the renderer handles errors one
 * way whichever transport it uses.
 */
export type OfficeBridge = {
  /** One contract method; names not in the contract answer `unknown_method` without IPC. */
  call: (method: string, input?: unknown) => Promise<Envelope<unknown>>;
  /** The system print dialog for the current page; `printed: false` when the user cancels. */
  print: () => Promise<Envelope<{ printed: boolean }>>;
  /** Save the current page as an A4 PDF through a save dialog; `path: null` when cancelled. */
  printToPdf: (suggestedName: string) => Promise<Envelope<{ saved: boolean; path: string | null }>>;
  /**
   * Open a document's file with its default program. The main process asks the gate
   * (archive.download: session, role, the document's scope) for the file, by document id.
   */
  openFile: (documentId: number) => Promise<Envelope<null>>;
  /** Show a document's file in Explorer / Finder / the file manager (same gate as openFile). */
  revealFile: (documentId: number) => Promise<Envelope<null>>;
  /** The local path of a dropped or picked file ('' when it has none), for archive.fileLocal. */
  pathForFile: (file: File) => string;
  /** Listen to one main-process event; returns the function that stops listening. */
  onEvent: (channel: OfficeEventName, listener: (payload: unknown) => void) => () => void;
};
