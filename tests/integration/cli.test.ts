import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOffice } from './office-cli';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Runs the real `office` bin in a child process, as a person would from a terminal. */
const office = (...args: string[]) => runOffice(dataDir, args);

describe('office CLI', () => {
  it('lists its commands', () => {
    const help = execFileSync(process.execPath, [path.join(root, 'bin/office.mjs'), '--help'], { encoding: 'utf8' });
    expect(help).toContain('staff');
    expect(help).toContain('serve');
  });

  it('adds staff with a salary in yuan and lists them', () => {
    const added = office(
      'staff',
      'add',
      '--code',
      'S001',
      '--name',
      '张伟',
      '--role',
      'salesperson',
      '--hired-on',
      '2026-03-01',
      '--salary',
      '¥3,000.50',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ code: 'S001', baseSalaryFen: 300050 });
    const listed = office('staff', 'list');
    expect(listed.stdout).toContain('张伟');
    expect(listed.stdout).toContain('3,000.50');
    const json = JSON.parse(office('staff', 'list', '--json').stdout) as { code: string }[];
    expect(json.map((s) => s.code)).toEqual(['S001']);
    expect(fs.existsSync(path.join(dataDir, 'office.db'))).toBe(true);
  });

  it('refuses a duplicate 工号 and a bad salary with exit 1 and a bilingual message', () => {
    const duplicate = office('staff', 'add', '--code', 'S001', '--name', '李娜', '--hired-on', '2026-03-01', '--salary', '3000');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('张伟');
    expect(duplicate.stderr).toContain('Error:');
    const negative = office('staff', 'add', '--code', 'S002', '--name', '李娜', '--hired-on', '2026-03-01', '--salary=-5');
    expect(negative.code).toBe(1);
    expect(negative.stderr).toMatch(/底薪不能为负数/);
    const words = office('staff', 'add', '--code', 'S003', '--name', '李娜', '--hired-on', '2026-03-01', '--salary', '三千');
    expect(words.code).toBe(1);
    expect(JSON.parse(office('staff', 'list', '--json').stdout)).toHaveLength(1);
  });

  it('explains unknown commands and options with exit 2', () => {
    expect(office('frobnicate').code).toBe(2);
    expect(office('staff', 'add', '--bogus').code).toBe(2);
  });
});
