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

export function isOfficeEventName(name: unknown): name is OfficeEventName {
  return typeof name === 'string' && (OFFICE_EVENTS as readonly string[]).includes(name);
}
