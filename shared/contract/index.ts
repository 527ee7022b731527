import { settingsContract } from './settings';
import { staffContract } from './staff';
import { systemContract } from './system';
import { clientsContract } from './clients';
import { followUpsContract } from './follow-ups';
import { contractsContract } from './contracts';
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
} as const satisfies ContractMap;

export type Contract = typeof contract;
export type Method = keyof Contract;

export const contractParts: readonly ContractMap[] = [systemContract, settingsContract, staffContract];
// clients, follow-ups, contracts, payments, renewals (SPEC §1–2)
(contractParts as ContractMap[]).push(clientsContract, followUpsContract, contractsContract);

export * from './method';
