import fs from 'node:fs/promises';
import path from 'node:path';
import { ipcMain, shell } from 'electron';
import type { FileAnswer } from '../../shared/contract/method';
import type { Envelope, ErrorBody } from '../../shared/errors';
import type { Office } from '../server/office';
import { IPC_CHANNELS } from '../preload/channels';
import { isInsideRoot, isUnsafeToOpen } from './archive-paths';
import type { IpcSessions } from './ipc-session';
import { refusedSender, senderIsTrusted, type IsAppWindow } from './ipc-sender';

/**
 * Open or reveal a filed document, by its id. Which file that is — and whether this window's
 * person may see it — is the gate's answer to archive.download, as for a browser's download;
 * the main process only hands the file to the system, and never runs a program.
 */
export function registerFileHandlers(office: Office, isAppWindow: IsAppWindow, sessions: IpcSessions): void {
  ipcMain.handle(IPC_CHANNELS.openFile, async (event, documentId: unknown): Promise<Envelope<null>> => {
    if (!senderIsTrusted(event, isAppWindow)) return refusedSender();
    const target = await documentFile(office, sessions.callerOf(event), documentId);
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

  ipcMain.handle(IPC_CHANNELS.revealFile, async (event, documentId: unknown): Promise<Envelope<null>> => {
    if (!senderIsTrusted(event, isAppWindow)) return refusedSender();
    const target = await documentFile(office, sessions.callerOf(event), documentId);
    if (!target.ok) return target;
    shell.showItemInFolder(target.value);
    return { ok: true, value: null };
  });
}

/** The gate's file for the document, checked once more on its real path (no link out of the archive). */
async function documentFile(
  office: Office,
  caller: ReturnType<IpcSessions['callerOf']>,
  documentId: unknown,
): Promise<Envelope<string>> {
  const answer = await office.call(
    caller.actor,
    'archive.download',
    { id: documentId },
    { token: caller.token, takesFile: true },
  );
  if (!answer.ok) return answer;
  const file = (answer.value as FileAnswer).path;
  const root = office.archiveRoot();
  try {
    const real = await fs.realpath(file);
    if (isInsideRoot(real, await fs.realpath(root), path)) return { ok: true, value: real };
  } catch {
    return fail({
      code: 'not_found',
      message: `找不到文件 ${file}。它可能已被移动或删除;可运行"档案体检"查找。`,
      messageEn: `File not found: ${file}. It may have been moved or deleted; run the archive audit to find it.`,
    });
  }
  return fail({
    code: 'forbidden',
    message: `只能打开档案文件夹(${root})里的文件。`,
    messageEn: `Only files inside the archive folder (${root}) can be opened.`,
  });
}

function fail(error: ErrorBody): Envelope<never> {
  return { ok: false, error };
}
