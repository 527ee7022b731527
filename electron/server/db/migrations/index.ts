import { foundation } from './20261123_0001_foundation';
import { clientsContractsPayments } from './20261123_0002_clients_contracts_payments';
import { clientsSearch } from './20261123_0300_clients_search';
import { commission } from './20261123_0500_commission';
import { archive } from './20261123_0700_archive';
import { auth } from './20261123_0800_auth';
import { archiveFolders } from './20261123_0900_archive_folders';
import { sheetIndexes } from './20261123_1000_sheet_indexes';
import { contractPaid } from './20261123_1100_contract_paid';
import { staffHistory } from './20261127_1400_staff_history';
import { archiveIgnored } from './20261127_1410_archive_ignored';
import { documentText } from './20261127_1700_document_text';
import { scanInbox } from './20261127_1750_scan_inbox';
import { poolReceivables } from './20261127_1800_pool_receivables';
import { poolReceivablesFacts } from './20261127_1800_pool_receivables_facts';
import { poolReceivablesIndexes } from './20261127_1800_pool_receivables_indexes';
import { commissionExtras } from './20261127_1900_commission_extras';
import { sheetSpeed } from './20261128_0500_sheet_speed';
import { importLayouts } from './20261127_1600_import_layouts';
import type { Migration } from './types';

/** Every migration, in order. Append only; names sort in the order they run. */
export const migrations: readonly Migration[] = [
  foundation,
  clientsContractsPayments,
  clientsSearch,
  commission,
  archive,
  auth,
  archiveFolders,
  sheetIndexes,
  contractPaid,
  staffHistory,
  archiveIgnored,
  importLayouts,
  documentText,
  scanInbox,
  poolReceivables,
  poolReceivablesFacts,
  poolReceivablesIndexes,
  commissionExtras,
  sheetSpeed,
];

export type { Migration };
