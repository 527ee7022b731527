import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE, renderTemplate, templateProblems } from './path-template';
import { fitPathBudget, pathKey, safeComponent, safeFileName, splitFileName, withCollisionSuffix } from './safe-path';

const bytes = (s: string) => new TextEncoder().encode(s).length;

function isSafe(component: string): boolean {
  return (
    component.length > 0 &&
    // eslint-disable-next-line no-control-regex -- checking that none survived
    !/[<>:"/\\|?*\u0000-\u001f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(component) &&
    !/[. ]$/.test(component) &&
    component !== '.' &&
    component !== '..' &&
    !/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(component) &&
    bytes(component) <= 255 &&
    component === component.normalize('NFC')
  );
}

describe('safe paths', () => {
  it('makes any text one safe component (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        expect(isSafe(safeComponent(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('handles the known traps', () => {
    expect(safeComponent('CON')).toBe('_CON');
    expect(safeComponent('nul.txt')).toBe('_nul.txt');
    expect(safeComponent('com1')).toBe('_com1');
    expect(safeComponent('报价. . ')).toBe('报价');
    expect(safeComponent('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeComponent('..')).toBe('_');
    expect(safeComponent('cafe\u0301')).toBe('café');
    expect(safeFileName('报价\u202Efdp', 'exe')).toBe('报价fdp.exe');
    expect(safeComponent('\u2067王\u2069\u200f')).toBe('王');
    expect(bytes(safeComponent('档'.repeat(200)))).toBeLessThanOrEqual(255);
    expect(safeFileName('档'.repeat(200), 'PDF').endsWith('.pdf')).toBe(true);
    expect(splitFileName('C:\\docs\\报价.v2.PDF')).toEqual({ stem: '报价.v2', ext: 'pdf' });
    expect(withCollisionSuffix('合同.pdf', 2)).toBe('合同_2.pdf');
    expect(pathKey('客户档案/ABC.PDF')).toBe(pathKey('客户档案/abc.pdf'));
  });

  it('renders the default template; no value can add a level or go up (property)', () => {
    const values = {
      master: '协议合同',
      sub: '建站合同',
      date: '2026-03-05',
      client: '深圳华联超市',
      contract: 'HT-1',
      title: '年度合同',
      originalStem: 'scan001',
      ext: 'pdf',
    };
    expect(renderTemplate(DEFAULT_TEMPLATE, values).join('/')).toBe(
      '协议合同/建站合同/2026/2026-03/2026-03-05_深圳华联超市_年度合同.pdf',
    );
    expect(renderTemplate(DEFAULT_TEMPLATE, { ...values, sub: '' }).join('/')).toBe(
      '协议合同/2026/2026-03/2026-03-05_深圳华联超市_年度合同.pdf',
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (client, title, sub) => {
        const parts = renderTemplate(DEFAULT_TEMPLATE, { ...values, client, title, sub });
        expect(parts.length).toBeGreaterThanOrEqual(4);
        expect(parts.length).toBeLessThanOrEqual(5);
        for (const p of parts) expect(isSafe(p), JSON.stringify(p)).toBe(true);
        expect(parts.at(-1)!.endsWith('.pdf')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('fits the Windows path budget by shortening the name, then the folders', () => {
    const parts = ['客户档案', '很长的子目录'.repeat(10), '2026', '2026-03', `${'标题'.repeat(100)}.pdf`];
    const fitted = fitPathBudget(parts, 'D:\\门店档案'.length);
    expect('D:\\门店档案'.length + 1 + fitted.join('/').length).toBeLessThanOrEqual(259);
    expect(fitted.at(-1)!.endsWith('.pdf')).toBe(true);
    expect(fitted[0]).toBe('客户档案');
  });

  it('explains a bad template', () => {
    expect(templateProblems(DEFAULT_TEMPLATE)).toEqual([]);
    expect(
      templateProblems('{母目录}/{未知}.{ext}')
        .map((p) => p.en)
        .join(' '),
    ).toContain('Unknown fields');
    expect(templateProblems('../{标题}.{ext}').length).toBeGreaterThan(0);
    expect(templateProblems('{母目录}/{标题}').length).toBeGreaterThan(0);
  });
});
