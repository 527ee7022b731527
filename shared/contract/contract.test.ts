import { describe, expect, it } from 'vitest';
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
      expect(def.summary).toMatch(/ \/ /);
    }
  });
});
