import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { Envelope } from '../../shared/errors';
import { isTrustedSender } from './ipc-guard';

export type IsAppWindow = (contents: WebContents) => boolean;

/** Gather the facts isTrustedSender judges; a frame that is gone or navigated away fails. */
export function senderIsTrusted(event: IpcMainInvokeEvent, isAppWindow: IsAppWindow): boolean {
  const frame = event.senderFrame;
  return isTrustedSender({
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame.parent === null,
    isAppWindow: isAppWindow(event.sender),
  });
}

export function refusedSender(): Envelope<never> {
  return {
    ok: false,
    error: {
      code: 'forbidden',
      message: '只有门店通自己的窗口可以使用此功能。',
      messageEn: 'Only the 门店通 window itself may use this.',
    },
  };
}
