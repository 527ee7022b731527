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

/**
 * Who the log names when nobody is signed in (a failed sign-in): never a role the caller does not
 * have. Shown as 未登录 (anonymous). A null actor is the office itself (scheduled jobs): 'system'.
 */
export const ANONYMOUS = 'anonymous' as const;

/** Record who changed what; call inside the same transaction as the change itself. */
export async function writeAudit(
  db: Kysely<Database>,
  actor: Actor | typeof ANONYMOUS | null,
  entry: AuditEntry,
  at: Date = new Date(),
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      actor_code: actor === ANONYMOUS ? ANONYMOUS : (actor?.code ?? 'system'),
      actor_role: actor === ANONYMOUS ? ANONYMOUS : (actor?.role ?? 'system'),
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
