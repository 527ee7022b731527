import type { Actor } from '../../../shared/roles';
import { AppError } from '../core/app-error';
import { scopedOwnerId } from '../clients/client-scope';
import type { ContractJoined } from './contracts.repository';

/** A salesperson sees contracts credited to them or belonging to their clients. */
export function canSeeContract(actor: Actor | null, c: Pick<ContractJoined, 'staff_id' | 'client_owner_id'>): boolean {
  const own = scopedOwnerId(actor);
  return own === null || c.staff_id === own || c.client_owner_id === own;
}

export function assertCanSeeContract(actor: Actor | null, c: ContractJoined | undefined, id: number | string): ContractJoined {
  if (!c || !canSeeContract(actor, c)) {
    throw new AppError(
      'not_found',
      { zh: `找不到合同(${id}),或该合同不归您负责。`, en: `Contract ${id} was not found, or is not one of yours.` },
      { id },
    );
  }
  return c;
}

/** SQL condition (and its parameters) limiting a contract query to what the caller may see. */
export function contractScopeSql(actor: Actor | null): { sql: string; params: number[] } {
  const own = scopedOwnerId(actor);
  return own === null ? { sql: '1', params: [] } : { sql: '(k.staff_id = ? OR c.owner_staff_id = ?)', params: [own, own] };
}
