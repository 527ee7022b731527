import dayjs, { type Dayjs } from 'dayjs';
import { fenToYuanString, parseYuanToFen } from '../../../../shared/money';
import type { Role } from '../../../../shared/roles';
import type { StaffRow } from '../../../../shared/contract/staff';
import type { Input } from '../../api/client';
import type { MessageKey } from '../../i18n';

/** What the staff form edits: salary as the yuan text a person types, the date as a picker value. */
export type StaffFormValues = {
  code: string;
  name: string;
  role: Role;
  hiredOn: Dayjs | null;
  baseSalaryYuan: string;
  phone: string;
};

export const STAFF_FORM_FIELDS = ['code', 'name', 'role', 'hiredOn', 'baseSalaryYuan', 'phone'] as const;
/** Contract paths that a form field collects under another name. */
export const STAFF_FORM_RENAME: Readonly<Record<string, string>> = { baseSalaryFen: 'baseSalaryYuan' };

/** Mirrors the contract's salary limit so the person hears about it before anything is sent. */
const MAX_SALARY_FEN = 1_000_000_000;

/** Why a typed salary cannot be sent, or null when it is fine. */
export function salaryProblem(raw: string | undefined): MessageKey | null {
  if (raw === undefined || raw.trim() === '') return null; // the required rule speaks for empty
  const fen = parseYuanToFen(raw);
  if (fen === null) return 'staff.salaryInvalid';
  if (fen < 0) return 'staff.salaryNegative';
  if (fen > MAX_SALARY_FEN) return 'staff.salaryTooLarge';
  return null;
}

export function emptyStaffForm(today: Dayjs = dayjs()): StaffFormValues {
  return { code: '', name: '', role: 'salesperson', hiredOn: today.startOf('day'), baseSalaryYuan: '', phone: '' };
}

export function staffToForm(row: StaffRow): StaffFormValues {
  return {
    code: row.code,
    name: row.name,
    role: row.role,
    hiredOn: dayjs(row.hiredOn),
    baseSalaryYuan: row.baseSalaryFen === undefined ? '' : fenToYuanString(row.baseSalaryFen),
    phone: row.phone,
  };
}

/** The form as a staff.create input; call after the form validated (salary parses, date set). */
export function formToStaffInput(values: StaffFormValues): Input<'staff.create'> {
  const fen = parseYuanToFen(values.baseSalaryYuan);
  if (fen === null || !values.hiredOn) throw new Error('formToStaffInput called with an unvalidated form');
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    role: values.role,
    hiredOn: values.hiredOn.format('YYYY-MM-DD'),
    baseSalaryFen: fen,
    phone: (values.phone ?? '').trim(),
  };
}
