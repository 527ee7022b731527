import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import type { Envelope } from '../../shared/errors';
import { IPC_CHANNELS } from '../preload/channels';
import { refusedSender, senderIsTrusted, type IsAppWindow } from './ipc-sender';
import { pdfFileName, printOutcome } from './print-helpers';

/** Print the calling page, and save it as an A4 PDF (the 月度业绩表 and other print views). */
export function registerPrintHandlers(isAppWindow: IsAppWindow): void {
  ipcMain.handle(IPC_CHANNELS.print, (event): Promise<Envelope<{ printed: boolean }>> | Envelope<never> => {
    if (!senderIsTrusted(event, isAppWindow)) return refusedSender();
    return new Promise((resolve) => {
      event.sender.print({ printBackground: true }, (success, failureReason) => {
        const outcome = printOutcome(success, failureReason);
        resolve(
          outcome === 'failed'
            ? failed(
                `打印失败:${failureReason}。请检查打印机后重试。`,
                `Printing failed: ${failureReason}. Check the printer and retry.`,
              )
            : { ok: true, value: { printed: outcome === 'printed' } },
        );
      });
    });
  });

  ipcMain.handle(
    IPC_CHANNELS.printToPdf,
    async (event, suggestedName: unknown): Promise<Envelope<{ saved: boolean; path: string | null }>> => {
      if (!senderIsTrusted(event, isAppWindow)) return refusedSender();
      // Ask first, render after: a cancelled dialog costs nothing.
      const options = {
        title: '另存为 PDF',
        defaultPath: path.join(app.getPath('documents'), pdfFileName(suggestedName)),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const owner = BrowserWindow.fromWebContents(event.sender);
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false, path: null } };
      try {
        const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
        await fs.writeFile(choice.filePath, pdf);
      } catch (error) {
        const reason = (error as Error).message;
        return failed(
          `无法保存 PDF:${reason}。请换一个位置或文件名后重试。`,
          `Could not save the PDF: ${reason}. Choose another place or name and retry.`,
        );
      }
      return { ok: true, value: { saved: true, path: choice.filePath } };
    },
  );
}

function failed(message: string, messageEn: string): Envelope<never> {
  return { ok: false, error: { code: 'unavailable', message, messageEn } };
}
