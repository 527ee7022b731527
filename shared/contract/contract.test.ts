import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROLES } from '../roles';
import { contract, contractParts } from './index';

describe('the contract', () => {
  it('has globally unique method names across areas', () => {
    const all = contractParts.flatMap((part) => Object.keys(part));
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(contract).length).toBe(all.length);
  });

  it('names every method area.verb and declares its roles', () => {
    for (const [name, def] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      if (def.roles !== 'public') {
        expect(def.roles.length).toBeGreaterThan(0);
        for (const role of def.roles) expect(ROLES).toContain(role);
      }
      expect(def.summary.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(def.summary.en).toMatch(/^[A-Z]/);
    }
  });

  it('declares every input field that names a folder or file of the office PC as a server path', () => {
    // A full path (absolutePathSchema) or a field called like a folder that is not inside the archive.
    const folderLike = /^(folder|root|dir|sourcePath|archiveRoot)$/;
    const undeclared: string[] = [];
    for (const [name, def] of Object.entries(contract)) {
      const schema = z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as {
        properties?: Record<string, { format?: string; anyOf?: { format?: string }[] }>;
      };
      for (const [field, prop] of Object.entries(schema.properties ?? {})) {
        const formats = [prop.format, ...(prop.anyOf ?? []).map((p) => p.format)];
        const named = formats.includes('abs-path') || (folderLike.test(field) && !formats.includes('archive-path'));
        if (named && !def.serverPaths?.includes(field)) undeclared.push(`${name}.${field}`);
      }
      for (const field of def.serverPaths ?? []) expect(Object.keys(schema.properties ?? {}), name).toContain(field);
    }
    expect(undeclared, 'add these to the method\'s serverPaths (only from the office PC)').toEqual([]);
  });
});
