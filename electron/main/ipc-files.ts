import fs from 'node:fs/promises';
import path from 'node:path';
import { ipcMain, shell } from 'electron';
import type { Envelope, ErrorBody } from '../../shared/errors';
import type { Office } from '../server/office';
import { IPC_CHANNELS } from '../preload/channels';
import { isInsideRoot, isUnsafeToOpen, resolveArchiveTarget } from './archive-paths';
import { refusedSender, senderIsTrusted, type IsAppWindow } from './ipc-sender';

/** Open or reveal a filed document — only ever one inside the archive root. */
export function registerFileHandlers(office: Office, isAppWindow: IsAppWindow): void {
  ipcMain.handle(IPC_CHANNELS.openFile, async (event, requested: unknown): Promise<Envelope<null>> => {
    if (!senderIsTrusted(event, isAppWindow)) return refusedSender();
    const target = await archiveFile(office, requested);
    if (!target.ok) return target;
    if (isUnsafeToOpen(target.value, path)) {
      return fail({
        code: 'forbidden',
        message: `为安全起见,门店通不直接打开程序或脚本文件(${path.basename(target.value)})。请用"在文件夹中显示"查看。`,
        messageEn: `For safety, 门店通 does not open programs or scripts (${path.basename(target.value)}). Use "Show in folder" instead.`,
      });
    }
    const error = await shell.openPath(target.value);
    if (error) {
      return fail({
        code: 'unavailable',
        message: `系统无法打开此文件:${error}。请确认已安装能打开它的程序,或在文件夹中显示它。`,
        messageEn: `The system could not open this file: ${error}. Check that a program for it is installed, or show it in its folder.`,
      });
    }
    return { ok: true, value: null };
  });

  ipcMain.handle(IPC_CHANNELS.revealFile, async (event, requested: unknown): Promise<Envelope<null>> => {
    if (!senderIsTrusted(event, isAppWindow)) return refusedSender();
    const target = await archiveFile(office, requested);
    if (!target.ok) return target;
    shell.showItemInFolder(target.value);
    return { ok: true, value: null };
  });
}

/** The real path of an existing file inside the archive root; symbolic links are followed first. */
async function archiveFile(office: Office, requested: unknown): Promise<Envelope<string>> {
  const root = office.archiveRoot();
  const target = resolveArchiveTarget(requested, root, path);
  if (!target.ok) return target.reason === 'invalid' ? invalid() : outside(root);
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await fs.realpath(root);
    realFile = await fs.realpath(target.path);
  } catch {
    return fail({
      code: 'not_found',
      message: `找不到文件 ${target.path}。它可能已被移动或删除;可运行"档案体检"查找。`,
      messageEn: `File not found: ${target.path}. It may have been moved or deleted; run the archive audit to find it.`,
    });
  }
  return isInsideRoot(realFile, realRoot, path) ? { ok: true, value: realFile } : outside(root);
}

function invalid(): Envelope<never> {
  return fail({ code: 'invalid_input', message: '没有指定文件。', messageEn: 'No file was given.' });
}

function outside(root: string): Envelope<never> {
  return fail({
    code: 'forbidden',
    message: `只能打开档案文件夹(${root})里的文件。`,
    messageEn: `Only files inside the archive folder (${root}) can be opened.`,
  });
}

function fail(error: ErrorBody): Envelope<never> {
  return { ok: false, error };
}
