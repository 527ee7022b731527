import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInsideRoot, isUnsafeToOpen } from './archive-paths';

// Which file a document is, is the gate's answer (archive.download); the main process checks the
// real path of that answer once more before handing it to the system.
describe('isInsideRoot (posix)', () => {
  const p = path.posix;
  const root = '/data/门店档案';
  it('accepts the root and paths below it', () => {
    expect(isInsideRoot('/data/门店档案/协议合同/2026/03/a.pdf', root, p)).toBe(true);
    expect(isInsideRoot(root, root, p)).toBe(true);
  });
  it('refuses anything outside, including look-alike siblings and climbs', () => {
    for (const file of ['/data/secret.txt', '/data/门店档案2/a.pdf', '/data/门店档案/../x', '/etc/passwd']) {
      expect(isInsideRoot(file, root, p), file).toBe(false);
    }
  });
});

describe('isInsideRoot (win32)', () => {
  const p = path.win32;
  const root = 'D:\\门店档案';
  it('compares without case and refuses other drives and shares', () => {
    expect(isInsideRoot('d:\\门店档案\\协议合同\\a.pdf', root, p)).toBe(true);
    expect(isInsideRoot('C:\\门店档案\\a.pdf', root, p)).toBe(false);
    expect(isInsideRoot('D:\\a.pdf', root, p)).toBe(false);
    expect(isInsideRoot('\\\\server\\share\\a.pdf', root, p)).toBe(false);
  });
  it('handles a trailing separator on the root', () => {
    expect(isInsideRoot('D:\\门店档案\\a.pdf', 'D:\\门店档案\\', p)).toBe(true);
    expect(isInsideRoot('D:\\门店档案X\\a.pdf', 'D:\\门店档案\\', p)).toBe(false);
  });
});

describe('isUnsafeToOpen', () => {
  it('opens documents, scans and spreadsheets', () => {
    for (const file of ['a.pdf', 'b.DOCX', 'c.xlsx', 'd.jpg', 'e.png', 'f.txt', 'g.zip', '合同.PDF']) {
      expect(isUnsafeToOpen(`/a/${file}`, path.posix)).toBe(false);
    }
  });
  it('never runs programs or scripts, however they are disguised', () => {
    for (const file of [
      'a.exe',
      'b.BAT',
      'c.cmd',
      'd.ps1',
      'e.vbs',
      'f.js',
      'g.lnk',
      'h.hta',
      'i.msi',
      'j.scr',
      'k.exe.',
      'l.exe  ',
      'm.txt:evil.exe',
      'n.sh',
      'o.AppImage',
      'p.desktop',
    ]) {
      expect(isUnsafeToOpen(`C:\\a\\${file}`, path.win32)).toBe(true);
    }
  });
});
