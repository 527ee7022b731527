import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_INFO_FILE, officeInUseError, readHolder, tryLockOffice } from './office-lock';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-lock-unit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('office lock (one process; across processes see tests/integration/office-lock.test.ts)', () => {
  it('says who holds it while held, is reentrant within the process, and is gone when released', () => {
    const first = tryLockOffice(dir, 'serve');
    if (!('lock' in first)) throw new Error('not taken');
    expect(first.lock.first).toBe(true);
    expect(readHolder(dir)).toMatchObject({ pid: process.pid, program: 'serve', host: os.hostname() });
    const again = tryLockOffice(dir, 'cli');
    if (!('lock' in again)) throw new Error('not reentrant');
    expect(again.lock.first).toBe(false);
    again.lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_INFO_FILE))).toBe(true);
    first.lock.release();
    first.lock.release(); // twice is harmless
    expect(fs.existsSync(path.join(dir, LOCK_INFO_FILE))).toBe(false);
    const later = tryLockOffice(dir, 'app');
    if (!('lock' in later)) throw new Error('not free after release');
    expect(later.lock.first).toBe(true);
    later.lock.release();
  });

  it('ignores an info file naming a dead process, and explains a refusal in both languages', () => {
    fs.writeFileSync(
      path.join(dir, LOCK_INFO_FILE),
      JSON.stringify({ pid: 2 ** 22 + 7, processStartedAt: '', since: '', program: 'app', host: os.hostname() }),
    );
    expect(readHolder(dir)).toBeNull();
    const e = officeInUseError(
      { pid: 4242, processStartedAt: '2026-11-27T01:00:00Z', since: '2026-11-27T01:02:00Z', program: 'app', host: 'pc' },
      'write',
    );
    expect(e.code).toBe('unavailable');
    expect(e.zh).toContain('门店通桌面应用');
    expect(e.zh).toContain('进程 4242');
    expect(e.zh).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d 起/);
    expect(e.zh).toContain('正在使用这个数据文件夹');
    expect(e.messageEn).toMatch(/the 门店通 desktop app \(process 4242, since .*\) is using this data folder/);
  });
});
