import { describe, expect, it } from 'vitest';
import { contract, type Method } from '../../../shared/contract';
import { ROLES } from '../../../shared/roles';
import { homeRoute, roleMayCall } from './permissions';
import { findRoute } from './routes';

describe('what the screens offer each role', () => {
  it('follows the contract exactly: a button shows when the core would let the call through', () => {
    for (const method of Object.keys(contract) as Method[]) {
      const roles = contract[method].roles;
      for (const role of ROLES)
        expect(roleMayCall(role, method), `${method} as ${role}`).toBe(roles === 'public' || roles.includes(role));
    }
    // The list: what a clerk and a salesperson must not be offered.
    for (const role of ['clerk', 'salesperson'] as const)
      for (const m of [
        'staff.create',
        'staff.update',
        'staff.deactivate',
        'months.close',
        'months.reopen',
        'clients.reassign',
      ] as const)
        expect(roleMayCall(role, m), `${m} as ${role}`).toBe(false);
    expect(roleMayCall('manager', 'months.reopen')).toBe(false);
    expect(roleMayCall('manager', 'dismissals.decide')).toBe(false);
  });

  it('starts each role on a section it may see', () => {
    expect(homeRoute('clerk')).toBe('clients');
    for (const role of ROLES) expect(findRoute(homeRoute(role)), role).toBeDefined();
  });
});
