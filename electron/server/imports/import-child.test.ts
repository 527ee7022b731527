import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/imports/import-report';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { staffActor } from '../testing/office-fixtures';
import { runningImportChildPid, stopSpareImportChild } from './import-process';
import { bigClientsCsv } from './testing/hostile-files';

/**
 * Issue 14.9: an import runs in a child process of its own. When that process dies — killed
 * from outside mid-write, or out of its bounded heap — the host answers a clear bilingual
 * error (never `internal`), nothing of the import is written, and the host goes on answering
 * and writing at once.
 */
describe('an import child that dies', () => {
  let office: TestOffice;
  beforeEach(async () => {
    office = createTestOffice();
    await staffActor(office, 'S001', '张伟');
  });
  afterEach(async () => {
    delete process.env.OFFICE_IMPORT_HEAP_MB;
    stopSpareImportChild();
    await office.dispose();
  });

  const count = (): number => office.sqlite.prepare('SELECT count(*) FROM clients').pluck().get() as number;

  async function hostStillWrites(): Promise<void> {
    const t0 = performance.now();
    await callOk(office, 'clients.create', { name: '之后新建', phones: ['13912345678'] });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(count()).toBe(1);
    // And the next import gets a fresh child that works.
    const csv = Buffer.from('客户名称,电话\n后来甲,13800000001\n');
    const next = await callOk<{ inserted: number }>(office, 'clients.import', {
      fileName: 'next.csv',
      dataBase64: csv.toString('base64'),
    });
    expect(next.inserted).toBe(1);
    expect(count()).toBe(2);
  }

  it('killed mid-write: a clear error, nothing written, the host answers and writes at once', async () => {
    const running = office.call(owner, 'clients.import', {
      fileName: 'big.csv',
      dataBase64: bigClientsCsv(120_000).toString('base64'),
      jobId: 'kill-me-1',
    });
    let pid: number | undefined;
    for (let i = 0; i < 1200 && pid === undefined; i++) {
      const p = await office.call(owner, 'imports.progress', { jobId: 'kill-me-1' });
      const progress = p.ok ? (p.value as ImportProgress | null) : null;
      if (progress?.phase === 'writing' && progress.done >= 5_000) pid = runningImportChildPid();
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    const answer = await running;
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('unavailable');
    expect(answer.error.message).toMatch(/意外结束\(SIGKILL\),未写入任何数据/);
    expect(answer.error.messageEn).toMatch(/ended unexpectedly \(SIGKILL\); nothing was written/);
    expect(count()).toBe(0);
    const job = await callOk<ImportProgress>(office, 'imports.progress', { jobId: 'kill-me-1' });
    expect(job.phase).toBe('failed');
    await hostStillWrites();
  }, 300_000);

  it('out of its heap: refused naming the memory limit, nothing written, the host answers', async () => {
    // A heap far below what 200k rows need; the same path a hostile file takes at the real limit.
    process.env.OFFICE_IMPORT_HEAP_MB = '24';
    stopSpareImportChild();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const t0 = performance.now();
    const answer = await office.call(owner, 'clients.import', {
      fileName: 'huge.csv',
      dataBase64: bigClientsCsv(283_000).toString('base64'),
    });
    const ms = performance.now() - t0;
    clearInterval(timer);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('too_large');
    expect(answer.error.message).toMatch(/超过导入上限\(读取时的内存 24 MB\).*未写入任何数据/);
    expect(answer.error.messageEn).toMatch(/import limit \(memory while reading 24 MB\).*nothing was written/);
    expect(answer.error.details).toMatchObject({ limit: 'workerHeapMb', limitValue: 24 });
    expect(count()).toBe(0);
    // The host's own timers kept running while the child filled its heap (loose: a shared machine).
    expect(ticks).toBeGreaterThan(ms / 20 / 4);
    delete process.env.OFFICE_IMPORT_HEAP_MB;
    await hostStillWrites();
  }, 300_000);
});
