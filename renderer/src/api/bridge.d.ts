import type { Envelope } from '../../../shared/errors';

/**
 * What the Electron preload exposes (electron/preload/bridge-types.ts is the source; the
 * renderer may not import it, so the part the renderer uses is restated here). Absent in the
 * browser/LAN mode and in Playwright, where the client falls back to HTTP and window.print().
 */
export type OfficeBridge = {
  call: (method: string, input: unknown) => Promise<Envelope<unknown>>;
  /** The system print dialog for the current page. */
  print?: () => Promise<Envelope<{ printed: boolean }>>;
  /** Save the current page as an A4 PDF through a save dialog (webContents.printToPDF). */
  printToPdf?: (suggestedName: string) => Promise<Envelope<{ saved: boolean; path: string | null }>>;
  /** The local path of a dropped or picked file (desktop only), for archive.fileLocal. */
  pathForFile?: (file: File) => string;
  /** Open a document with its default program (archive.download through the gate, by document id). */
  openFile?: (documentId: number) => Promise<Envelope<null>>;
};

declare global {
  // A `var` in `declare global` is how a property of globalThis/window is typed.
  var officeBridge: OfficeBridge | undefined;
}
