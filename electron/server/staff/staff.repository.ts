import type { Kysely } from 'kysely';
import type { StaffRow } from '../../../shared/contract/staff';
import type { Role } from '../../../shared/roles';
import type { Database, NewStaffRecord, StaffRecord, StaffUpdate } from '../db/schema';

export function toStaffRow(r: StaffRecord): StaffRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    role: r.role as Role,
    hiredOn: r.hired_on,
    leftOn: r.left_on,
    baseSalaryFen: r.base_salary_fen,
    status: r.status as StaffRow['status'],
    phone: r.phone,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listStaffRecords(db: Kysely<Database>, includeLeft: boolean): Promise<StaffRecord[]> {
  let query = db.selectFrom('staff').selectAll().orderBy('code');
  if (!includeLeft) query = query.where('status', '!=', 'left');
  return query.execute();
}

export async function findStaffById(db: Kysely<Database>, id: number): Promise<StaffRecord | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

/** 工号 are unique regardless of letter case (S001 and s001 are the same person). */
export async function findStaffByCode(db: Kysely<Database>, code: string): Promise<StaffRecord | undefined> {
  return db.selectFrom('staff').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertStaff(db: Kysely<Database>, values: NewStaffRecord): Promise<StaffRecord> {
  return db.insertInto('staff').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateStaffRecord(db: Kysely<Database>, id: number, values: StaffUpdate): Promise<StaffRecord> {
  return db.updateTable('staff').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
