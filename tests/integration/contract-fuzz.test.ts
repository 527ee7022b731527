import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { startFuzzOffice, type FuzzOffice } from '../fuzz/fuzz-office';
import { callsPerMethod, expectCleanRun } from '../fuzz/fuzz-plan';

/**
 * Bad input gets a clear refusal, never `internal` or a 5xx (issue 14.11): the inputs the issue
 * found, then a property-based fuzz of every contract method through the real HTTP host, as
 * every role and anonymously. The ≥ 10,000-call run is tests/reliability/contract-fuzz.test.ts.
 */
let fuzz: FuzzOffice;
beforeAll(async () => {
  fuzz = await startFuzzOffice();
}, 120_000);
afterAll(() => fuzz.close());

const codeOf = async (method: string, input: unknown, caller: 'owner' | 'anonymous' = 'owner') => {
  const answer = await fuzz.post(method, JSON.stringify(input), caller);
  return { status: answer.status, code: answer.envelope?.ok ? 'ok' : answer.envelope?.error?.code };
};

describe('the inputs issue 14.11 found', () => {
  it('are refused as invalid input, naming the field', async () => {
    const long = `${fuzz.sandbox}/${'x'.repeat(5_000)}`;
    for (const [method, input] of [
      ['dashboard.get', { asOf: 'tomorrow' }],
      ['dashboard.get', { asOf: '9999-12-31' }],
      ['backup.run', { dir: '2026-13' }],
      ['backup.run', { dir: `${fuzz.sandbox}/a\u0000b` }],
      ['backup.run', { dir: long }],
      ['backup.updateSettings', { dir: 'relative/folder' }],
      ['archive.fix', { kind: 'staging', relPath: 'a\u0000b' }],
      ['archive.fix', { kind: 'empty', relPath: '../../outside.txt' }],
      ['archive.fix', { kind: 'unrecorded', relPath: 'x'.repeat(5_000) }],
      ['contracts.create', { clientId: 1, amountFen: 100, endsOn: '9999-12-31' }],
      ['performance.sheet', { month: '2026-13' }],
      ['clients.reminders', { from: '2026-02-30' }],
      // Found by the fuzz: a document pointed at a client, contract or kind that does not exist.
      ['archive.update', { id: 1, fields: { clientId: 99_999 } }],
      ['archive.update', { id: 1, fields: { kindId: 99_999 } }],
    ] as const) {
      expect(await codeOf(method, input), `${method} ${JSON.stringify(input).slice(0, 80)}`).toEqual({
        status: 400,
        code: 'invalid_input',
      });
    }
  });

  it('a contract ending at the end of the range, or a bad date stored earlier, cannot be renewed into the year 2101 or 10000', async () => {
    const edge = fuzz.office.sqlite.prepare(`SELECT id FROM contracts WHERE ends_on = '2100-12-31'`).pluck().get() as number;
    expect(await codeOf('contracts.renew', { id: edge })).toEqual({ status: 400, code: 'invalid_input' });
    // A value stored before dates were range-checked (an old import): refused, not 500, nothing stored.
    fuzz.office.sqlite.prepare(`UPDATE contracts SET ends_on = '9999-12-31' WHERE id = ?`).run(edge);
    expect(await codeOf('contracts.renew', { id: edge })).toEqual({ status: 400, code: 'invalid_input' });
    expect(
      fuzz.office.sqlite.prepare(`SELECT count(*) FROM contracts WHERE ends_on > '2100-12-31' AND id != ?`).pluck().get(edge),
    ).toBe(0);
    // With the term given, the renewal goes through.
    expect(await codeOf('contracts.renew', { id: edge, startsOn: '2027-01-01', endsOn: '2027-12-31' })).toEqual({
      status: 200,
      code: 'ok',
    });
  });
});

describe('contract fuzz', () => {
  it('every method, every role: no internal error, no 5xx, the host answers throughout', async () => {
    const prototype = Object.getOwnPropertyNames(Object.prototype);
    const report = await fuzz.run({ callsPerMethod: callsPerMethod(18), seed: 20261127 });
    expectCleanRun(report, prototype);
    expect(report.methods).toBe(Object.keys(contract).length);
    expect(report.calls).toBeGreaterThan(1_200);
    expect((await fuzz.post('auth.status', '{}', 'anonymous')).status).toBe(200);
  }, 900_000);
});
