import type BetterSqlite3 from 'better-sqlite3';
import type { Role } from '../../../shared/roles';
import { monthBounds } from '../../../shared/performance/month-range';
import { prepared } from '../db/prepared';

export type EmployedStaff = {
  id: number;
  code: string;
  name: string;
  role: Role;
  hiredOn: string;
  leftOn: string | null;
  baseSalaryFen: number;
};

/** Everyone employed for at least one day of the month, in 工号 order: the sheet's rows. */
export function employedIn(sqlite: BetterSqlite3.Database, month: string): EmployedStaff[] {
  const { first, last } = monthBounds(month);
  return prepared(
    sqlite,
    `SELECT id, code, name, role, hired_on AS hiredOn, left_on AS leftOn, base_salary_fen AS baseSalaryFen
       FROM staff WHERE hired_on <= ? AND (left_on IS NULL OR left_on >= ?) ORDER BY code COLLATE NOCASE`,
  ).all(last, first) as EmployedStaff[];
}
