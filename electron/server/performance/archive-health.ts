import type { Dashboard } from '../../../shared/performance/performance-types';
import type { CallContext } from '../core/context';

/**
 * The dashboard's 档案体检 tile: when the archive was last checked and how many findings are
 * open. Null until the archive keeps audit results.
 */
export function archiveHealth(ctx: CallContext): Dashboard['archive'] {
  void ctx;
  return null;
}
