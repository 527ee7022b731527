import fs from 'node:fs';
import path from 'node:path';
import type { OldFileProposal, OldFolderPreview } from '../../../shared/contract/intake';
import { todayLocal } from '../../../shared/dates';
import { compact, firstDate, ruleMatches } from '../../../shared/intake/match';
import { loadKinds } from '../archive/documents.repository';
import { AppError } from '../core/app-error';
import type { OfficeContext } from '../core/context';
import { kindRules } from './inbox.repository';
import { isPartialName } from './inbox-scan.service';

/** Beyond this a tree is brought in in parts (one sub-folder at a time). */
export const MAX_OLD_FILES = 200_000;

/** An existing folder on this computer that is not the office's own data or archive. */
export function assertOldRoot(ctx: OfficeContext, raw: string): string {
  if (!path.isAbsolute(raw))
    throw new AppError('invalid_input', {
      zh: `请填写完整路径(如 D:\\客户资料):${raw}`,
      en: `Enter a full path (like D:\\ClientFiles): ${raw}`,
    });
  const root = path.resolve(raw);
  const stat = fs.statSync(root, { throwIfNoEntry: false });
  if (!stat?.isDirectory())
    throw new AppError('not_found', {
      zh: `找不到文件夹 ${root}。请检查路径或磁盘是否已连接。`,
      en: `Folder not found: ${root}. Check the path, or whether the drive is connected.`,
    });
  const real = fs.realpathSync(root);
  for (const own of [ctx.dataDir, ctx.archiveRoot()]) {
    const ownReal = fs.existsSync(own) ? fs.realpathSync(own) : path.resolve(own);
    if (real === ownReal || real.startsWith(ownReal + path.sep) || ownReal.startsWith(real + path.sep))
      throw new AppError('invalid_input', {
        zh: `不能收编门店通自己的数据或档案文件夹(${own})。请选择旧资料所在的文件夹。`,
        en: `门店通's own data or archive folder (${own}) cannot be brought in. Choose the folder with the old files.`,
      });
  }
  return root;
}

export type OldFile = OldFileProposal & { abs: string };

/** Every file under root (no symlinks followed, hidden and half-written files skipped), by path. */
function walk(root: string): { abs: string; rel: string; size: number; mtimeMs: number }[] {
  const out: { abs: string; rel: string; size: number; mtimeMs: number }[] = [];
  const stack = [''];
  while (stack.length) {
    const relDir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, relDir), { withFileTypes: true });
    } catch {
      continue; // An unreadable sub-folder: its files are simply not proposed (counted nowhere).
    }
    for (const e of entries) {
      if (isPartialName(e.name)) continue;
      const rel = relDir ? `${relDir}/${e.name}` : e.name;
      if (e.isDirectory()) stack.push(rel);
      else if (e.isFile()) {
        const st = fs.statSync(path.join(root, rel), { throwIfNoEntry: false });
        if (!st || st.size === 0) continue;
        out.push({ abs: path.join(root, rel), rel, size: st.size, mtimeMs: st.mtimeMs });
        if (out.length > MAX_OLD_FILES)
          throw new AppError('invalid_input', {
            zh: `文件夹中超过 ${MAX_OLD_FILES} 个文件。请分几次收编(每次选一个子文件夹)。`,
            en: `The folder holds more than ${MAX_OLD_FILES} files. Bring it in in parts (one sub-folder at a time).`,
          });
      }
    }
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * The dry run: for each file, the client from its folder names (the deepest folder that is, or
 * contains, a client's name), the kind from the inbox's rules over its path and name, and the
 * date from its name or folders (else the file's own date). Nothing is written.
 */
export function proposeOldFolder(ctx: OfficeContext, root: string): { files: OldFile[]; preview: OldFolderPreview } {
  const started = Date.now();
  const clients = ctx.sqlite.prepare('SELECT id, name FROM clients').all() as { id: number; name: string }[];
  const byName = new Map(clients.map((c) => [compact(c.name), c]));
  // Longest names first, so 王芳芳 wins over 王芳 in a folder called 王芳芳-2019.
  const named = clients
    .map((c) => ({ ...c, key: compact(c.name) }))
    .filter((c) => c.key.length >= 2)
    .sort((a, b) => b.key.length - a.key.length);
  const rules = kindRules(ctx.sqlite);
  const kinds = loadKinds(ctx.sqlite);
  const folderClient = new Map<string, { id: number; name: string } | null>();
  const clientOfSegment = (segment: string): { id: number; name: string } | null => {
    const key = compact(segment);
    return byName.get(key) ?? named.find((c) => key.includes(c.key)) ?? null;
  };
  const clientOfFolder = (relDir: string): { id: number; name: string } | null => {
    if (folderClient.has(relDir)) return folderClient.get(relDir)!;
    const segments = relDir ? relDir.split('/') : [];
    let found: { id: number; name: string } | null = null;
    for (let i = segments.length - 1; i >= 0 && !found; i--) {
      const parent = segments.slice(0, i + 1).join('/');
      found = folderClient.has(parent) && parent !== relDir ? folderClient.get(parent)! : clientOfSegment(segments[i]!);
    }
    folderClient.set(relDir, found);
    return found;
  };
  const files: OldFile[] = [];
  for (const f of walk(root)) {
    const relDir = f.rel.includes('/') ? f.rel.slice(0, f.rel.lastIndexOf('/')) : '';
    const client = clientOfFolder(relDir);
    const hay = compact(f.rel);
    const rule = rules.find((r) => ruleMatches(r, hay));
    const kind = rule ? kinds.get(rule.kindId) : undefined;
    const name = f.rel.slice(f.rel.lastIndexOf('/') + 1);
    files.push({
      abs: f.abs,
      relPath: f.rel,
      size: f.size,
      clientId: client?.id ?? null,
      clientName: client?.name ?? '',
      kindId: rule?.kindId ?? null,
      kindPath: kind ? (kind.sub ? `${kind.master}/${kind.sub}` : kind.master) : '',
      docDate: firstDate(name) ?? firstDate(relDir) ?? todayLocal(new Date(f.mtimeMs)),
    });
  }
  const perClient = new Map<number, { clientId: number; clientName: string; files: number }>();
  const unmatched = new Map<string, number>();
  for (const f of files) {
    if (f.clientId !== null) {
      const c = perClient.get(f.clientId) ?? { clientId: f.clientId, clientName: f.clientName, files: 0 };
      c.files++;
      perClient.set(f.clientId, c);
    } else {
      const dir = f.relPath.includes('/') ? f.relPath.slice(0, f.relPath.lastIndexOf('/')) : '.';
      unmatched.set(dir, (unmatched.get(dir) ?? 0) + 1);
    }
  }
  const preview: OldFolderPreview = {
    root,
    files: files.length,
    bytes: files.reduce((s, f) => s + f.size, 0),
    withClient: files.filter((f) => f.clientId !== null).length,
    withKind: files.filter((f) => f.kindId !== null).length,
    clients: [...perClient.values()].sort((a, b) => b.files - a.files),
    unmatchedFolders: [...unmatched.entries()]
      .map(([folder, n]) => ({ folder, files: n }))
      .sort((a, b) => b.files - a.files)
      .slice(0, 50),
    rows: files.slice(0, 300).map(({ abs: _abs, ...row }) => row),
    tookMs: Date.now() - started,
  };
  return { files, preview };
}
