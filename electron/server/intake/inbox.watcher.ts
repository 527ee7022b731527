import type { OfficeContext } from '../core/context';
import { dispatch } from '../core/dispatch';
import { INBOX_ACTOR, requeueInterruptedReads, stopInboxReader } from './inbox-reader';

/** How often the inbox folder is looked at. Polling, not fs.watch: it works on network shares and USB drives too. */
export const INBOX_POLL_MS = 2000;

/**
 * While the app (or `office serve`) runs: look at the inbox folder every two seconds through
 * the dispatch gate (inbox.scan), which picks up settled files and kicks the reader. Files a
 * quit interrupted are read again. Returns the stop function.
 */
export function startInbox(ctx: OfficeContext, pollMs = INBOX_POLL_MS): () => void {
  let busy = false;
  const tick = async (): Promise<void> => {
    if (busy || !ctx.sqlite.open) return;
    busy = true;
    try {
      await dispatch({ ...ctx, actor: INBOX_ACTOR }, 'inbox.scan', {});
    } finally {
      busy = false;
    }
  };
  void (async () => {
    await ctx.healthChecked;
    if (ctx.health && !ctx.health.ok) return;
    await requeueInterruptedReads(ctx);
    void tick();
  })();
  const timer = setInterval(() => void tick(), pollMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    stopInboxReader(ctx.sqlite);
  };
}
