import type { Kysely } from 'kysely';
import type { Actor } from '../../../shared/roles';
import type { Database } from '../db/schema';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** Record who changed what; call inside the same transaction as the change itself. */
export async function writeAudit(
  db: Kysely<Database>,
  actor: Actor | null,
  entry: AuditEntry,
  at: Date = new Date(),
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      actor_code: actor?.code ?? 'system',
      actor_role: actor?.role ?? 'system',
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
