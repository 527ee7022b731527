import type { FolderRow } from '../../../shared/contract/archive';
import type { CallContext } from '../core/context';
import { scopeSql } from './document-scope';

/**
 * Everything under `folder/`, as a range on rel_path: '0' is the character after '/', so
 * [folder/, folder0) holds exactly the paths inside the folder and uses the rel_path index.
 */
export function folderRange(folder: string): { from: string; to: string } {
  const clean = folder.replace(/^\/+|\/+$/g, '');
  return { from: `${clean}/`, to: `${clean}0` };
}

/**
 * The folder tree mirrors the template: the sub-folders directly inside `folder` ('' for the
 * archive root) that hold filed documents, each with how many documents it holds in all.
 * Counted from the database, so it shows what is recorded (the audit compares it with the disk).
 */
export function listFolders(ctx: CallContext, folder: string): FolderRow[] {
  const scope = scopeSql(ctx);
  const clean = folder.replace(/^\/+|\/+$/g, '');
  const range = clean ? folderRange(clean) : null;
  const skip = range ? range.from.length + 1 : 1;
  const rows = ctx.sqlite
    .prepare(
      `SELECT substr(rest, 1, instr(rest, '/') - 1) AS name, count(*) AS documents
         FROM (SELECT substr(d.rel_path, ?) AS rest
                 FROM documents d
                 LEFT JOIN clients c ON c.id = d.client_id
                 LEFT JOIN contracts k ON k.id = d.contract_id
                WHERE d.deleted_at IS NULL AND ${scope.sql}
                  ${range ? 'AND d.rel_path >= ? AND d.rel_path < ?' : ''})
        WHERE instr(rest, '/') > 0
        GROUP BY name
        ORDER BY name`,
    )
    .all(skip, ...scope.params, ...(range ? [range.from, range.to] : [])) as { name: string; documents: number }[];
  return rows.map((r) => ({ name: r.name, path: clean ? `${clean}/${r.name}` : r.name, documents: r.documents }));
}
