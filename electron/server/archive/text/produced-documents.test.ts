import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocumentText } from './extract-text';

/**
 * Always-on counterpart of corpus.test.ts (whose real-world files are not in the repository):
 * documents made at test time by the real producers — LibreOffice writes .docx/.odt/.doc/.rtf
 * from one Chinese contract and .xlsx from a UTF-8 CSV; Chromium prints a CJK PDF — and each is
 * read back. The words carry this run's number, so nothing can pass from an old file.
 * Needs `soffice` (Debian libreoffice-writer-nogui + libreoffice-calc-nogui; .ci/run installs them).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-produced-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = String(Date.now() % 1_000_000).padStart(6, '0');
const WORDS = [`合同编号HT-${run}`, '深圳市华联超市有限公司', '保底销售额', '叁万陆仟捌佰元整'];
const html = `<!doctype html><html><head><meta charset="utf-8"><title>协议合同</title></head><body>
<h1>网站建设协议合同</h1><p>${WORDS[0]}</p><p>甲方：${WORDS[1]}，乙方：广州市恒信科技有限公司。</p>
<table border="1"><tr><td>${WORDS[2]}</td><td>¥36,800.00（${WORDS[3]}）</td></tr></table></body></html>`;

/** soffice with a profile of its own (parallel runs would fight over ~/.config/libreoffice). */
function soffice(input: string, target: string, infilter: string): string {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
      '--headless',
      `--infilter=${infilter}`,
      '--convert-to',
      target,
      '--outdir',
      dir,
      input,
    ],
    { stdio: 'pipe', timeout: 240_000 },
  );
  const out = path.join(dir, `${path.basename(input, path.extname(input))}.${target.split(':')[0]}`);
  if (!fs.existsSync(out)) throw new Error(`soffice did not write ${out}`);
  return out;
}

const produced = new Map<string, string>();
beforeAll(async () => {
  const source = path.join(dir, 'contract.html');
  fs.writeFileSync(source, html);
  for (const target of ['docx:MS Word 2007 XML', 'odt:writer8', 'doc:MS Word 97', 'rtf:Rich Text Format'])
    produced.set(target.split(':')[0]!, soffice(source, target, 'HTML (StarWriter)'));
  const csv = path.join(dir, 'sheet.csv');
  fs.writeFileSync(csv, `客户档案,${WORDS[2]},备注\n${WORDS[1]},36800,${WORDS[0]}\n`);
  produced.set('xlsx', soffice(csv, 'xlsx:Calc MS Excel 2007 XML', 'CSV:44,34,76'));

  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    ...(fs.existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html.replace('<body>', '<body style="font-family:\'Noto Sans CJK SC\',sans-serif">'));
    const pdf = path.join(dir, 'contract.pdf');
    fs.writeFileSync(pdf, await page.pdf({ format: 'A4' }));
    produced.set('pdf', pdf);
  } finally {
    await browser.close();
  }
}, 600_000);

describe('documents written by LibreOffice and Chromium are read back (16.11–13)', () => {
  it.each(['docx', 'odt', 'doc', 'rtf', 'pdf'])('.%s: every word of the contract', async (ext) => {
    const got = await extractDocumentText(produced.get(ext)!, ext);
    expect(got.state).toBe('text');
    for (const w of WORDS) expect(got.text.replace(/\s+/g, ''), got.text).toContain(w);
  });

  it('.xlsx: the cells of the sheet', async () => {
    const got = await extractDocumentText(produced.get('xlsx')!, 'xlsx');
    expect(got.state).toBe('text');
    for (const w of [WORDS[0], WORDS[1], WORDS[2], '客户档案', '36800']) expect(got.text, got.text).toContain(w);
  });
});
