import type { WebContents } from 'electron';
import type { OfficeEventName } from '../../shared/desktop-bridge';
import { IPC_CHANNELS } from '../preload/channels';

/** Push one event to the page (the preload's onEvent); a closed window is simply skipped. */
export function sendOfficeEvent(contents: WebContents | null | undefined, name: OfficeEventName, payload: unknown): void {
  if (!contents || contents.isDestroyed()) return;
  contents.send(IPC_CHANNELS.event, name, payload);
}
