/**
 * Roles decide what each person may see and do (SPEC §6). The staff list is the user list, so
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

/** Who is calling: a signed-in person, the CLI (acts as owner) or a test. */
export type Actor = {
  staffId: number | null;
  code: string;
  name: string;
  role: Role;
  via: 'ipc' | 'http' | 'cli' | 'test';
};
