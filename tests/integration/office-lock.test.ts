import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Issue 14.7/14.8: one process holds an office. While `office serve` runs, CLI reads work, CLI
 * writes and `office restore` are refused with a message naming the holder, a second host is
 * refused, and no CLI command touches the host's in-progress staging file. After the holder is
 * killed with SIGKILL the lock is free at once (the OS dropped it), and only then does startup
 * clean the staging file nobody owns any more.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-lock-'));
const dataDir = path.join(dir, 'data');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

function office(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/office.mjs'), '--data', dataDir, ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function serve(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(root, 'bin/office.mjs'), '--data', dataDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /http:\/\/[\d.]+:\d+/.exec(out)?.[0];
      if (url) resolve({ child, url });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

const staffAdd = (code: string) =>
  office('staff', 'add', '--code', code, '--name', `员工${code}`, '--hired-on', '2026-01-05', '--salary', '3000');

describe('the office lock', () => {
  it('lets CLI reads run beside a host, refuses writes, restore and a second host, and keeps the host’s staging file', async () => {
    expect(staffAdd('L001').code).toBe(0);
    const host = await serve();
    const staging = path.join(dataDir, '档案', '.staging');
    fs.mkdirSync(staging, { recursive: true });
    const uploading = path.join(staging, 'an-upload-in-progress');
    fs.writeFileSync(uploading, 'half a file');

    const list = office('staff', 'list', '--json');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('L001');
    const exported = office('export', 'clients', '--format', 'csv', '--out', path.join(dir, 'clients.csv'));
    expect(exported.code, exported.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'clients.csv'))).toBe(true);
    expect(fs.existsSync(uploading)).toBe(true);

    const write = staffAdd('L002');
    expect(write.code).toBe(1);
    expect(write.stderr).toContain('office serve');
    expect(write.stderr).toContain('命令行在它运行时只能查看,不能修改数据');
    expect(write.stderr).toContain(`process ${host.child.pid}`);
    expect(office('staff', 'list', '--json').stdout).not.toContain('L002');

    const restore = office('restore', path.join(dir, 'no-backup-needed'));
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('恢复会替换整个数据库和档案');

    const second = spawnSync(process.execPath, [path.join(root, 'bin/office.mjs'), '--data', dataDir, 'serve', '--port', '0'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('同一个数据文件夹同时只能由一个门店通使用');
    expect(fs.existsSync(uploading)).toBe(true);

    // kill -9: no stale lock is left to take over by hand.
    host.child.kill('SIGKILL');
    await new Promise((resolve) => host.child.once('exit', resolve));
    const after = staffAdd('L003');
    expect(after.code, after.stderr).toBe(0);
    // With no live holder, the leftover staging file is cleaned at startup.
    expect(fs.existsSync(uploading)).toBe(false);
  }, 180_000);
});
