import fs from 'node:fs';
import path from 'node:path';
import type { OfficeContext } from '../core/context';
import { AppError } from '../core/app-error';
import { readSettingsMap } from '../settings/settings.repository';

export const INBOX_FOLDER_SETTING = 'inbox.folder';
export const INBOX_AUTOFILE_SETTING = 'inbox.autoFile';

export type InboxSettings = { folder: string | null; autoFile: boolean };

export async function readInboxSettings(ctx: OfficeContext): Promise<InboxSettings> {
  const map = await readSettingsMap(ctx.db);
  const folder = map.get(INBOX_FOLDER_SETTING);
  const autoFile = map.get(INBOX_AUTOFILE_SETTING);
  return { folder: typeof folder === 'string' && folder ? folder : null, autoFile: autoFile !== false };
}

/** Why the folder cannot serve as the inbox now, or null when it can. */
export function folderProblem(folder: string): { zh: string; en: string } | null {
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stat)
    return {
      zh: `找不到收件箱文件夹 ${folder}。请检查是否已拔出磁盘或文件夹被改名,然后在设置中重新选择。`,
      en: `The inbox folder ${folder} cannot be found. Check whether a drive was unplugged or the folder renamed, then choose it again in the settings.`,
    };
  if (!stat.isDirectory())
    return { zh: `${folder} 不是文件夹。请选择一个文件夹。`, en: `${folder} is not a folder. Choose a folder.` };
  try {
    fs.accessSync(folder, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    return {
      zh: `收件箱文件夹 ${folder} 不可读写(归档后要移走原件)。请检查文件夹权限。`,
      en: `The inbox folder ${folder} cannot be read and written (originals are moved out once filed). Check its permissions.`,
    };
  }
  return null;
}

/**
 * The folder must exist and must not overlap the office's own data or archive: the inbox
 * moves files out once filed, and must never pick up the archive's files (or be inside it).
 */
export function assertUsableFolder(ctx: OfficeContext, raw: string): string {
  if (!path.isAbsolute(raw))
    throw new AppError('invalid_input', {
      zh: `收件箱文件夹须是完整路径(如 D:\\扫描):${raw}`,
      en: `The inbox folder must be a full path (like D:\\Scans): ${raw}`,
    });
  const folder = path.resolve(raw);
  const problem = folderProblem(folder);
  if (problem) throw new AppError('invalid_input', problem);
  const real = fs.realpathSync(folder);
  for (const own of [ctx.dataDir, ctx.archiveRoot()]) {
    const ownReal = fs.existsSync(own) ? fs.realpathSync(own) : path.resolve(own);
    const inside = (a: string, b: string): boolean => a === b || a.startsWith(b + path.sep);
    if (inside(real, ownReal) || inside(ownReal, real))
      throw new AppError('invalid_input', {
        zh: `收件箱文件夹不能与门店通的数据或档案文件夹重叠(${own})。请另选一个文件夹。`,
        en: `The inbox folder must not overlap 门店通's data or archive folder (${own}). Choose another folder.`,
      });
  }
  return folder;
}
