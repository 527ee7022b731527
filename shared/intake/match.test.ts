import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDate, partialRatio, phonesIn, propose, ruleMatches, type KindRule } from './match';

const rules: KindRule[] = [
  { id: 1, kindId: 5, algorithm: 'exact', match: '补充协议', caseInsensitive: true },
  { id: 2, kindId: 2, algorithm: 'any', match: '合同 协议', caseInsensitive: true },
  { id: 3, kindId: 1, algorithm: 'any', match: '营业执照', caseInsensitive: true },
];
const clients = [
  { id: 10, name: '杭州星河贸易有限公司', phones: ['13812345678'] },
  { id: 11, name: '王芳', phones: [] },
  { id: 12, name: '王芳芳', phones: ['+86 139-0000-1111'] },
];
const contracts = [{ id: 100, number: 'HT-2026-0042', clientId: 10 }];

describe('matching rules (any / all / exact / regex / fuzzy)', () => {
  it('each algorithm matches what it says and nothing else', () => {
    const r = (algorithm: KindRule['algorithm'], match: string, caseInsensitive = true) => ({
      algorithm,
      match,
      caseInsensitive,
    });
    expect(ruleMatches(r('any', '发票 收据'), '本收据一式两份')).toBe(true);
    expect(ruleMatches(r('all', '发票 收据'), '本收据一式两份')).toBe(false);
    expect(ruleMatches(r('all', '发票 收据'), '发票与收据')).toBe(true);
    expect(ruleMatches(r('exact', '补充 协议'), '补充协议')).toBe(true);
    expect(ruleMatches(r('exact', 'ABC', false), 'abc')).toBe(false);
    expect(ruleMatches(r('exact', 'ABC', true), 'abc')).toBe(true);
    expect(ruleMatches(r('regex', 'HT-\\d{4}'), 'xxHT-2026')).toBe(true);
    expect(ruleMatches(r('regex', '(unclosed'), '(unclosed')).toBe(false);
    // One character misread by OCR still matches fuzzily, not exactly.
    expect(ruleMatches(r('exact', '网站建设服务合同'), '网站建设服务台同')).toBe(false);
    expect(ruleMatches(r('fuzzy', '网站建设服务合同'), '甲方委托网站建设服务台同如下')).toBe(true);
    expect(ruleMatches(r('fuzzy', '网站建设服务合同'), '完全无关的一段文字内容')).toBe(false);
  });

  it('partialRatio is 1 exactly when the needle is inside, and within 0–1 always', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        (n, a, b) => {
          expect(partialRatio(n, a + n + b)).toBe(1);
          const r = partialRatio(n, a);
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(1);
          if (!a.includes(n)) expect(r).toBeLessThan(1);
        },
      ),
    );
  });
});

describe('dates and phones found in the text', () => {
  it('takes the first real date in any of the usual forms', () => {
    expect(firstDate('签订日期:2026年3月5日,付款 2026-04-01')).toBe('2026-03-05');
    expect(firstDate('付款 2026/04/01 签订 2026年3月5日')).toBe('2026-04-01');
    expect(firstDate('２０２６年１２月３１日')).toBe('2026-12-31');
    expect(firstDate('2026-02-30 不存在, 20260228')).toBe('2026-02-28');
    expect(firstDate('电话 13812345678')).toBeNull();
  });

  it('any generated date written in Chinese comes back as YYYY-MM-DD', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1995-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.string({ maxLength: 20 }),
        (d, noise) => {
          const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
          const clean = noise.replace(/[\d\uFF10-\uFF19年月日]/g, '');
          expect(firstDate(`${clean}${y}年${m}月${day}日`)).toBe(
            `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          );
        },
      ),
    );
  });

  it('reads mobile numbers with spaces or dashes, not longer digit runs', () => {
    expect([...phonesIn('电话:138 1234 5678;账号 6222021380001234567')]).toEqual(['13812345678']);
  });
});

describe('propose: client, contract, kind, date', () => {
  it('a contract number is the strongest evidence and brings its contract', () => {
    const p = propose({
      text: '合同编号 HT-2026-0042\n签订日期 2026年5月6日\n王芳',
      fileName: 'scan001.jpg',
      clients,
      contracts,
      rules,
    });
    expect(p).toMatchObject({ clientId: 10, contractId: 100, kindId: 2, docDate: '2026-05-06', confident: true });
  });

  it('a phone finds the client; the longer name wins over the name inside it', () => {
    expect(propose({ text: '联系电话 139 0000 1111 营业执照', fileName: 'a.jpg', clients, contracts, rules })).toMatchObject({
      clientId: 12,
      kindId: 1,
      confident: true,
    });
    expect(propose({ text: '客户王芳芳的补充协议', fileName: 'a.jpg', clients, contracts, rules })).toMatchObject({
      clientId: 12,
      kindId: 5,
    });
  });

  it('the file name counts too; two unrelated clients are a question, not a guess', () => {
    expect(propose({ text: '', fileName: '王芳_合同.jpg', clients, contracts, rules })).toMatchObject({
      clientId: 11,
      kindId: 2,
    });
    const two = propose({ text: '杭州星河贸易有限公司 与 王芳 的合同', fileName: 'x.jpg', clients, contracts, rules });
    expect(two.clientId).toBeNull();
    expect(two.confident).toBe(false);
  });

  it('a name read with one OCR slip is proposed but never filed by itself', () => {
    const p = propose({ text: '杭州星河贸易有限公可 合同', fileName: 'x.jpg', clients, contracts, rules });
    expect(p.clientId).toBe(10);
    expect(p.confident).toBe(false);
  });

  it('no kind rule matched: not confident even with a sure client', () => {
    const p = propose({ text: '合同编号 HT-2026-0042', fileName: 'x.jpg', clients, contracts, rules: [] });
    expect(p).toMatchObject({ clientId: 10, kindId: null, confident: false });
  });
});
