import { actorText, describeAudit, type AuditNames } from '../../../shared/audit/audit-text';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema';
import type { AuditRow } from '../../../shared/contract/commission';
import type { ExportFile, ExportFormat } from '../../../shared/imports/export-file';
import type { OfficeContext } from '../core/context';
import { auditNames } from './audit-names';
import { exportFile } from '../imports/write-table';

type AuditFilters = { entity?: string | undefined; from?: string | undefined; to?: string | undefined };

/** The UTC ISO instant of local midnight `plusDays` after the local date 'YYYY-MM-DD'. */
function localMidnightUtc(date: string, plusDays: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

function whereOf(f: AuditFilters): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const add = (clause: string, value: string): void => {
    parts.push(clause);
    params.push(value);
  };
  if (f.entity) add('entity = ?', f.entity);
  // `from`/`to` are the office's local calendar days; `at` is a UTC instant ('…Z' ISO text, which
  // sorts as time). So a day runs from its local midnight to the next one: in Shanghai a change at
  // 01:00 on the 24th is 17:00Z on the 23rd and belongs to the 24th.
  if (f.from) add('at >= ?', localMidnightUtc(f.from, 0));
  if (f.to) add('at < ?', localMidnightUtc(f.to, 1));
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

type AuditRecord = Selectable<AuditLogTable>;

function toRow(r: AuditRecord, names: AuditNames): AuditRow {
  const facts = {
    actorCode: r.actor_code,
    actorRole: r.actor_role,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
  };
  return { id: r.id, at: r.at, ...facts, actorName: actorText(r.actor_code, names), text: describeAudit(facts, names) };
}

/** ORDER BY for a header the person clicked; the id breaks ties so pages never repeat a row. */
const AUDIT_ORDER: Record<string, string> = { at: 'id', actor: 'actor_code', action: 'entity, action' };
function auditOrder(sort: string): string {
  const desc = sort.startsWith('-');
  const dir = desc ? 'DESC' : 'ASC';
  const key = desc ? sort.slice(1) : sort;
  const columns = (AUDIT_ORDER[key] ?? 'id').split(', ').map((c) => `${c} ${dir}`);
  return key === 'at' ? columns.join(', ') : `${columns.join(', ')}, id DESC`;
}

/** 操作日志, newest first unless sorted by a header: who changed what, when, before and after. */
export function listAudit(
  ctx: OfficeContext,
  f: AuditFilters & { offset: number; limit: number; sort?: string | undefined },
): { rows: AuditRow[]; total: number } {
  const where = whereOf(f);
  const total = ctx.sqlite
    .prepare(`SELECT count(*) FROM audit_log ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
  const rows = ctx.sqlite
    .prepare(`SELECT * FROM audit_log ${where.sql} ORDER BY ${auditOrder(f.sort ?? '-at')} LIMIT ? OFFSET ?`)
    .all(...where.params, f.limit, f.offset) as AuditRecord[];
  const names = auditNames(ctx.sqlite);
  return { rows: rows.map((r) => toRow(r, names)), total };
}

export async function exportAudit(ctx: OfficeContext, f: AuditFilters, format: ExportFormat): Promise<ExportFile> {
  const where = whereOf(f);
  const records = ctx.sqlite.prepare(`SELECT * FROM audit_log ${where.sql} ORDER BY id`).all(...where.params) as AuditRecord[];
  const names = auditNames(ctx.sqlite);
  // The sentences first, as on screen, in both languages; the raw record after them for anyone
  // who needs to check a figure against the database.
  return exportFile(
    format,
    '操作日志',
    '操作日志',
    [
      { header: '时间 at', width: 20 },
      { header: '操作人 who', width: 18 },
      { header: '内容', width: 70 },
      { header: 'What', width: 70 },
      { header: '操作 action', width: 22 },
      { header: '对象 entity', width: 12 },
      { header: '编号 id', width: 14 },
      { header: '修改前 before', width: 40 },
      { header: '修改后 after', width: 40 },
    ],
    records.map((r) => {
      const row = toRow(r, names);
      return [
        localTime(r.at),
        row.actorName.zh,
        row.text.zh,
        row.text.en,
        r.action,
        r.entity,
        r.entity_id,
        r.before_json,
        r.after_json,
      ];
    }),
  );
}

/** ISO UTC → the office's local "2026-11-27 13:52:03" (the machine's time zone is the office's). */
function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
