import { expect } from 'vitest';
import type { FuzzReport } from './fuzz-office';

/**
 * Each of these pays a full scrypt (N = 2^17, about 0.3 s — seconds on a loaded machine) per
 * call by design: sign-in with a 工号 nobody has (hashed anyway, so timing tells nothing) and an
 * owner setting a valid password. They get a smaller share so the run stays inside CI's time;
 * every other method gets `perMethod` calls.
 */
const SCRYPT_BOUND = new Set(['auth.login', 'auth.setPassword']);

export function callsPerMethod(perMethod: number): (method: string) => number {
  return (method) => (SCRYPT_BOUND.has(method) ? Math.max(4, Math.round(perMethod / 8)) : perMethod);
}

/** What every fuzz run must show: no `internal`, no 5xx, an answer to every call, prototypes untouched. */
export function expectCleanRun(report: FuzzReport, prototypeBefore: string[]): void {
  const summary = `${report.calls} calls over ${report.methods} methods in ${report.seconds.toFixed(0)} s; by status ${JSON.stringify(report.byStatus)}; by code ${JSON.stringify(report.byCode)}; ${report.reSignIns} re-sign-ins`;
  console.log(`[contract-fuzz] ${summary}`);
  expect(report.failures, summary).toEqual([]);
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
}
