import dayjs, { type Dayjs } from 'dayjs';
import { normalisePhone } from '../../../../shared/clients/normalise';
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
  /** Absent when the salary is not shown (the person at the page may not see it). */
  baseSalaryYuan?: string;
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

/** Why a typed phone cannot be saved (the core refuses the same), or null when it is fine or empty. */
export function phoneProblem(raw: string | undefined): MessageKey | null {
  const text = (raw ?? '').trim();
  return text === '' || normalisePhone(text) !== null ? null : 'staff.phoneInvalid';
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
    ...(row.baseSalaryFen === undefined ? {} : { baseSalaryYuan: fenToYuanString(row.baseSalaryFen) }),
    phone: row.phone,
  };
}

/** The form as a staff.create input; call after the form validated (salary parses, date set). */
export function formToStaffInput(values: StaffFormValues): Input<'staff.create'> {
  const fen = parseYuanToFen(values.baseSalaryYuan ?? '');
  if (fen === null) throw new Error('formToStaffInput called with an unvalidated form');
  const { code, name, role, hiredOn, phone } = formToStaffPatch(values);
  return { code, name, role, hiredOn, phone, baseSalaryFen: fen };
}

/**
 * The form as a staff.update patch. Without `baseSalaryYuan` (someone who may not see salaries
 * edits a person) the salary is left as it is, never sent as empty.
 */
export function formToStaffPatch(
  values: StaffFormValues,
): Omit<Input<'staff.update'>, 'id'> & { code: string; name: string; role: Role; hiredOn: string; phone: string } {
  if (!values.hiredOn) throw new Error('formToStaffPatch called with an unvalidated form');
  const fen = values.baseSalaryYuan === undefined ? null : parseYuanToFen(values.baseSalaryYuan);
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    role: values.role,
    hiredOn: values.hiredOn.format('YYYY-MM-DD'),
    ...(fen === null ? {} : { baseSalaryFen: fen }),
    phone: (values.phone ?? '').trim(),
  };
}
