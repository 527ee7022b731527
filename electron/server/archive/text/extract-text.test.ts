import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { TEXT_CAP_BYTES } from '../../../../shared/archive/text-formats';
import { capText } from './cap-text';
import { extractDocumentText } from './extract-text';
import { plainText } from './plain-text';
import { rtfText } from './rtf-text';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-text-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Buffer | string): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

const CONTRACT = '甲方深圳华联超市有限公司委托乙方建设网站,合同金额人民币叁万陆仟捌佰元整。\r\n服务期限一年。';

describe('plain text as Notepad saves it (16.12)', () => {
  it('reads ANSI (GBK), Unicode (UTF-16LE with BOM), UTF-16 without BOM, UTF-8 with and without BOM', async () => {
    const variants: [string, Buffer][] = [
      ['gbk.txt', iconv.encode(CONTRACT, 'gbk')],
      ['utf16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CONTRACT, 'utf16le')])],
      ['utf16le.txt', Buffer.from(CONTRACT, 'utf16le')],
      ['utf16be.txt', Buffer.from(CONTRACT, 'utf16le').swap16()],
      ['utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CONTRACT)])],
      ['utf8.txt', Buffer.from(CONTRACT)],
    ];
    for (const [name, bytes] of variants) {
      const got = await extractDocumentText(write(name, bytes), 'txt');
      expect(got.state, name).toBe('text');
      expect(got.text, name).toContain('深圳华联超市有限公司');
      expect(got.text, name).toContain('叁万陆仟捌佰元整');
    }
  });

  it('does not mistake a single-byte text for UTF-16', () => {
    expect(plainText(Buffer.from('plain ASCII text, 2026-03-05\n'))).toBe('plain ASCII text, 2026-03-05\n');
  });
});

describe('RTF (16.13)', () => {
  it('decodes \\ansicpg936 bytes and \\u escapes, skipping the font table and the \\uc fallback', () => {
    const gbk = [...iconv.encode('续费合同', 'gbk')].map((b) => `\\'${b.toString(16)}`).join('');
    const rtf = `{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}{\\*\\generator Msftedit;}\\uc1\\pard\\f0 ${gbk}\\par 金额\\u37329?\\u39069?:\\u65509?3,600.00{\\*\\bkmkstart x}\\par}`;
    const text = rtfText(Buffer.from(rtf.replace('金额', ''), 'latin1'));
    expect(text).toContain('续费合同');
    expect(text).toContain('金额:￥3,600.00');
    expect(text).not.toContain('宋体');
    expect(text).not.toContain('Msftedit');
  });

  it('takes the code page from the font when the document is \\ansicpg1252', () => {
    const gbk = [...iconv.encode('营业执照', 'gbk')].map((b) => `\\'${b.toString(16)}`).join('');
    const rtf = `{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}{\\f1\\fcharset134 SimSun;}}\\f0 License: \\f1 ${gbk}\\f0 \\'e9t\\'e9\\par}`;
    expect(rtfText(Buffer.from(rtf, 'latin1'))).toBe('License: 营业执照été\n');
  });
});

describe('Office documents (16.13)', () => {
  it('reads a .docx body, headers, footers, footnotes and comments — not drawing numbers or deleted text', async () => {
    const zip = new JSZip();
    const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    zip.file(
      'word/document.xml',
      `<w:document><w:body>${p('正文第一段')}<w:p><w:r><w:delText>删掉的字</w:delText></w:r></w:p><wp:posOffset>914400</wp:posOffset></w:body></w:document>`,
    );
    zip.file('word/header1.xml', `<w:hdr>${p('页眉:华联超市')}</w:hdr>`);
    zip.file('word/footer2.xml', `<w:ftr>${p('页脚:第 1 页')}</w:ftr>`);
    zip.file('word/footnotes.xml', `<w:footnotes><w:footnote>${p('脚注:付款以发票为准')}</w:footnote></w:footnotes>`);
    zip.file('word/comments.xml', `<w:comments><w:comment>${p('批注:请核对金额')}</w:comment></w:comments>`);
    const got = await extractDocumentText(write('notes.docx', await zip.generateAsync({ type: 'nodebuffer' })), 'docx');
    for (const w of ['正文第一段', '页眉:华联超市', '页脚:第 1 页', '脚注:付款以发票为准', '批注:请核对金额'])
      expect(got.text).toContain(w);
    expect(got.text).not.toContain('删掉的字');
    expect(got.text).not.toContain('914400');
  });

  it('reads an .xlsx written by exceljs: shared strings, inline strings and numbers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户名称', '合同金额']);
    ws.addRow(['深圳华联超市有限公司', 36800]);
    const got = await extractDocumentText(write('clients.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), 'xlsx');
    expect(got.text).toContain('深圳华联超市有限公司');
    expect(got.text).toContain('36800');
  });

  it('says a password-protected Office file is encrypted, and a renamed non-document failed', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect((await extractDocumentText(write('locked.docx', ole), 'docx')).state).toBe('encrypted');
    expect((await extractDocumentText(write('fake.pdf', 'not a pdf'), 'pdf')).state).toBe('failed');
    expect((await extractDocumentText(write('fake.docx', 'not a zip'), 'docx')).state).toBe('failed');
    expect((await extractDocumentText(write('photo.jpg', 'x'), 'jpg')).needsOcr).toBe(true);
    expect((await extractDocumentText(write('drawing.dwg', 'x'), 'dwg')).state).toBe('unsupported');
  });
});

describe('the per-document cap (16.14)', () => {
  it('keeps everything under 2 MB and cuts above it on a character boundary, saying so', () => {
    const long = '合同'.repeat(200_000); // 1.2 MB of UTF-8
    expect(capText(long)).toEqual({ text: long, truncated: false });
    const huge = '金额'.repeat(500_000); // 3 MB
    const cut = capText(huge);
    expect(cut.truncated).toBe(true);
    expect(Buffer.byteLength(cut.text)).toBeLessThanOrEqual(TEXT_CAP_BYTES);
    expect(Buffer.byteLength(cut.text)).toBeGreaterThan(TEXT_CAP_BYTES - 3);
    expect(cut.text.endsWith('\ufffd')).toBe(false);
  });
});
