import type { MethodDef } from '../../../shared/contract/method';
import type { ErrorBody } from '../../../shared/errors';
import { damagedDatabaseError } from '../db/startup-checks';
import { officeInUseError } from '../office-lock';
import type { CallContext } from './context';

/** Restoring a backup is the cure for a damaged database, so it is the one write allowed on one. */
export const ALLOWED_ON_DAMAGED: ReadonlySet<string> = new Set(['backup.restore']);

/** A dry run (an import preview) writes nothing, so a reader beside the holder may run it. */
const isDryRun = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && (input as { dryRun?: unknown }).dryRun === true;

/**
 * Why a write may not run now, or null. Writes wait for a background startup check; they are
 * refused on a damaged database and in a process that only reads beside the office's holder.
 */
export async function writeRefusal(ctx: CallContext, name: string, def: MethodDef, input: unknown): Promise<ErrorBody | null> {
  if (def.kind !== 'write' || isDryRun(input)) return null;
  if (ctx.guestOf) return officeInUseError(ctx.guestOf.holder, 'write').toBody();
  if (ctx.healthChecked) await ctx.healthChecked;
  if (ctx.health && !ctx.health.ok && !ALLOWED_ON_DAMAGED.has(name)) return damagedDatabaseError(ctx.health).toBody();
  return null;
}
