/**
 * Roles decide what each person may see and do (docs/operations.md › 登录、权限与备份). The staff list is the user list, so
 * a staff member's role is their permission role.
 */
export const ROLES = ['owner', 'manager', 'clerk', 'salesperson'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  owner: { zh: '店长', en: 'Owner' },
  manager: { zh: '经理', en: 'Manager' },
  clerk: { zh: '文员', en: 'Clerk' },
  salesperson: { zh: '业务员', en: 'Salesperson' },
};

/** The roles a manager manages (docs/operations.md › Who may change whom). */
export const MANAGED_BY_MANAGERS: readonly Role[] = ['salesperson', 'clerk'];

/**
 * May this caller act on this person's record, plan or pay? An owner on anyone; a manager on
 * salespeople and clerks other than themself. The core enforces it (staff-policy.ts); the UI
 * uses the same function to offer only the people a pick would be allowed for.
 */
export function managesPerson(actor: { role: Role; staffId: number | null } | null, target: { id: number; role: Role }): boolean {
  if (actor?.role === 'owner') return true;
  if (actor?.role !== 'manager') return false;
  return target.id !== actor.staffId && MANAGED_BY_MANAGERS.includes(target.role);
}

/** Who is calling: a signed-in person, the CLI (acts as owner) or a test. */
export type Actor = {
  staffId: number | null;
  code: string;
  name: string;
  role: Role;
  via: 'ipc' | 'http' | 'cli' | 'test';
};
