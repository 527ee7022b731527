/**
 * What one import may cost, checked before the work that would cost it (issue 14.9): a file
 * over any of these is refused with a message naming the limit, never half read. The figures
 * leave room for twenty years of an office's records in one file (a 100k-client sheet is
 * 4–5 MB as .xlsx, 35 MB once unzipped) while a 1.5 MB zip bomb or a million-row sheet is not.
 */
export const IMPORT_LIMITS = {
  /** The file as uploaded. */
  maxBytes: 20 * 1024 * 1024,
  /** Data rows of the sheet read (header rows not counted). */
  maxRows: 300_000,
  /** Columns holding anything in the header or the first rows. */
  maxColumns: 500,
  /** Merged ranges in the sheet read. */
  maxMerges: 100_000,
  /** The parts of a zipped workbook that are read, once unzipped, together. */
  maxUnzippedBytes: 400 * 1024 * 1024,
  /** Unzipped / zipped size of any part bigger than 1 MB: real sheets are 5–30×, bombs 1000×. */
  maxZipRatio: 200,
  /** Parts in a zipped workbook. */
  maxZipEntries: 5_000,
  /** V8 heap of the child process that reads and checks the file; beyond it the child ends, the host stays. */
  workerHeapMb: 640,
  /** Rows written to the "failed rows" file; the count of the rest is said. */
  failedRowsFileMax: 50_000,
} as const;

export type ImportLimit = keyof typeof IMPORT_LIMITS;

/** Bytes as a person reads them: 1.5 MB, 400 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
