import type BetterSqlite3 from 'better-sqlite3';
import { MANAGED_BY_MANAGERS, managesPerson, ROLE_LABELS, type Actor, type Role } from '../../../shared/roles';
import { AppError, notFound } from '../core/app-error';

/**
 * Who may change whom — the one place the rule lives (docs/operations.md › 登录、权限与备份, issue 14.1). The contract's role
 * list only says which roles may call a method; these rules say on WHOM they may act:
 *
 * - An owner (店长; also the CLI and the local owner before sign-in) may act on anyone.
 * - A manager (经理) manages salespeople and clerks only: creates them, edits them, marks them
 *   离职 or 恢复在职, sets their plans and their roles' allowances. A manager never touches a
 *   manager's or an owner's record, plan, allowance or role — their own included (the owner
 *   edits a manager; a manager changes only their own password) — and never grants a role
 *   above clerk/salesperson.
 * - Only an owner grants or removes the owner role, or sets anyone's password.
 * - Nobody demotes, marks 离职/dismisses, the last active owner; and while sign-in is on,
 *   nobody removes the last active owner who has a password (that would lock the office out).
 *
 * - Pay counts as the person's record: a manager gives or stops a 奖金/扣款, sets 阶梯提成, answers
 *   a disputed statement, or changes a contract's 分成 only for people they manage — never for
 *   themself (a manager's own pay is the owner's to set), a manager or an owner. Bonus rules pay
 *   roles, like allowances: a manager writes rules only for the roles they manage.
 *
 * Every service that writes a person's record, role, password, plan, pay or allowance calls these
 * checks inside its transaction; tests/integration/role-writes.test.ts holds every write method
 * to them.
 */
export { MANAGED_BY_MANAGERS };

export type PersonTarget = { id: number; role: Role; status: string; name: string; code: string };

const ownerLike = (actor: Actor | null): boolean => actor?.role === 'owner';

function refuse(zh: string, en: string, details?: Record<string, unknown>): never {
  throw new AppError('forbidden', { zh: zh, en: en }, details);
}

/** May this caller act on this person's record (edit, 离职, 恢复在职, plan)? */
export function mayManagePerson(actor: Actor | null, target: { id: number; role: Role }): boolean {
  return managesPerson(actor, target);
}

export function assertMayManagePerson(actor: Actor | null, target: PersonTarget): void {
  if (mayManagePerson(actor, target)) return;
  if (actor?.role === 'manager' && target.id === actor.staffId)
    refuse(
      '经理不能修改自己的员工资料、指标或在职状态,请由店长修改(自己的密码可在"账户与安全"中修改)。',
      'A manager cannot change their own staff record, plan or employment; the owner does (your own password is changed under Account & security).',
      { staffId: target.id },
    );
  refuse(
    `只有店长可以修改${ROLE_LABELS[target.role].zh}${target.name}(${target.code})的资料;经理只管理业务员和文员。`,
    `Only the owner may change ${target.name} (${target.code}), a ${ROLE_LABELS[target.role].en.toLowerCase()}; managers manage salespeople and clerks only.`,
    { staffId: target.id },
  );
}

/** May this caller give someone this role (on creating or editing a person)? */
export function mayGrantRole(actor: Actor | null, role: Role): boolean {
  return ownerLike(actor) || (actor?.role === 'manager' && MANAGED_BY_MANAGERS.includes(role));
}

export function assertMayGrantRole(actor: Actor | null, role: Role): void {
  if (mayGrantRole(actor, role)) return;
  refuse(
    `只有店长可以设置"${ROLE_LABELS[role].zh}"角色;经理只能设置业务员和文员。`,
    `Only the owner may give the ${ROLE_LABELS[role].en.toLowerCase()} role; managers may give salesperson and clerk only.`,
    { role },
  );
}

/** Allowances are per role: a manager sets those of the roles they manage. */
export function assertMaySetRoleAllowances(actor: Actor | null, role: Role): void {
  if (ownerLike(actor) || (actor?.role === 'manager' && MANAGED_BY_MANAGERS.includes(role))) return;
  refuse(
    `只有店长可以设置${ROLE_LABELS[role].zh}的岗位补贴;经理只设置业务员和文员的补贴。`,
    `Only the owner may set the ${ROLE_LABELS[role].en.toLowerCase()} allowances; managers set those of salespeople and clerks.`,
    { role },
  );
}

/** The person must exist and the caller may manage them (else not_found / forbidden). */
export function assertMayManagePersonId(sqlite: BetterSqlite3.Database, actor: Actor | null, staffId: number): PersonTarget {
  const target = personTarget(sqlite, staffId);
  if (!target) throw notFound({ zh: '员工', en: 'Staff member' }, staffId);
  assertMayManagePerson(actor, target);
  return target;
}

/** Bonus rules pay roles, like allowances: a manager writes them only for the roles they manage. */
export function assertMayPayRoles(actor: Actor | null, roles: readonly Role[]): void {
  for (const role of roles) {
    if (ownerLike(actor) || (actor?.role === 'manager' && MANAGED_BY_MANAGERS.includes(role))) continue;
    refuse(
      `只有店长可以为${ROLE_LABELS[role].zh}设置或停止奖金规则;经理只为业务员和文员设置。`,
      `Only the owner may set or stop bonus rules that pay the ${ROLE_LABELS[role].en.toLowerCase()} role; managers set them for salespeople and clerks.`,
      { role },
    );
  }
}

/** Only an owner sets another person's password (the CLI acts as the owner). */
export function assertMaySetPassword(actor: Actor | null): void {
  if (ownerLike(actor)) return;
  refuse('只有店长可以设置或重设员工的密码。', 'Only the owner may set or reset a staff member’s password.');
}

/**
 * Call before a change that takes `target` out of the active owners (demoted, 离职, dismissed).
 * Refused when no other active owner would remain — or, with sign-in on, no other active owner
 * who can sign in.
 */
export function assertOwnerRemains(sqlite: BetterSqlite3.Database, target: PersonTarget): void {
  if (target.role !== 'owner' || target.status === 'left') return;
  const others = sqlite
    .prepare(
      `SELECT count(*) AS owners, count(p.staff_id) AS withPassword FROM staff s
       LEFT JOIN staff_passwords p ON p.staff_id = s.id
       WHERE s.role = 'owner' AND s.status != 'left' AND s.id != ?`,
    )
    .get(target.id) as { owners: number; withPassword: number };
  if (others.owners === 0)
    throw new AppError(
      'conflict',
      {
        zh: `${target.name}(${target.code})是门店唯一的店长,不能离职、辞退或改为其他角色。请先把另一位员工设为店长。`,
        en: `${target.name} (${target.code}) is the office's only owner and cannot leave, be dismissed or get another role. Make someone else owner first.`,
      },
      { staffId: target.id, lastOwner: true },
    );
  const signInOn = sqlite.prepare('SELECT 1 FROM staff_passwords LIMIT 1').get() !== undefined;
  const targetHasPassword = sqlite.prepare('SELECT 1 FROM staff_passwords WHERE staff_id = ?').get(target.id) !== undefined;
  if (signInOn && targetHasPassword && others.withPassword === 0)
    throw new AppError(
      'conflict',
      {
        zh: `${target.name}(${target.code})是唯一能登录的店长;先为另一位店长设置密码,否则门店将无人能以店长身份登录。`,
        en: `${target.name} (${target.code}) is the only owner who can sign in; set a password for another owner first, or nobody could sign in as owner.`,
      },
      { staffId: target.id, lastOwner: true },
    );
}

/** The person record the rules are checked against, or not_found. */
export function personTarget(sqlite: BetterSqlite3.Database, id: number): PersonTarget | undefined {
  return sqlite.prepare('SELECT id, role, status, name, code FROM staff WHERE id = ?').get(id) as PersonTarget | undefined;
}
