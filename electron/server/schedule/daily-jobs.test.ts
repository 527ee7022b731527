import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/performance/performance-types';
import { callOk, createTestOffice, type TestOffice } from '../testing/test-office';
import { isAuditDue, startDailyJobs } from './daily-jobs';

let office: TestOffice | undefined;
afterEach(() => office?.dispose());

it('the audit is due with none yet and a day after the last one, not before', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  expect(isAuditDue(null, now)).toBe(true);
  expect(isAuditDue('2026-11-22T10:00:01Z', now)).toBe(false);
  expect(isAuditDue('2026-11-22T10:00:00Z', now)).toBe(true);
});

it('the scheduled audit runs at start and the dashboard shows when and how many findings', async () => {
  office = createTestOffice({ now: () => new Date('2026-11-23T02:00:00Z') });
  const before = await callOk<Dashboard>(office, 'dashboard.get', {});
  expect(before.archive).toEqual({ lastAuditAt: null, findings: null });
  // A file someone dropped into the archive folder by hand: a finding (文件夹外的文件).
  fs.mkdirSync(office.archiveRoot(), { recursive: true });
  fs.writeFileSync(path.join(office.archiveRoot(), '随手放的.txt'), 'not filed');
  const lines: string[] = [];
  const stop = startDailyJobs(office, (text) => lines.push(text));
  for (let i = 0; i < 100 && !lines.some((l) => l.startsWith('archive audit')); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  stop();
  expect(lines).toContain('archive audit: 1 findings in 0 documents');
  const after = await callOk<Dashboard>(office, 'dashboard.get', {});
  expect(after.archive).toEqual({ lastAuditAt: '2026-11-23T02:00:00.000Z', findings: 1 });
});
