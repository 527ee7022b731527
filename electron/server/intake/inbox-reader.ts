import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Actor } from '../../../shared/roles';
import { OCR_IMAGE_FORMATS } from '../../../shared/archive/text-formats';
import { todayLocal } from '../../../shared/dates';
import { propose, type ClientFacts, type ContractFacts } from '../../../shared/intake/match';
import { hashFile } from '../archive/archive-fs';
import { findByHash } from '../archive/documents.repository';
import { capText } from '../archive/text/cap-text';
import { extractDocumentText } from '../archive/text/extract-text';
import type { OfficeContext } from '../core/context';
import { recogniseFile } from '../ocr';
import { kindRules, type InboxItemRow } from './inbox.repository';
import { readInboxSettings } from './inbox-settings';

/**
 * Who files what the inbox files by itself: in-process like the CLI, with a clerk's rights,
 * so an automatic filing passes the same dispatch gate (validation, roles) as a person's.
 */
export const INBOX_ACTOR: Actor = { staffId: null, code: 'inbox', name: '扫描收件箱', role: 'clerk', via: 'cli' };

/** Files with words of their own are read before photos and scans, so a quick one never waits behind minutes of OCR. */
const PHOTOS_LAST = `(${OCR_IMAGE_FORMATS.map((e) => `lower(file_name) LIKE '%.${e}'`).join(' OR ')})`;

type Reader = { running: boolean; wake: boolean; abort: AbortController | null; stopped: boolean };
const readers = new WeakMap<BetterSqlite3.Database, Reader>();

function write<T>(ctx: OfficeContext, fn: () => T): Promise<T> {
  return ctx.db.transaction().execute(async () => fn());
}

/** Read queued inbox files one at a time (in the background; OCR runs in its worker). Idempotent. */
export function kickInboxReader(ctx: OfficeContext): void {
  let r = readers.get(ctx.sqlite);
  if (!r) {
    r = { running: false, wake: false, abort: null, stopped: false };
    readers.set(ctx.sqlite, r);
  }
  if (r.stopped) return;
  r.wake = true;
  if (r.running) return;
  r.running = true;
  const reader = r;
  void drain(ctx, reader)
    .catch(() => undefined)
    .finally(() => {
      reader.running = false;
    });
}

/** The office is closing: stop after (or abort) the current file; it is read again next time. */
export function stopInboxReader(sqlite: BetterSqlite3.Database): void {
  const r = readers.get(sqlite);
  if (!r) return;
  r.stopped = true;
  r.abort?.abort();
}

/** After a restart: what was being read is read again. */
export function requeueInterruptedReads(ctx: OfficeContext): Promise<number> {
  return write(ctx, () => ctx.sqlite.prepare(`UPDATE inbox_items SET state = 'queued' WHERE state = 'reading'`).run().changes);
}

/** Resolves once nothing is queued or being read (tests, the bench). */
export async function inboxIdle(ctx: OfficeContext, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const busy = ctx.sqlite
      .prepare(`SELECT count(*) FROM inbox_items WHERE state IN ('queued', 'reading')`)
      .pluck()
      .get() as number;
    if (busy === 0 && !readers.get(ctx.sqlite)?.running) return;
    if (Date.now() > until) throw new Error('inbox still reading');
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function drain(ctx: OfficeContext, r: Reader): Promise<void> {
  while (!r.stopped && ctx.sqlite.open) {
    if (ctx.health && !ctx.health.ok) return;
    r.wake = false;
    const item = await write(
      ctx,
      () =>
        ctx.sqlite
          .prepare(
            `UPDATE inbox_items SET state = 'reading', updated_at = ? WHERE id = (SELECT id FROM inbox_items WHERE state = 'queued' ORDER BY ${PHOTOS_LAST}, id LIMIT 1) RETURNING *`,
          )
          .get(ctx.now().toISOString()) as InboxItemRow | undefined,
    );
    if (!item) {
      if (r.wake) continue;
      return;
    }
    r.abort = new AbortController();
    try {
      const autoFile = await readItem(ctx, item, r.abort.signal);
      if (autoFile) await fileByItself(ctx, item.id, autoFile);
    } catch (error) {
      if (!ctx.sqlite.open) return;
      if (r.stopped) {
        await write(ctx, () => ctx.sqlite.prepare(`UPDATE inbox_items SET state = 'queued' WHERE id = ?`).run(item.id));
        return;
      }
      const message = (error as Error).message?.slice(0, 300) ?? String(error);
      await write(ctx, () =>
        ctx.sqlite
          .prepare(
            `UPDATE inbox_items SET state = 'failed', error_zh = ?, error_en = ?, updated_at = ? WHERE id = ? AND state = 'reading'`,
          )
          .run(
            `读取 ${item.file_name} 失败:${message}。文件仍在收件箱中;可以点“重新读取”,或直接填写客户和分类后归档。`,
            `Reading ${item.file_name} failed: ${message}. The file stays in the inbox; retry, or fill in client and kind and file it.`,
            ctx.now().toISOString(),
            item.id,
          ),
      );
    } finally {
      r.abort = null;
    }
  }
}

function officeFacts(sqlite: BetterSqlite3.Database): { clients: ClientFacts[]; contracts: ContractFacts[] } {
  const phones = new Map<number, string[]>();
  for (const p of sqlite.prepare('SELECT client_id, phone_key FROM client_phones').all() as {
    client_id: number;
    phone_key: string;
  }[])
    phones.set(p.client_id, [...(phones.get(p.client_id) ?? []), p.phone_key]);
  const clients = (sqlite.prepare('SELECT id, name FROM clients').all() as { id: number; name: string }[]).map((c) => ({
    ...c,
    phones: phones.get(c.id) ?? [],
  }));
  const contracts = sqlite.prepare('SELECT id, number, client_id AS clientId FROM contracts').all() as ContractFacts[];
  return { clients, contracts };
}

type Fields = { kindId: number | null; clientId: number | null; contractId: number | null; docDate: string };

/** Read one file's words (text layer, else OCR), propose, and say whether to file it now. */
async function readItem(ctx: OfficeContext, item: InboxItemRow, signal: AbortSignal): Promise<Fields | null> {
  const { folder, autoFile } = await readInboxSettings(ctx);
  const abs = folder ? path.join(folder, item.file_name) : '';
  const stat = abs ? fs.statSync(abs, { throwIfNoEntry: false }) : undefined;
  const at = (): string => ctx.now().toISOString();
  if (!stat || stat.size !== item.size || Math.trunc(stat.mtimeMs) !== item.mtime_ms) {
    // Gone or changed since it settled: the next look at the folder decides again.
    await write(ctx, () =>
      ctx.sqlite.prepare(`UPDATE inbox_items SET state = 'settling', updated_at = ? WHERE id = ?`).run(at(), item.id),
    );
    return null;
  }
  const sha256 = await hashFile(abs);
  const ext = path.extname(item.file_name).slice(1).toLowerCase();
  const extracted = await extractDocumentText(abs, ext);
  let text = extracted.text;
  let source: 'file' | 'ocr' | null = extracted.state === 'text' ? 'file' : null;
  let confidence: number | null = null;
  let pages = extracted.pages;
  if (extracted.needsOcr) {
    const ocr = await recogniseFile(abs, { signal });
    text = capText(ocr.text).text;
    source = 'ocr';
    confidence = ocr.confidence;
    pages = ocr.pages;
  }
  const problem =
    extracted.state === 'failed' || extracted.state === 'encrypted'
      ? {
          zh:
            extracted.state === 'encrypted'
              ? `${item.file_name} 已加密,读不出文字;请确认客户和分类后归档。`
              : `${item.file_name} 读不出内容(文件可能已损坏,或扩展名与内容不符);仍可确认客户和分类后归档。`,
          en:
            extracted.state === 'encrypted'
              ? `${item.file_name} is encrypted; its words cannot be read. Confirm client and kind, then file it.`
              : `${item.file_name} could not be read (damaged, or its extension does not match its content); you can still confirm client and kind and file it.`,
        }
      : null;

  const p = propose({ text, fileName: item.file_name, ...officeFacts(ctx.sqlite), rules: kindRules(ctx.sqlite) });
  const reasons = [...p.reasons];
  const same = findByHash(ctx.sqlite, sha256);
  if (same) reasons.unshift({ zh: `同样内容已归档:${same.rel_path}`, en: `The same content is already filed: ${same.rel_path}` });
  if (extracted.state === 'unsupported')
    reasons.push({ zh: '此格式不读取文字,仅按文件名建议', en: 'Words are not read from this format; proposed from its name' });
  const fields: Fields = {
    clientId: p.clientId,
    contractId: p.contractId,
    kindId: p.kindId,
    docDate: p.docDate ?? todayLocal(new Date(stat.mtimeMs)),
  };
  await write(ctx, () =>
    ctx.sqlite
      .prepare(
        `UPDATE inbox_items SET state = ?, sha256 = ?, text = ?, text_source = ?, confidence = ?, pages = ?, client_id = ?, contract_id = ?,
           kind_id = ?, doc_date = ?, confident = ?, reasons = ?, error_zh = ?, error_en = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        problem ? 'failed' : 'proposed',
        sha256,
        text,
        source,
        confidence,
        pages,
        fields.clientId,
        fields.contractId,
        fields.kindId,
        fields.docDate,
        p.confident ? 1 : 0,
        JSON.stringify(reasons),
        problem?.zh ?? null,
        problem?.en ?? null,
        at(),
        item.id,
      ),
  );
  return autoFile && p.confident && !problem ? fields : null;
}

/** Confident proposals are filed through the dispatch gate, as a clerk's click would be. */
async function fileByItself(ctx: OfficeContext, id: number, fields: Fields): Promise<void> {
  const { dispatch } = await import('../core/dispatch');
  const result = await dispatch({ ...ctx, actor: INBOX_ACTOR }, 'inbox.file', { id, fields });
  if (!result.ok)
    await write(ctx, () =>
      ctx.sqlite
        .prepare(`UPDATE inbox_items SET error_zh = ?, error_en = ? WHERE id = ? AND state <> 'filed'`)
        .run(
          `自动归档没有完成:${result.error.message}`,
          `Filing by itself did not complete: ${result.error.messageEn ?? ''}`,
          id,
        ),
    );
}
