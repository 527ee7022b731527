import type { CallContext } from '../core/context';

/** A salesperson sees the documents they filed or that belong to their clients and contracts. */
export function scopeSql(ctx: CallContext): { sql: string; params: (string | number)[] } {
  if (ctx.actor?.role !== 'salesperson') return { sql: '1', params: [] };
  const me = ctx.actor.staffId ?? -1;
  return {
    sql: `(d.filed_by = ? OR c.owner_staff_id = ? OR k.staff_id = ? OR d.id IN (SELECT l.document_id FROM document_links l JOIN clients lc ON lc.id = l.client_id WHERE lc.owner_staff_id = ?))`,
    params: [ctx.actor.code, me, me, me],
  };
}

/** Whether the caller may see this document (the same rule as archive.list and archive.get). */
export function canSeeDocument(ctx: CallContext, id: number): boolean {
  const scope = scopeSql(ctx);
  if (scope.sql === '1') return true;
  return (
    ctx.sqlite
      .prepare(
        `SELECT 1 FROM documents d LEFT JOIN clients c ON c.id = d.client_id LEFT JOIN contracts k ON k.id = d.contract_id WHERE d.id = ? AND ${scope.sql}`,
      )
      .get(id, ...scope.params) !== undefined
  );
}
