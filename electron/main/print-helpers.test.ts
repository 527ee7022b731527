import { describe, expect, it } from 'vitest';
import { pdfFileName, printOutcome } from './print-helpers';

describe('pdfFileName', () => {
  it('keeps a good Chinese name and adds .pdf once', () => {
    expect(pdfFileName('2026-03 月度业绩表')).toBe('2026-03 月度业绩表.pdf');
    expect(pdfFileName('业绩表.PDF')).toBe('业绩表.pdf');
  });
  it('drops folders and characters Windows refuses', () => {
    expect(pdfFileName('C:\\Windows\\evil')).toBe('evil.pdf');
    expect(pdfFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(pdfFileName('a:b*c?"d<e>f|g\u0001')).toBe('a_b_c__d_e_f_g_.pdf');
  });
  it('falls back to 门店通.pdf for nothing usable', () => {
    for (const suggested of ['', '   ', '...', undefined, 42, 'folder/']) expect(pdfFileName(suggested)).toBe('门店通.pdf');
  });
  it('caps the length', () => {
    expect(pdfFileName('表'.repeat(500))).toHaveLength(124);
  });
});

describe('printOutcome', () => {
  it('treats a cancelled dialog as no print, not a failure', () => {
    expect(printOutcome(true, '')).toBe('printed');
    expect(printOutcome(false, 'cancelled')).toBe('cancelled');
    expect(printOutcome(false, 'Print job canceled')).toBe('cancelled');
    expect(printOutcome(false, 'Print job failed')).toBe('failed');
    expect(printOutcome(false, undefined)).toBe('failed');
  });
});
