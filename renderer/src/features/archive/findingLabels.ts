import type { FindingKind } from '../../../../shared/contract/archive';
import type { MessageKey } from '../../i18n';

/** What each 档案体检 finding is called in the reader's language (never the code `unrecorded`). */
export const FINDING_LABEL: Record<FindingKind, MessageKey> = {
  unrecorded: 'archive.finding.unrecorded',
  missing: 'archive.finding.missing',
  modified: 'archive.finding.modified',
  misplaced: 'archive.finding.misplaced',
  empty: 'archive.finding.empty',
  unlinked: 'archive.finding.unlinked',
  staging: 'archive.finding.staging',
};
