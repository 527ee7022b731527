import { settingsContract } from './settings';
import { staffContract } from './staff';
import { systemContract } from './system';
import { clientsContract } from './clients';
import { followUpsContract } from './follow-ups';
import { contractsContract } from './contracts';
import { performanceContract } from './performance';
import { commissionContract } from './commission';
import { archiveContract } from './archive';
import { backupContract } from './backup';
import { authContract } from './auth';
import { doctextContract } from './doctext';
import { intakeContract, oldFoldersContract } from './intake';
import type { ContractMap } from './method';

/**
 * The one map of every capability. Each area adds its own `xContract` here; a duplicate method
 * name is caught by `assertUniqueNames` below at load time and by the tests.
 */
export const contract = {
  ...systemContract,
  ...settingsContract,
  ...staffContract,
  ...clientsContract,
  ...followUpsContract,
  ...contractsContract,
  ...commissionContract,
  ...archiveContract,
  ...doctextContract,
  ...intakeContract,
  ...oldFoldersContract,
  ...backupContract,
  ...authContract,
  ...performanceContract,
} as const satisfies ContractMap;

export type Contract = typeof contract;
export type Method = keyof Contract;

export const contractParts: readonly ContractMap[] = [systemContract, settingsContract, staffContract];
// clients, follow-ups, contracts, payments, renewals (SPEC §1–2)
(contractParts as ContractMap[]).push(clientsContract, followUpsContract, contractsContract);

// 指标、提成、月结、待辞退 (SPEC §4); 月度业绩表 and 概览 (SPEC §5)
(contractParts as ContractMap[]).push(commissionContract, performanceContract);
// 档案 (SPEC §3)
(contractParts as ContractMap[]).push(archiveContract, doctextContract);
// 扫描收件箱, 旧文件夹收编 (issue 17.2, 17.3)
(contractParts as ContractMap[]).push(intakeContract, oldFoldersContract);
// 备份 (SPEC §6)
(contractParts as ContractMap[]).push(backupContract, authContract);

export * from './method';
