import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runOffice } from './office-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-backup-cli-'));
const dataDir = path.join(dir, 'data');
const backups = path.join(dir, 'backups');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const office = (...args: string[]) => runOffice(dataDir, args);

function staffCodes(): string[] {
  const db = new BetterSqlite3(path.join(dataDir, 'office.db'), { readonly: true });
  try {
    return db.prepare('SELECT code FROM staff ORDER BY code').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('office backup / restore', () => {
  it('backs up the database and archive, refuses a damaged backup, and restores keeping the current data aside', () => {
    expect(
      office('staff', 'add', '--code', 'B001', '--name', '备份前', '--hired-on', '2025-01-01', '--salary', '3000').code,
    ).toBe(0);
    const scan = path.join(dir, '合同.pdf');
    fs.writeFileSync(scan, 'the contract');
    expect(office('archive', 'file', scan, '--kind', '协议合同').code).toBe(0);
    const made = office('backup', backups);
    expect(made.code, made.stderr).toBe(0);
    const result = JSON.parse(made.stdout);
    expect(result).toMatchObject({ documents: 1, copiedFiles: 1 });
    expect(fs.readdirSync(backups).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    // Life goes on after the backup: a new person, and the archive file is lost.
    expect(
      office('staff', 'add', '--code', 'B002', '--name', '备份后', '--hired-on', '2025-01-01', '--salary', '3000').code,
    ).toBe(0);
    const filed = fs
      .readdirSync(path.join(dataDir, '档案', '协议合同'), { recursive: true })
      .map(String)
      .find((f) => f.endsWith('.pdf'))!;
    fs.rmSync(path.join(dataDir, '档案', '协议合同', filed));

    // A damaged archive copy is refused before anything is touched.
    const copied = path.join(backups, '档案副本', '协议合同', filed);
    fs.writeFileSync(copied, 'tampered');
    const refused = office('restore', backups);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('档案副本');
    expect(staffCodes()).toEqual(['B001', 'B002']);
    fs.writeFileSync(copied, 'the contract');

    const restored = office('restore', backups);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout).keptAside.length).toBeGreaterThan(0);
    expect(staffCodes()).toEqual(['B001']);
    expect(fs.readFileSync(path.join(dataDir, '档案', '协议合同', filed), 'utf8')).toBe('the contract');
    expect(office('archive', 'audit').code).toBe(0);
  }, 90_000);
});
