import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { dateSchema, idSchema } from '../../../shared/contract/field-schemas';
import { parseInput } from './validation';

describe('parseInput', () => {
  it("gives a schema's own text in each language, field by field", () => {
    const schema = z.object({ day: dateSchema, id: idSchema });
    const parsed = parseInput(schema, { day: '2026-02-30', id: 'x' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      { path: 'day', message: '没有这一天(例如 2 月 30 日)', messageEn: 'There is no such day (e.g. 30 February)' },
      { path: 'id', message: '编号必须是数字', messageEn: 'An id must be a number' },
    ]);
  });

  it("falls back to zod's own Chinese and English where a schema says nothing", () => {
    const parsed = parseInput(z.object({ name: z.string() }), { name: 3 });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues[0]!.path).toBe('name');
    expect(parsed.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(parsed.issues[0]!.messageEn).toMatch(/expected string/i);
  });
});

describe('schema messages', () => {
  it('are all written with zhEn — no hand-made "中文 / English" text left for the input check to guess at', () => {
    const roots = ['shared', 'electron'];
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (full.endsWith('.ts') && !full.endsWith('.test.ts')) files.push(full);
      }
    };
    for (const root of roots) walk(path.resolve(__dirname, '../../..', root));
    // `error:` followed by a literal holding Chinese and then "/ " and a Latin letter.
    const handMade = /error:\s*['`][^'`]*[\u4e00-\u9fff][^'`]*\/ [A-Za-z]/;
    const found = files.filter((f) => handMade.test(fs.readFileSync(f, 'utf8')));
    expect(files.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
