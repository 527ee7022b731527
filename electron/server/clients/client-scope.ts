import type { Actor } from '../../../shared/roles';
import { AppError } from '../core/app-error';

/**
 * Data scoping (docs/operations.md › 登录、权限与备份): a salesperson works only their own clients. Everyone else in the
 * office sees every client. Enforced here, in the service layer, not only hidden in the UI.
 */
export function isScopedToOwn(actor: Actor | null): boolean {
  return actor?.role === 'salesperson';
}

/** The owner a scoped caller is limited to; -1 (nobody) for a salesperson not linked to staff. */
export function scopedOwnerId(actor: Actor | null): number | null {
  if (!isScopedToOwn(actor)) return null;
  return actor?.staffId ?? -1;
}

export function canSeeClient(actor: Actor | null, ownerStaffId: number | null): boolean {
  const own = scopedOwnerId(actor);
  return own === null || ownerStaffId === own;
}

/**
 * Refuse a client the caller may not see. Said as "not found", so a salesperson cannot learn
 * by trial that a client id exists.
 */
export function assertCanSeeClient(actor: Actor | null, client: { id: number; owner_staff_id: number | null }): void {
  if (!canSeeClient(actor, client.owner_staff_id)) {
    throw new AppError(
      'not_found',
      {
        zh: `找不到客户(${client.id}),或该客户不归您负责。`,
        en: `Client ${client.id} was not found, or is not one of your clients.`,
      },
      { id: client.id },
    );
  }
}
