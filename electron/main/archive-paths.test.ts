import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInsideRoot, isUnsafeToOpen, resolveArchiveTarget } from './archive-paths';

describe('resolveArchiveTarget (posix)', () => {
  const p = path.posix;
  const root = '/data/门店档案';
  it('accepts archive-relative and absolute paths inside the root', () => {
    expect(resolveArchiveTarget('协议合同/2026/03/a.pdf', root, p)).toEqual({
      ok: true,
      path: '/data/门店档案/协议合同/2026/03/a.pdf',
    });
    expect(resolveArchiveTarget('/data/门店档案/稿件/b.docx', root, p)).toEqual({ ok: true, path: '/data/门店档案/稿件/b.docx' });
    expect(resolveArchiveTarget('.', root, p)).toEqual({ ok: true, path: root });
  });
  it('refuses anything outside, including look-alike siblings and climbs', () => {
    for (const requested of [
      '../secret.txt',
      '/data/门店档案2/a.pdf',
      '/data/门店档案/../x',
      '/etc/passwd',
      '协议合同/../../x',
    ]) {
      expect(resolveArchiveTarget(requested, root, p)).toEqual({ ok: false, reason: 'outside' });
    }
  });
  it('refuses non-strings, empty names and NUL bytes', () => {
    for (const requested of [undefined, null, 42, '', '   ', 'a\0.pdf', ['a']]) {
      expect(resolveArchiveTarget(requested, root, p)).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});

describe('resolveArchiveTarget (win32)', () => {
  const p = path.win32;
  const root = 'D:\\门店档案';
  it('compares without case and refuses other drives', () => {
    expect(resolveArchiveTarget('d:\\门店档案\\协议合同\\a.pdf', root, p).ok).toBe(true);
    expect(resolveArchiveTarget('协议合同/a.pdf', root, p)).toEqual({ ok: true, path: 'D:\\门店档案\\协议合同\\a.pdf' });
    expect(resolveArchiveTarget('C:\\门店档案\\a.pdf', root, p)).toEqual({ ok: false, reason: 'outside' });
    expect(resolveArchiveTarget('..\\a.pdf', root, p)).toEqual({ ok: false, reason: 'outside' });
    expect(resolveArchiveTarget('\\\\server\\share\\a.pdf', root, p)).toEqual({ ok: false, reason: 'outside' });
  });
  it('isInsideRoot handles a trailing separator on the root', () => {
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
