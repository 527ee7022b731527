import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { StaffRow } from '../../../../shared/contract/staff';
import { emptyStaffForm, formToStaffInput, salaryProblem, staffToForm } from './staffForm';

describe('salaryProblem', () => {
  it('accepts what office workers type', () => {
    for (const ok of ['3000', '3,000.50', '¥3,000', '￥3000.5', '0', ' 3000 ']) expect(salaryProblem(ok), ok).toBeNull();
  });

  it('names what is wrong', () => {
    expect(salaryProblem('-100')).toBe('staff.salaryNegative');
    expect(salaryProblem('abc')).toBe('staff.salaryInvalid');
    expect(salaryProblem('3000.555')).toBe('staff.salaryInvalid');
    expect(salaryProblem('10000000.01')).toBe('staff.salaryTooLarge');
    expect(salaryProblem('10000000')).toBeNull();
  });

  it('leaves an empty value to the required rule', () => {
    expect(salaryProblem('')).toBeNull();
    expect(salaryProblem(undefined)).toBeNull();
  });
});

describe('staff form conversion', () => {
  it('converts yuan to fen and the date to YYYY-MM-DD, trimming text', () => {
    const input = formToStaffInput({
      ...emptyStaffForm(dayjs('2026-03-01')),
      code: ' S001 ',
      name: '张伟',
      baseSalaryYuan: '3,000.50',
    });
    expect(input).toEqual({
      code: 'S001',
      name: '张伟',
      role: 'salesperson',
      hiredOn: '2026-03-01',
      baseSalaryFen: 300050,
      phone: '',
    });
  });

  it('round-trips a staff row', () => {
    const row: StaffRow = {
      id: 1,
      code: 'S001',
      name: '张伟',
      role: 'manager',
      hiredOn: '2025-12-31',
      leftOn: null,
      baseSalaryFen: 300050,
      status: 'active',
      phone: '13800000000',
      createdAt: '',
      updatedAt: '',
    };
    const form = staffToForm(row);
    expect(form.baseSalaryYuan).toBe('3000.50');
    expect(formToStaffInput(form)).toEqual({
      code: 'S001',
      name: '张伟',
      role: 'manager',
      hiredOn: '2025-12-31',
      baseSalaryFen: 300050,
      phone: '13800000000',
    });
  });

  it('refuses an unvalidated form', () => {
    expect(() => formToStaffInput({ ...emptyStaffForm(), baseSalaryYuan: 'x' })).toThrow();
  });
});
