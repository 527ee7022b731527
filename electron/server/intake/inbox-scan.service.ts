import fs from 'node:fs';
import path from 'node:path';
import type { CallContext } from '../core/context';
import { waitingByName } from './inbox.repository';
import { folderProblem, readInboxSettings } from './inbox-settings';
import { kickInboxReader } from './inbox-reader';

/** Names a scanner, a sync app or Office writes while a file is still coming: never picked up. */
export function isPartialName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    /\.(tmp|part|partial|crdownload|download|!ut|sync|temp)$/i.test(name) ||
    /^(thumbs\.db|desktop\.ini)$/i.test(name)
  );
}

/** A file is still being written if it changed within this long, even when two looks agree. */
export const QUIET_MS = 1000;

/**
 * One look at the inbox folder. A new file is 'settling' until a later look finds the same
 * size and time and it has been quiet for a second (a scanner writes a page at a time); then it
 * is 'queued' for reading. A file that changes after being read is read again; a row whose
 * file was taken away (not filed) is forgotten. Top level only: sub-folders are left alone.
 */
export async function scanInbox(ctx: CallContext): Promise<{ seen: number; settling: number; queued: number }> {
  const { folder } = await readInboxSettings(ctx);
  if (!folder || folderProblem(folder)) return { seen: 0, settling: 0, queued: 0 };
  const present = new Map<string, fs.Stats>();
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile() || isPartialName(entry.name)) continue;
    const stat = fs.statSync(path.join(folder, entry.name), { throwIfNoEntry: false });
    if (stat?.isFile()) present.set(entry.name, stat);
  }
  const at = ctx.now().toISOString();
  const nowMs = Date.now();
  let settling = 0;
  let queued = 0;
  await ctx.db.transaction().execute(async () => {
    const known = waitingByName(ctx.sqlite);
    for (const [name, row] of known)
      if (!present.has(name) && row.state !== 'reading') ctx.sqlite.prepare('DELETE FROM inbox_items WHERE id = ?').run(row.id);
    for (const [name, stat] of present) {
      const row = known.get(name);
      const mtime = Math.trunc(stat.mtimeMs);
      if (!row) {
        ctx.sqlite
          .prepare(
            `INSERT INTO inbox_items (file_name, size, mtime_ms, state, created_at, updated_at) VALUES (?, ?, ?, 'settling', ?, ?)`,
          )
          .run(name, stat.size, mtime, at, at);
        settling++;
        continue;
      }
      const same = row.size === stat.size && row.mtime_ms === mtime;
      if (row.state === 'settling') {
        if (same && nowMs - stat.mtimeMs >= QUIET_MS) {
          if (stat.size === 0)
            ctx.sqlite
              .prepare(`UPDATE inbox_items SET state = 'failed', error_zh = ?, error_en = ?, updated_at = ? WHERE id = ?`)
              .run(
                `${name} 是空文件(0 字节),无法归档。请重新扫描或拍照后放入收件箱。`,
                `${name} is empty (0 bytes) and cannot be filed. Scan or photograph it again and drop it in the inbox.`,
                at,
                row.id,
              );
          else {
            ctx.sqlite.prepare(`UPDATE inbox_items SET state = 'queued', updated_at = ? WHERE id = ?`).run(at, row.id);
            queued++;
          }
        } else {
          ctx.sqlite
            .prepare('UPDATE inbox_items SET size = ?, mtime_ms = ?, updated_at = ? WHERE id = ?')
            .run(stat.size, mtime, at, row.id);
          settling++;
        }
      } else if (!same && row.state !== 'reading') {
        // Replaced or still growing after all: forget what was read, settle again.
        ctx.sqlite
          .prepare(
            `UPDATE inbox_items SET state = 'settling', size = ?, mtime_ms = ?, sha256 = NULL, text = '', text_source = NULL,
               confidence = NULL, pages = NULL, client_id = NULL, contract_id = NULL, kind_id = NULL, doc_date = NULL,
               confident = 0, reasons = '[]', error_zh = NULL, error_en = NULL, updated_at = ? WHERE id = ?`,
          )
          .run(stat.size, mtime, at, row.id);
        settling++;
      }
    }
  });
  kickInboxReader(ctx);
  return { seen: present.size, settling, queued };
}
