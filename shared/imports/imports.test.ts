import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmountCell, parseDateCell } from './cells';
import { parseCsv, stringifyCsv } from './csv';
import { headerKey, assignColumns } from './headers';

describe('cells', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    [' 2026 年 3 月 5 日 ', '2026-03-05'],
    ['20260305', '2026-03-05'],
    [20220101, '2022-01-01'],
    ['2026-03-05 14:30:00', '2026-03-05'],
    [46086, '2026-03-05'],
    ['46086', '2026-03-05'],
    [new Date(Date.UTC(2026, 2, 5)), '2026-03-05'],
  ])('date %j → %s', (raw, iso) => {
    expect(parseDateCell(raw)).toBe(iso);
  });

  it.each(['2026-02-30', '2026/13/1', '3月5日', 'tomorrow', 3000, '12', 20220230, 20221301])('rejects date %j', (raw) => {
    expect(parseDateCell(raw)).toBeNull();
  });

  it.each([
    ['3000', 300000],
    ['3,000.00', 300000],
    ['¥3,000', 300000],
    ['3000元', 300000],
    [3000, 300000],
    [3000.5, 300050],
    [0.1 + 0.2, 30],
    [-120.25, -12025],
  ])('amount %j → %i fen', (raw, fen) => {
    expect(parseAmountCell(raw)).toBe(fen);
  });

  it.each(['三千', '3.001', '', 3000.001, true])('rejects amount %j', (raw) => {
    expect(parseAmountCell(raw)).toBeNull();
  });
});

describe('csv', () => {
  it('reads quotes, embedded separators and line breaks, CRLF and a missing last newline', () => {
    const text = '客户名称,备注\r\n"华联, 超市","他说""好""\n第二行"\r\n王五,';
    expect(parseCsv(text).rows).toEqual([
      ['客户名称', '备注'],
      ['华联, 超市', '他说"好"\n第二行'],
      ['王五', ''],
    ]);
    expect(parseCsv('a;b\n1;2').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,"b\n1,2').unterminatedQuoteAtLine).toBe(1);
  });

  it('round-trips any table through stringify and parse', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').replace(/^[=+\-@\t\r]/, 'x')));
          expect(parseCsv(stringifyCsv(table), ',').rows).toEqual(table);
        },
      ),
    );
  });

  it('defuses formulas on export', () => {
    expect(stringifyCsv([['=1+1', '-5', '@x']])).toBe("'=1+1,-5,'@x\r\n");
  });
});

describe('headers', () => {
  const specs = [
    { field: 'name', label: '客户名称', labelEn: 'name', aliases: ['客户', '公司名称', '单位名称'], required: true },
    { field: 'amount', label: '金额', labelEn: 'amount', aliases: [] },
    { field: 'phone', label: '电话', labelEn: 'phone', aliases: ['手机号码', '联系电话'], multi: 'list' },
  ] as const;
  const cols = (...headers: string[]) => headers.map((h, i) => ({ key: String.fromCharCode(65 + i), header: h, names: [h] }));
  it('matches Chinese or English headers with units, marks, notes and spacing', () => {
    expect(headerKey(' * 金额（元） ')).toBe('金额');
    expect(headerKey('名称*')).toBe('名称');
    expect(headerKey('登录名（必填）')).toBe('登录名');
    expect(headerKey('角色（必填,必须是系统已经存在（多个角色以英文的","分割）)')).toBe('角色');
    const m = assignColumns(cols('*客户名称', 'AMOUNT (yuan)', '其他'), specs, null);
    expect(m.byField).toEqual({ name: ['A'], amount: ['B'] });
    expect(m.byColumn.C).toEqual({ field: null, match: 'unknown' });
    expect(m.missing).toEqual([]);
    expect(assignColumns(cols('金额'), specs, null).missing.map((s) => s.field)).toEqual(['name']);
    expect(assignColumns(cols('客户', 'name'), specs, null).doubled).toEqual([{ field: 'name', keys: ['A', 'B'] }]);
  });

  it('lets several columns feed a multi field, and a chosen mapping win over the headers', () => {
    const two = assignColumns(cols('单位名称', '手机号码', '联系电话'), specs, null);
    expect(two.byField.phone).toEqual(['B', 'C']);
    expect(two.doubled).toEqual([]);
    const chosen = assignColumns(cols('客户', '公司名称', '备注'), specs, { map: { B: 'name', A: '' }, source: 'chosen' });
    expect(chosen.byField.name).toEqual(['B']);
    expect(chosen.byColumn.A).toEqual({ field: null, match: 'ignored' });
    expect(chosen.byColumn.B).toEqual({ field: 'name', match: 'chosen' });
    expect(chosen.doubled).toEqual([]);
    expect(assignColumns(cols('客户'), specs, { map: { A: 'nonsense' }, source: 'chosen' }).unknownFields).toEqual(['nonsense']);
  });
});
