import { createHash } from 'node:crypto';
import { headerKey } from '../../../shared/imports/headers';
import type { Actor } from '../../../shared/roles';
import type { CallContext } from '../core/context';
import type { LayoutColumn } from './header-layout';

/** A file layout: the kind of import and its columns' letters and headers, in order. */
export function layoutKey(kind: string, columns: readonly LayoutColumn[]): string {
  const text = `${kind}\n${columns.map((c) => `${c.key}=${headerKey(c.header)}`).join('|')}`;
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

/** The mapping chosen by hand the last time a file of this layout was imported, if any. */
export function recallLayout(ctx: CallContext, kind: string, key: string): Record<string, string> | null {
  const row = ctx.sqlite.prepare('SELECT mapping FROM import_layouts WHERE kind = ? AND layout_key = ?').get(kind, key) as
    { mapping: string } | undefined;
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.mapping) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : null;
  } catch {
    return null;
  }
}

/** Remember a chosen mapping for the layout; called inside the import's transaction. */
export function rememberLayout(
  ctx: CallContext,
  kind: string,
  key: string,
  columns: readonly LayoutColumn[],
  mapping: Readonly<Record<string, string>>,
  actor: Actor | null,
): void {
  ctx.sqlite
    .prepare(
      `INSERT INTO import_layouts (kind, layout_key, headers, mapping, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, layout_key) DO UPDATE SET headers = excluded.headers, mapping = excluded.mapping,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(
      kind,
      key,
      JSON.stringify(columns.map((c) => ({ key: c.key, header: c.header }))),
      JSON.stringify(mapping),
      ctx.now().toISOString(),
      actor ? `${actor.name}(${actor.code})` : 'system',
    );
}
