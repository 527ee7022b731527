import path from 'node:path';
import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import type { Office } from '../server/office';
import { isInsideRoot, isKnownMethod, isTrustedSender } from './ipc-guard';
import { desktopActor } from './local-actor';

/** Every IPC channel the preload may use; each handler checks its sender first. */
export const IPC = {
  call: 'office:call',
  print: 'office:print',
  printToPdf: 'office:print-to-pdf',
  openFile: 'office:open-file',
  revealFile: 'office:reveal-file',
} as const;

function assertTrusted(event: IpcMainInvokeEvent): void {
  const frame = event.senderFrame;
  if (!frame || !isTrustedSender(frame.url, frame.parent === null)) {
    throw new Error('Refused: IPC from an untrusted frame');
  }
}

export function registerIpc(office: Office): void {
  ipcMain.handle(IPC.call, async (event, method: unknown, input: unknown) => {
    assertTrusted(event);
    // Unknown names still go to dispatch, which answers with the unknown_method envelope.
    return office.call(desktopActor(), isKnownMethod(method) ? method : String(method), input);
  });

  ipcMain.handle(IPC.print, (event) => {
    assertTrusted(event);
    event.sender.print({ printBackground: true });
  });

  ipcMain.handle(IPC.printToPdf, async (event, suggestedName: unknown) => {
    assertTrusted(event);
    const window = BrowserWindow.fromWebContents(event.sender);
    const name = typeof suggestedName === 'string' && suggestedName ? suggestedName : '门店通.pdf';
    const choice = window
      ? await dialog.showSaveDialog(window, { defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
      : await dialog.showSaveDialog({ defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (choice.canceled || !choice.filePath) return { saved: false };
    const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, displayHeaderFooter: false });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(choice.filePath, pdf);
    return { saved: true, path: choice.filePath };
  });

  const archiveFile = (file: unknown): string => {
    const root = path.resolve(office.archiveRoot());
    const resolved = typeof file === 'string' ? path.resolve(root, file) : '';
    if (!isInsideRoot(resolved, root, path.sep)) throw new Error('Refused: file outside the archive');
    return resolved;
  };
  ipcMain.handle(IPC.openFile, async (event, file: unknown) => {
    assertTrusted(event);
    const error = await shell.openPath(archiveFile(file));
    return { ok: error === '', error };
  });
  ipcMain.handle(IPC.revealFile, (event, file: unknown) => {
    assertTrusted(event);
    shell.showItemInFolder(archiveFile(file));
  });
}
