import type { WebContents } from 'electron';
import { IPC_CHANNELS, type OfficeEventName } from '../preload/channels';

/** Push one event to the page (the preload's onEvent); a closed window is simply skipped. */
export function sendOfficeEvent(contents: WebContents | null | undefined, name: OfficeEventName, payload: unknown): void {
  if (!contents || contents.isDestroyed()) return;
  contents.send(IPC_CHANNELS.event, name, payload);
}
