import { foundation } from './20261123_0001_foundation';
import { clientsContractsPayments } from './20261123_0002_clients_contracts_payments';
import type { Migration } from './types';

/** Every migration, in order. Append only; names sort in the order they run. */
export const migrations: readonly Migration[] = [foundation, clientsContractsPayments];

export type { Migration };
