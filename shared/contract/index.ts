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
import { payTermsContract } from './pay-terms';
import { statementsContract } from './statements';
import { poolContract } from './pool';
import { receivablesContract } from './receivables';
import { mergeContract } from './merge';
import { doctextContract } from './doctext';
import { importsContract } from './imports';
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
  ...payTermsContract,
  ...statementsContract,
  ...poolContract,
  ...receivablesContract,
  ...mergeContract,
  ...importsContract,
} as const satisfies ContractMap;

export type Contract = typeof contract;
export type Method = keyof Contract;

export const contractParts: readonly ContractMap[] = [systemContract, settingsContract, staffContract];
// clients, follow-ups, contracts, payments, renewals (docs/rules.md › 客户、合同与收款)
(contractParts as ContractMap[]).push(clientsContract, followUpsContract, contractsContract);

// 指标、提成、月结、待辞退 (docs/rules.md › 指标、提成与月结); 月度业绩表 and 概览 (docs/rules.md › 月度业绩表与概览)
(contractParts as ContractMap[]).push(commissionContract, performanceContract);
// 档案 (docs/archive.md › 档案)
(contractParts as ContractMap[]).push(archiveContract, doctextContract);
// 扫描收件箱, 旧文件夹收编 (issue 17.2, 17.3)
(contractParts as ContractMap[]).push(intakeContract, oldFoldersContract);
// 备份 (docs/operations.md › 登录、权限与备份)
(contractParts as ContractMap[]).push(backupContract, authContract);
// 分成, 阶梯提成, 奖金/扣款, 业绩确认, what-if, 排行榜 (issue 19)
(contractParts as ContractMap[]).push(payTermsContract, statementsContract);
// 公海池, 回款计划/应收/发票, 合并重复客户 (docs/rules.md › 公海池、回款计划、发票与合并, issue 18)
(contractParts as ContractMap[]).push(poolContract, receivablesContract, mergeContract);
// 导入:进度、取消、模板 (issues 14.9, 15.15)
(contractParts as ContractMap[]).push(importsContract);

export * from './method';
