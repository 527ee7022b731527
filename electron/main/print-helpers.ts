/**
 * A safe default file name for "save as PDF" from whatever the page suggested: no folders, no
 * characters Windows refuses, not empty, at most 120 characters, always ending in .pdf.
 */
export function pdfFileName(suggested: unknown): string {
  const raw = typeof suggested === 'string' ? suggested : '';
  const base = raw
    .split(/[\\/]/)
    .pop()
    ?.replace(/\.pdf$/i, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"|?*\u0000-\u001f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return `${base || '门店通'}.pdf`;
}

export type PrintOutcome = 'printed' | 'cancelled' | 'failed';

/** webContents.print reports a cancelled dialog as a failure; the user did nothing wrong. */
export function printOutcome(success: boolean, failureReason: string | undefined): PrintOutcome {
  if (success) return 'printed';
  return /cancel/i.test(failureReason ?? '') ? 'cancelled' : 'failed';
}
