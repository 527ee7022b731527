import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { checkDatabase, isNetworkPath } from './startup-checks';

const MOUNTS = `/dev/sda1 / ext4 rw 0 0
server:/exports /mnt/office nfs4 rw 0 0
//nas/share /media/nas cifs rw 0 0
/dev/sdb1 /mnt/office/local ext4 rw 0 0
`;

describe('startup checks', () => {
  it('recognises network shares and nothing else', () => {
    expect(isNetworkPath('\\\\nas\\share\\门店通', 'win32', null)).toBe(true);
    expect(isNetworkPath('C:\\Users\\王\\门店通', 'win32', null)).toBe(false);
    expect(isNetworkPath('\\\\?\\C:\\long\\path', 'win32', null)).toBe(false);
    expect(isNetworkPath('/mnt/office/data', 'linux', MOUNTS)).toBe(true);
    expect(isNetworkPath('/media/nas', 'linux', MOUNTS)).toBe(true);
    expect(isNetworkPath('/mnt/office/local/data', 'linux', MOUNTS)).toBe(false);
    expect(isNetworkPath('/home/wang/门店通', 'linux', MOUNTS)).toBe(false);
  });

  it('reports broken foreign keys as a problem', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = OFF');
    db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (a_id INTEGER REFERENCES a(id)); INSERT INTO b VALUES (7);');
    expect(checkDatabase(db)).toMatchObject({ ok: false });
    db.exec('DELETE FROM b');
    expect(checkDatabase(db)).toEqual({ ok: true, problems: [] });
    db.close();
  });
});

describe('a database that fails its startup check', () => {
  it('opens for reading, refuses writes with an explanation, and stays untouched', async () => {
    const { createTestOffice, callOk, owner } = await import('../testing/test-office');
    const { openOffice } = await import('../office');
    const office = createTestOffice();
    const dir = office.dir;
    await callOk(office, 'staff.create', {
      code: 'S1',
      name: '张',
      role: 'salesperson',
      hiredOn: '2025-01-01',
      baseSalaryFen: 1,
    });
    office.sqlite.pragma('foreign_keys = OFF');
    office.sqlite
      .prepare(`INSERT INTO follow_ups (client_id, happened_on, way, created_at) VALUES (999, '2026-01-01', 'phone', 'x')`)
      .run();
    await office.close();
    const damaged = openOffice({ dataDir: dir });
    try {
      expect(damaged.health).toMatchObject({ ok: false });
      expect((await damaged.call(owner, 'staff.list', {})).ok).toBe(true);
      const write = await damaged.call(owner, 'staff.create', {
        code: 'S2',
        name: '李',
        role: 'salesperson',
        hiredOn: '2025-01-01',
        baseSalaryFen: 1,
      });
      expect(write.ok).toBe(false);
      if (!write.ok) {
        expect(write.error.code).toBe('unavailable');
        expect(write.error.message).toContain('office restore');
      }
    } finally {
      await damaged.close();
      (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
    }
  });
});
