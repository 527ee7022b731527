import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newClientSchema } from './client-schemas';
import { newContractSchema } from './contract-schemas';
import { fieldLimits, maxLengthOf } from './schema-fields';
import { newStaffSchema } from './staff';

describe('fieldLimits reads a form’s maxLength and required marker from the API schema', () => {
  it('reads the bound through trim, default, optional, nullable, unions and lists', () => {
    expect(maxLengthOf(z.string().trim().max(30).default(''))).toBe(30);
    expect(maxLengthOf(z.string().max(8).nullable().optional())).toBe(8);
    expect(maxLengthOf(z.union([z.literal(''), z.email().max(100)]))).toBe(100);
    expect(maxLengthOf(z.array(z.string().max(40)).max(6))).toBe(40);
    expect(maxLengthOf(z.string())).toBeUndefined();
    expect(maxLengthOf(z.number())).toBeUndefined();
  });

  it('clients.create: the bounds the client form shows', () => {
    const client = fieldLimits(newClientSchema);
    expect(client.maxLength('name')).toBe(100);
    expect(client.maxLength('contactName')).toBe(50);
    expect(client.maxLength('email')).toBe(100);
    expect(client.maxLength('phones')).toBe(40);
    expect(client.maxLength('notes')).toBe(2000);
    expect(client.required('name')).toBe(true);
    expect(client.required('contactName')).toBe(false);
    expect(client.required('ownerStaffId')).toBe(false);
  });

  it('staff.create and contracts.create: required fields and bounds', () => {
    const staff = fieldLimits(newStaffSchema);
    expect(['code', 'name', 'role', 'hiredOn', 'baseSalaryFen'].map((k) => staff.required(k as 'code'))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(staff.required('phone')).toBe(false);
    expect([staff.maxLength('code'), staff.maxLength('name'), staff.maxLength('phone')]).toEqual([20, 50, 40]);
    const contract = fieldLimits(newContractSchema);
    expect(contract.required('clientId')).toBe(true);
    expect(contract.required('amountFen')).toBe(true);
    expect(contract.required('number')).toBe(false);
    expect([contract.maxLength('number'), contract.maxLength('product'), contract.maxLength('notes')]).toEqual([40, 100, 2000]);
  });

  it('names an unknown field instead of answering for it', () => {
    expect(() => fieldLimits(newStaffSchema).maxLength('nope' as 'code')).toThrow(/nope/);
  });
});
