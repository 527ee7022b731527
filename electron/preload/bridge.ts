import type { Envelope } from '../../shared/errors';
import type { OfficeBridge } from '../../shared/desktop-bridge';
import { IPC_CHANNELS, isOfficeEventName } from './channels';

/** The slice of ipcRenderer the bridge uses, so the bridge is unit-tested without Electron. */
export type BridgeIpc = {
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>;
  on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => unknown;
  removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => unknown;
};

/**
 * Build `window.officeBridge`. Every call resolves to an envelope: a refused or failed IPC
 * becomes an error the page can show, never an exception that escapes a click handler.
 */
export function createBridge(
  ipc: BridgeIpc,
  isKnownMethod: (name: string) => boolean,
  pathOf: (file: unknown) => string = () => '',
): OfficeBridge {
  const invoke = <T>(channel: string, ...args: unknown[]): Promise<Envelope<T>> =>
    ipc.invoke(channel, ...args).then(
      (answer) => answer as Envelope<T>,
      (error: unknown) => unreachable(error),
    );

  return {
    call: (method, input) => {
      if (typeof method !== 'string' || !isKnownMethod(method)) return Promise.resolve(unknownMethod(method));
      return invoke(IPC_CHANNELS.call, method, input ?? {});
    },
    print: () => invoke(IPC_CHANNELS.print),
    printToPdf: (suggestedName) => invoke(IPC_CHANNELS.printToPdf, String(suggestedName ?? '')),
    openFile: (documentId) => invoke(IPC_CHANNELS.openFile, documentId),
    revealFile: (documentId) => invoke(IPC_CHANNELS.revealFile, documentId),
    pathForFile: (file) => {
      try {
        return pathOf(file);
      } catch {
        return '';
      }
    },
    onEvent: (channel, listener) => {
      if (!isOfficeEventName(channel)) throw new TypeError(`Unknown office event "${String(channel)}"`);
      if (typeof listener !== 'function') throw new TypeError('onEvent needs a listener function');
      // The IpcRendererEvent stays here: it carries `sender`, which the page must never hold.
      const relay = (_event: unknown, name: unknown, payload: unknown): void => {
        if (name === channel) listener(payload);
      };
      ipc.on(IPC_CHANNELS.event, relay as (event: unknown, ...args: unknown[]) => void);
      return () => {
        ipc.removeListener(IPC_CHANNELS.event, relay as (event: unknown, ...args: unknown[]) => void);
      };
    },
  };
}

function unknownMethod(method: unknown): Envelope<never> {
  const name = String(method).slice(0, 80);
  return {
    ok: false,
    error: {
      code: 'unknown_method',
      message: `没有名为 "${name}" 的功能。请更新门店通或检查调用名称。`,
      messageEn: `There is no method named "${name}". Update 门店通 or check the name.`,
    },
  };
}

function unreachable(error: unknown): Envelope<never> {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: {
      code: 'unavailable',
      message: `门店通主程序没有响应(${reason})。请重试;若仍失败,请重新启动门店通。`,
      messageEn: `The 门店通 main process did not answer (${reason}). Retry, and restart 门店通 if it persists.`,
    },
  };
}
