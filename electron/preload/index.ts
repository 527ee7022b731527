import { contextBridge, ipcRenderer } from 'electron';
import { contract } from '../../shared/contract';
import type { OfficeBridge } from './bridge-types';

// Channel names are repeated from electron/main/ipc.ts: the sandboxed preload is bundled on its
// own and must not pull in the main process's modules.
const bridge: OfficeBridge = {
  call: (method, input) => {
    if (!Object.prototype.hasOwnProperty.call(contract, method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_method', message: `没有名为 "${method}" 的功能。`, messageEn: `There is no method named "${method}".` },
      });
    }
    return ipcRenderer.invoke('office:call', method, input ?? {});
  },
  print: () => ipcRenderer.invoke('office:print'),
  printToPdf: (suggestedName) => ipcRenderer.invoke('office:print-to-pdf', suggestedName),
  openFile: (archivePath) => ipcRenderer.invoke('office:open-file', archivePath),
  revealFile: (archivePath) => ipcRenderer.invoke('office:reveal-file', archivePath),
};

contextBridge.exposeInMainWorld('officeBridge', bridge);
