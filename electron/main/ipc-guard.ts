import { contract, type Method } from '../../shared/contract';
import { isAppUrl } from './app-protocol';

export type SenderFacts = {
  /** `event.senderFrame.url`; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** The frame is the top-level frame (not an iframe). */
  isMainFrame: boolean;
  /** The web contents belong to the app window we created. */
  isAppWindow: boolean;
};

/**
 * Only our own page, in the top frame of our own window, may use the IPC channels: a frame
 * navigated elsewhere, an injected iframe or any other web contents is refused.
 */
export function isTrustedSender(facts: SenderFacts): boolean {
  return facts.isAppWindow && facts.isMainFrame && isAppUrl(facts.frameUrl);
}

/** Own properties only, so '__proto__', 'constructor' or 'toString' are never "methods". */
export function isKnownMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
