import { OFFICE_EVENTS, type OfficeEventName } from '../../shared/desktop-bridge';

/**
 * The wire between the preload and electron/main: IPC channel names and the events the main
 * process may push to the page. Pure constants, so both the sandboxed preload bundle and the
 * main process import the same names instead of repeating strings.
 */
export const IPC_CHANNELS = {
  call: 'office:call',
  print: 'office:print',
  printToPdf: 'office:print-to-pdf',
  openFile: 'office:open-file',
  revealFile: 'office:reveal-file',
  /** main → page; carries (eventName, payload). One channel, so the preload listens once. */
  event: 'office:event',
} as const;

/** The events themselves are declared with the bridge (shared/desktop-bridge.ts). */
export function isOfficeEventName(name: unknown): name is OfficeEventName {
  return typeof name === 'string' && (OFFICE_EVENTS as readonly string[]).includes(name);
}
