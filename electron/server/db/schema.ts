import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The typed shape of office.db. Each area adds its tables here alongside its migration.
 * Money columns end in `_fen` and hold integers; dates are 'YYYY-MM-DD' text; timestamps are
 * ISO-8601 UTC text.
 */
export type Database = {
  schema_migrations: SchemaMigrationsTable;
  settings: SettingsTable;
  staff: StaffTable;
  audit_log: AuditLogTable;
};

export type SchemaMigrationsTable = {
  name: string;
  applied_at: string;
};

export type SettingsTable = {
  key: string;
  /** JSON text. */
  value: string;
};

export type StaffTable = {
  id: Generated<number>;
  code: string;
  name: string;
  role: string;
  hired_on: string;
  left_on: string | null;
  base_salary_fen: number;
  status: string;
  phone: string;
  created_at: string;
  updated_at: string;
};
export type StaffRecord = Selectable<StaffTable>;
export type NewStaffRecord = Insertable<StaffTable>;
export type StaffUpdate = Updateable<StaffTable>;

export type AuditLogTable = {
  id: Generated<number>;
  at: string;
  actor_code: string;
  actor_role: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
};
