import type { Contract } from '../../../shared/contract';
import { settingsHandlers } from '../settings/settings.handlers';
import { staffHandlers } from '../staff/staff.handlers';
import type { Handlers } from './handlers';
import { systemHandlers } from './system.handlers';
import { clientsHandlers } from '../clients/clients.handlers';
import { followUpsHandlers } from '../clients/follow-ups.handlers';
import { contractsHandlers } from '../contracts/contracts.handlers';
import { performanceHandlers } from '../performance/performance.handlers';
import { commissionHandlers } from '../commission/commission.handlers';
import { archiveHandlers } from '../archive/archive.handlers';
import { doctextHandlers } from '../ocr/doctext.handlers';
import { intakeHandlers, oldFoldersHandlers } from '../intake/intake.handlers';
import { backupHandlers } from '../backup/backup.handlers';
import { authHandlers } from '../auth/auth.handlers';
import { payTermsHandlers } from '../commission/pay-terms.handlers';
import { statementsHandlers } from '../commission/statements.handlers';
import { poolHandlers } from '../pool/pool.handlers';
import { receivablesHandlers } from '../receivables/receivables.handlers';
import { mergeHandlers } from '../clients/merge.handlers';
import { importsHandlers } from '../imports/imports.handlers';

/** Every area's handlers in one map, typed against the whole contract. */
export const allHandlers: Handlers<Contract> = {
  ...systemHandlers,
  ...settingsHandlers,
  ...staffHandlers,
  ...clientsHandlers,
  ...followUpsHandlers,
  ...contractsHandlers,
  ...commissionHandlers,
  ...archiveHandlers,
  ...doctextHandlers,
  ...intakeHandlers,
  ...oldFoldersHandlers,
  ...backupHandlers,
  ...authHandlers,
  ...performanceHandlers,
  ...payTermsHandlers,
  ...statementsHandlers,
  ...poolHandlers,
  ...receivablesHandlers,
  ...mergeHandlers,
  ...importsHandlers,
};
