import type { Role } from '../../shared/roles';

/**
 * How every WRITE method of the contract acts on people, for the role-write matrix
 * (role-writes.test.ts). A write method missing here fails that test: whoever adds one declares
 * here on whom it acts and who may do it — docs/operations.md's rules, written once more, independently
 * of the services, so a service that drifts from them is caught.
 *
 * - 'person': it changes a staff member's record, role, status, password or plan. Called on
 *   the caller's own record, another salesperson's, clerk's, manager's, and an owner's.
 * - 'owned-record': it changes a record that belongs to someone (a client, contract, payment,
 *   follow-up) — the caller's own, or someone else's.
 * - 'role': it grants or pays a role (creating a person with it, its allowances).
 * - 'self': it acts on the caller only (their own password, their own statement, a claim for themself).
 * - 'office': it acts on nobody in particular — `why` says so. Only its role list is checked.
 */

export const MANAGED_BY_MANAGERS: readonly Role[] = ['salesperson', 'clerk'];

/** One person of the test office, seen from the caller (`self` when it is the caller). */
export type Who = {
  id: number;
  code: string;
  role: Role;
  self: boolean;
  password: string;
  clientId: number;
  contractId: number;
  paymentId: number;
  followUpId: number;
};

export type Fixture = {
  /** An open month (plans can change). */
  openMonth: string;
  /** The last closed month: everyone is 待辞退 there (below their floor twice). */
  caseMonth: string;
  today: string;
  /** Someone to hand clients to who is neither caller nor target. */
  bystander: (a: Who, b: Who) => Who;
};

type Rule = (actor: Who, target: Who) => boolean;
export type Variant = {
  label: string;
  input: (target: Who, f: Fixture, actor: Who) => unknown;
  /** Raw SQL set-up on the fresh office before the call (e.g. mark the target as left). */
  prepare?: (exec: Exec, target: Who, f: Fixture) => void;
  rule: Rule;
  /** Allowed but nothing to change (giving someone the role they have): only success is required. */
  noOp?: (target: Who) => boolean;
};
export type Exec = (sql: string, ...params: unknown[]) => void;
export type RoleVariant = {
  label: string;
  input: (role: Role, f: Fixture) => unknown;
  /** Raw SQL set-up before the call (e.g. a bonus rule paying that role). */
  prepare?: (exec: Exec, role: Role, f: Fixture) => void;
  rule: (actor: Who, role: Role) => boolean;
};

export type WriteDeclaration =
  | { acts: 'person'; variants: Variant[] }
  | { acts: 'owned-record'; variants: Variant[] }
  | { acts: 'role'; variants: RoleVariant[] }
  | { acts: 'self'; input: (actor: Who, f: Fixture) => unknown; prepare?: (exec: Exec, actor: Who, f: Fixture) => void }
  | { acts: 'office'; why: string };

// The rules (docs/operations.md › 登录、权限与备份 › Who may change whom).
/** An owner acts on anyone; a manager on salespeople and clerks other than themself. */
export const manages: Rule = (actor, target) =>
  actor.role === 'owner' || (actor.role === 'manager' && !target.self && MANAGED_BY_MANAGERS.includes(target.role));
/** An owner grants any role; a manager only salesperson and clerk. */
export const grants = (actor: Who, role: Role): boolean =>
  actor.role === 'owner' || (actor.role === 'manager' && MANAGED_BY_MANAGERS.includes(role));
/** A salesperson works their own records only; the office's other roles work every record. */
export const ownRecordOnlyForSales: Rule = (actor, target) => actor.role !== 'salesperson' || target.self;
const ownerOnly: Rule = (actor) => actor.role === 'owner';
const always: Rule = () => true;

const csv = (text: string) => ({ fileName: 'matrix.csv', dataBase64: Buffer.from(`${text}\n`).toString('base64') });

/** Someone the caller does not manage is never credited by them: the caller themself, unless an owner. */
const managesSelfToo: Rule = (actor, target) => manages(actor, target) && manages(actor, { ...actor, self: true });
const PAY_ITEM = 9001;
const putPayItem = (exec: Exec, t: Who, f: Fixture): void =>
  exec(
    `INSERT INTO pay_items (id, staff_id, kind, category, reason, amount_fen, from_month, to_month, created_at, created_by)
     VALUES (?, ?, 'bonus', '全勤奖', '矩阵', 10000, ?, NULL, '2026-04-01', 'cli')`,
    PAY_ITEM,
    t.id,
    f.openMonth,
  );
const BONUS_RULE = 9002;
const putBonusRule = (exec: Exec, role: Role, f: Fixture): void =>
  exec(
    `INSERT INTO bonus_rules (id, name, kind, def_json, amount_fen, roles_json, from_month, to_month, created_at, created_by)
     VALUES (?, '矩阵规则', 'top_collector', '{"kind":"top_collector"}', 10000, ?, ?, NULL, '2026-04-01', 'cli')`,
    BONUS_RULE,
    JSON.stringify([role]),
    f.openMonth,
  );
const askToConfirm = (exec: Exec, f: Fixture): void =>
  exec(
    `INSERT INTO confirmation_requests (month, requested_at, requested_by) VALUES (?, '2026-04-09T00:00:00Z', 'cli')`,
    f.openMonth,
  );
const disputed = (exec: Exec, t: Who, f: Fixture): void => {
  askToConfirm(exec, f);
  exec(
    `INSERT INTO statement_confirmations (month, staff_id, state, note, responded_at) VALUES (?, ?, 'disputed', '不对', '2026-04-09T01:00:00Z')`,
    f.openMonth,
    t.id,
  );
};
/** Into the pool (公海): no owner. */
const toPool = (exec: Exec, who: Who): void =>
  exec(`UPDATE clients SET owner_staff_id = NULL, pool_since = '2026-04-01T00:00:00Z' WHERE id = ?`, who.clientId);
const INVOICE = 9003;

export const WRITE_DECLARATIONS: Record<string, WriteDeclaration> = {
  // —— people ——
  'staff.update': {
    acts: 'person',
    variants: [
      { label: 'salary', input: (t) => ({ id: t.id, baseSalaryFen: 123_456 }), rule: manages },
      { label: 'name', input: (t) => ({ id: t.id, name: '改名' }), rule: manages },
      {
        label: 'make owner',
        input: (t) => ({ id: t.id, role: 'owner' }),
        rule: (a, t) => manages(a, t) && grants(a, 'owner'),
        noOp: (t) => t.role === 'owner',
      },
      {
        label: 'make manager',
        input: (t) => ({ id: t.id, role: 'manager' }),
        noOp: (t) => t.role === 'manager',
        rule: (a, t) => manages(a, t) && grants(a, 'manager'),
      },
      {
        label: 'make clerk',
        input: (t) => ({ id: t.id, role: 'clerk' }),
        rule: (a, t) => manages(a, t) && grants(a, 'clerk'),
        noOp: (t) => t.role === 'clerk',
      },
    ],
  },
  'staff.deactivate': {
    acts: 'person',
    variants: [{ label: '离职', input: (t, f) => ({ id: t.id, leftOn: f.today }), rule: manages }],
  },
  'staff.reinstate': {
    acts: 'person',
    variants: [
      {
        label: '恢复在职',
        prepare: (exec, t) => exec(`UPDATE staff SET status = 'left', left_on = '2026-04-01' WHERE id = ?`, t.id),
        input: (t) => ({ id: t.id, reason: '矩阵测试' }),
        rule: manages,
      },
    ],
  },
  'auth.setPassword': {
    acts: 'person',
    variants: [{ label: 'password', input: (t) => ({ staffId: t.id, password: 'Matrix2026pass' }), rule: ownerOnly }],
  },
  'plans.set': {
    acts: 'person',
    variants: [
      {
        label: 'own plan',
        input: (t, f) => ({
          month: f.openMonth,
          staffId: t.id,
          plan: { floorFen: 1, targetFen: 2, rateBp: 9_000, multiplierPct: 1_000, leaveReason: null },
        }),
        rule: manages,
      },
      {
        label: 'team default',
        input: (_t, f) => ({
          month: f.openMonth,
          staffId: null,
          plan: { floorFen: 1, targetFen: 2, rateBp: 100, multiplierPct: 200, leaveReason: null },
        }),
        rule: always,
      },
    ],
  },
  'plans.clear': {
    acts: 'person',
    variants: [
      {
        label: 'clear',
        prepare: (exec, t, f) =>
          exec(
            `INSERT INTO monthly_plans (month, staff_id, floor_fen, target_fen, rate_bp, multiplier_pct, leave_reason, updated_at, updated_by)
             VALUES (?, ?, 1, 2, 3, 200, NULL, '2026-04-01', 'cli')`,
            f.openMonth,
            t.id,
          ),
        input: (t, f) => ({ month: f.openMonth, staffId: t.id }),
        rule: manages,
      },
    ],
  },
  'plans.import': {
    acts: 'person',
    variants: [
      {
        label: 'import a plan',
        input: (t, f) => csv(`月份,工号,保底销售额,目标销售额,提成比例\n${f.openMonth},${t.code},1,2,90%`),
        rule: manages,
      },
    ],
  },
  'dismissals.decide': {
    acts: 'person',
    variants: [
      {
        label: 'keep',
        input: (t, f) => ({ staffId: t.id, month: f.caseMonth, decision: 'keep', reason: '矩阵测试' }),
        rule: manages,
      },
      {
        label: 'dismiss',
        input: (t, f, a) => ({
          staffId: t.id,
          month: f.caseMonth,
          decision: 'dismiss',
          reason: '矩阵测试',
          leftOn: f.today,
          reassignToStaffId: f.bystander(a, t).id,
        }),
        rule: manages,
      },
    ],
  },
  // —— pay: a person's pay is their record (docs/operations.md › Who may change whom) ——
  'plans.setTiers': {
    acts: 'person',
    variants: [
      {
        label: 'own tiers',
        input: (t, f) => ({ month: f.openMonth, staffId: t.id, tiers: [{ fromBp: 0, ratePpm: 900_000 }] }),
        rule: manages,
      },
      {
        label: 'team tiers',
        input: (_t, f) => ({ month: f.openMonth, staffId: null, tiers: [{ fromBp: 0, ratePpm: 60_000 }] }),
        rule: always,
      },
    ],
  },
  'payitems.create': {
    acts: 'person',
    variants: [
      {
        label: '奖金',
        input: (t, f) => ({
          staffId: t.id,
          kind: 'bonus',
          category: '开单奖',
          reason: '矩阵',
          amountFen: 9_999_900,
          fromMonth: f.openMonth,
          toMonth: null,
        }),
        rule: manages,
      },
      {
        label: '扣款',
        input: (t, f) => ({
          staffId: t.id,
          kind: 'deduction',
          category: '迟到',
          reason: '矩阵',
          amountFen: 100,
          fromMonth: f.openMonth,
          toMonth: f.openMonth,
        }),
        rule: manages,
      },
    ],
  },
  'payitems.stop': {
    acts: 'person',
    variants: [
      { label: 'stop', prepare: putPayItem, input: (_t, f) => ({ id: PAY_ITEM, lastMonth: f.openMonth }), rule: manages },
    ],
  },
  'payitems.delete': {
    acts: 'person',
    variants: [{ label: 'delete', prepare: putPayItem, input: () => ({ id: PAY_ITEM }), rule: manages }],
  },
  'confirmations.answer': {
    acts: 'person',
    variants: [
      {
        label: 'reply',
        prepare: disputed,
        input: (t, f) => ({ month: f.openMonth, staffId: t.id, reply: '已核对' }),
        rule: manages,
      },
      {
        label: 'settle with a 奖金',
        prepare: disputed,
        input: (t, f) => ({
          month: f.openMonth,
          staffId: t.id,
          reply: '补发',
          adjustment: { kind: 'bonus', amountFen: 5_000_000 },
        }),
        rule: manages,
      },
    ],
  },
  'shares.set': {
    acts: 'person',
    variants: [
      {
        // Credit moves from the contract's salesperson to a colleague both sides manage.
        label: 'split with a colleague',
        input: (t, f, a) => ({
          contractId: t.contractId,
          parts: [
            { staffId: t.id, shareBp: 5_000 },
            { staffId: f.bystander(a, t).id, shareBp: 5_000 },
          ],
        }),
        rule: manages,
      },
      {
        // The caller takes half of someone's contract (on their own: half goes to a colleague).
        label: 'credit myself',
        input: (t, f, a) => ({
          contractId: t.contractId,
          parts: t.self
            ? [
                { staffId: a.id, shareBp: 5_000 },
                { staffId: f.bystander(a, t).id, shareBp: 5_000 },
              ]
            : [
                { staffId: t.id, shareBp: 5_000 },
                { staffId: a.id, shareBp: 5_000 },
              ],
        }),
        rule: managesSelfToo,
      },
    ],
  },
  'pool.assign': {
    acts: 'person',
    variants: [
      {
        label: 'assign from the pool to',
        prepare: (exec, t) => toPool(exec, t),
        input: (t) => ({ clientIds: [t.clientId], toStaffId: t.id, reason: '矩阵' }),
        rule: manages,
      },
    ],
  },
  // —— roles ——
  'staff.create': {
    acts: 'role',
    variants: [
      {
        label: 'create',
        input: (role) => ({ code: `NEW-${role}`, name: '新人', role, hiredOn: '2026-04-01', baseSalaryFen: 100 }),
        rule: grants,
      },
    ],
  },
  'staff.import': {
    acts: 'role',
    variants: [
      {
        label: 'import',
        input: (role) => csv(`工号,姓名,角色,入职日期,底薪\nIMP-${role},导入,${role},2026-04-01,1000`),
        rule: grants,
      },
    ],
  },
  'bonusrules.create': {
    acts: 'role',
    variants: [
      {
        label: 'a rule paying',
        input: (role, f) => ({
          name: '矩阵规则',
          amountFen: 9_999_900,
          roles: [role],
          fromMonth: f.openMonth,
          toMonth: null,
          def: { kind: 'top_collector' },
        }),
        rule: grants,
      },
    ],
  },
  'bonusrules.stop': {
    acts: 'role',
    variants: [
      {
        label: 'stop a rule paying',
        prepare: putBonusRule,
        input: (_r, f) => ({ id: BONUS_RULE, lastMonth: f.openMonth }),
        rule: grants,
      },
    ],
  },
  'bonusrules.delete': {
    acts: 'role',
    variants: [{ label: 'delete a rule paying', prepare: putBonusRule, input: () => ({ id: BONUS_RULE }), rule: grants }],
  },
  'allowances.set': {
    acts: 'role',
    variants: [{ label: 'allowances', input: (role) => ({ role, items: [{ name: '交通', amountFen: 99_999 }] }), rule: grants }],
  },
  // —— one's own ——
  'auth.changePassword': { acts: 'self', input: (a) => ({ current: a.password, next: 'Next2026pass' }) },
  'confirmations.confirm': {
    acts: 'self',
    prepare: (exec, _a, f) => askToConfirm(exec, f),
    input: (_a, f) => ({ month: f.openMonth, note: '无误' }),
  },
  'confirmations.dispute': {
    acts: 'self',
    prepare: (exec, _a, f) => askToConfirm(exec, f),
    input: (_a, f) => ({ month: f.openMonth, note: '少算了一笔' }),
  },
  'pool.claim': {
    acts: 'self',
    // The caller's own former client, put into the pool by hand (no history, so no cooldown).
    prepare: (exec, a) => toPool(exec, a),
    input: (a) => ({ clientIds: [a.clientId] }),
  },
  // —— records that belong to someone ——
  'pool.putBack': {
    acts: 'owned-record',
    variants: [{ label: 'put back', input: (t) => ({ clientIds: [t.clientId], reason: '矩阵' }), rule: ownRecordOnlyForSales }],
  },
  'schedules.set': {
    acts: 'owned-record',
    variants: [
      {
        label: '回款计划',
        input: (t) => ({ contractId: t.contractId, instalments: [{ dueOn: '2026-05-01', amountFen: 500_000 }] }),
        rule: ownRecordOnlyForSales,
      },
    ],
  },
  'invoices.create': {
    acts: 'owned-record',
    variants: [
      {
        label: '发票',
        input: (t, f) => ({
          contractId: t.contractId,
          title: '矩阵',
          amountFen: 100,
          number: `INV-${t.code}`,
          issuedOn: f.today,
        }),
        rule: ownRecordOnlyForSales,
      },
    ],
  },
  'invoices.delete': {
    acts: 'owned-record',
    variants: [
      {
        label: 'delete',
        prepare: (exec, t) =>
          exec(
            `INSERT INTO invoices (id, contract_id, title, amount_fen, number, issued_on, created_at, created_by)
             VALUES (?, ?, '矩阵', 100, 'INV-DEL', '2026-04-01', '2026-04-01', 'cli')`,
            INVOICE,
            t.contractId,
          ),
        input: () => ({ id: INVOICE, reason: '矩阵' }),
        rule: ownRecordOnlyForSales,
      },
    ],
  },
  'merge.apply': {
    acts: 'owned-record',
    variants: [
      {
        // Clients are the office's records (clients.reassign moves any of them); contracts keep their salesperson.
        label: 'merge theirs into mine',
        input: (t, f, a) => ({ keepId: a.clientId, mergeIds: [t.self ? f.bystander(a, t).clientId : t.clientId] }),
        rule: ownRecordOnlyForSales,
      },
      {
        label: 'merge mine into theirs',
        input: (t, f, a) => ({ keepId: t.clientId, mergeIds: [t.self ? f.bystander(a, t).clientId : a.clientId] }),
        rule: ownRecordOnlyForSales,
      },
    ],
  },
  'clients.create': {
    acts: 'owned-record',
    variants: [
      { label: 'register for', input: (t) => ({ name: `新客户${t.code}`, ownerStaffId: t.id }), rule: ownRecordOnlyForSales },
    ],
  },
  'clients.update': {
    acts: 'owned-record',
    variants: [{ label: 'edit', input: (t) => ({ id: t.clientId, notes: '矩阵' }), rule: ownRecordOnlyForSales }],
  },
  'clients.archive': {
    acts: 'owned-record',
    variants: [{ label: 'archive', input: (t) => ({ id: t.clientId }), rule: ownRecordOnlyForSales }],
  },
  'clients.reassign': {
    acts: 'owned-record',
    variants: [
      {
        label: 'move away',
        input: (t, f, a) => ({ clientIds: [t.clientId], toStaffId: f.bystander(a, t).id, reason: '矩阵' }),
        rule: ownRecordOnlyForSales,
      },
    ],
  },
  'followups.create': {
    acts: 'owned-record',
    variants: [
      {
        label: 'log',
        input: (t, f) => ({ clientId: t.clientId, happenedOn: f.today, way: 'phone', content: '矩阵' }),
        rule: ownRecordOnlyForSales,
      },
    ],
  },
  'followups.complete': {
    acts: 'owned-record',
    variants: [{ label: 'complete', input: (t) => ({ id: t.followUpId }), rule: ownRecordOnlyForSales }],
  },
  'contracts.create': {
    acts: 'owned-record',
    variants: [
      {
        label: 'for their client',
        input: (t) => ({ clientId: t.clientId, amountFen: 1000 }),
        rule: ownRecordOnlyForSales,
      },
      {
        label: 'credited to them',
        input: (t, _f, a) => ({ clientId: a.clientId, staffId: t.id, amountFen: 1000 }),
        rule: ownRecordOnlyForSales,
      },
    ],
  },
  'contracts.update': {
    acts: 'owned-record',
    variants: [{ label: 'edit', input: (t) => ({ id: t.contractId, notes: '矩阵' }), rule: ownRecordOnlyForSales }],
  },
  'contracts.renew': {
    acts: 'owned-record',
    variants: [{ label: 'renew', input: (t) => ({ id: t.contractId }), rule: ownRecordOnlyForSales }],
  },
  'payments.create': {
    acts: 'owned-record',
    variants: [
      {
        label: 'pay',
        input: (t, f) => ({ contractId: t.contractId, paidOn: f.today, amountFen: 100 }),
        rule: ownRecordOnlyForSales,
      },
    ],
  },
  'payments.delete': {
    acts: 'owned-record',
    variants: [{ label: 'delete', input: (t) => ({ id: t.paymentId, reason: '矩阵' }), rule: ownRecordOnlyForSales }],
  },
  // —— the office as a whole ——
  'settings.update': { acts: 'office', why: "the office's name and address" },
  'settings.completeSetup': {
    acts: 'office',
    why: 'first run only; creates the first owner of an empty office (first-run.test.ts)',
  },
  'clients.import': { acts: 'office', why: 'bulk import by the office roles (a salesperson cannot import)' },
  'contracts.import': { acts: 'office', why: 'bulk import by the office roles (a salesperson cannot import)' },
  'payments.import': { acts: 'office', why: 'bulk import by the office roles (a salesperson cannot import)' },
  'plans.copyPrevious': {
    acts: 'office',
    why: 'copies last month’s plans as the owner and managers set them; sets no new figure',
  },
  'commission.updateSettings': { acts: 'office', why: 'the office’s commission rules (owner only)' },
  'months.close': { acts: 'office', why: 'freezes the month for everyone; statuses follow the floor rule, not the caller' },
  'months.reopen': { acts: 'office', why: 'owner only; the month for everyone' },
  'archive.saveKind': { acts: 'office', why: 'document kinds' },
  'archive.setTemplate': { acts: 'office', why: 'the archive’s path template' },
  'archive.fileLocal': { acts: 'office', why: 'documents belong to the office; salespeople cannot file' },
  'archive.update': { acts: 'office', why: 'documents belong to the office; salespeople cannot edit them' },
  'archive.delete': { acts: 'office', why: 'documents belong to the office; salespeople cannot delete them' },
  'archive.restore': { acts: 'office', why: 'documents belong to the office' },
  'archive.purge': { acts: 'office', why: 'owner only' },
  'archive.audit': { acts: 'office', why: 'checks the archive folder' },
  'archive.correctText': { acts: 'office', why: 'a document’s words, by hand; documents belong to the office (no salesperson)' },
  'ocr.enqueue': { acts: 'office', why: 'queues one document for OCR; changes only its text' },
  'ocr.enqueueAll': { acts: 'office', why: 'queues every scan without text for OCR' },
  'ocr.cancel': { acts: 'office', why: 'stops queued or running OCR jobs' },
  'imports.cancel': {
    acts: 'office',
    why: 'stops an import job by its id; only its starter or the owner may (import-worker.test.ts), and nothing was written yet',
  },
  'inbox.configure': { acts: 'office', why: 'the scan inbox folder (owner and managers)' },
  'inbox.scan': { acts: 'office', why: 'looks at the inbox folder now' },
  'inbox.file': { acts: 'office', why: 'files a scan into the office’s archive, as archive.fileLocal (no salesperson)' },
  'inbox.retry': { acts: 'office', why: 'reads a failed scan again' },
  'inbox.saveRule': { acts: 'office', why: 'a matching rule: words → document kind (owner and managers)' },
  'inbox.deleteRule': { acts: 'office', why: 'a matching rule (owner and managers)' },
  'intake.import': { acts: 'office', why: 'brings an old folder into the archive (owner and managers)' },
  'intake.cancel': { acts: 'office', why: 'stops bringing in an old folder (owner and managers)' },
  'archive.fix': { acts: 'office', why: 'fixes archive findings' },
  'backup.updateSettings': { acts: 'office', why: 'owner only' },
  'backup.run': { acts: 'office', why: 'owner only' },
  'archive.deleteKind': { acts: 'office', why: 'document kinds' },
  'archive.upload': { acts: 'office', why: 'documents belong to the office; salespeople cannot file (upload-gate tests)' },
  'backup.restore': { acts: 'office', why: 'owner only; replaces the whole office' },
  'leaderboard.setHidden': { acts: 'office', why: 'owner only; hides the board for everyone' },
  'confirmations.request': {
    acts: 'office',
    why: 'puts the month’s statements up for every salesperson to confirm; changes no one’s figures',
  },
  'pool.updateSettings': { acts: 'office', why: 'the office’s pool rules (days, caps) for everyone' },
  'pool.run': {
    acts: 'office',
    why: 'applies the office’s pool rules as of a day; whom it returns follows the rules, not the caller',
  },
  'receivables.updateSettings': { acts: 'office', why: 'how many days ahead the office is reminded of payments due' },
  'auth.login': { acts: 'office', why: 'public: signs the caller in (auth tests)' },
  'auth.logout': { acts: 'office', why: 'public: ends the caller’s own session' },
};

/** Input fields that name a person or a role. */
export const PERSON_FIELDS = /^(staffId|ownerStaffId|fromStaffId|toStaffId|reassignToStaffId|role|code|password|owner|staffIds)$/;
/** 'office' methods that nevertheless take such a field, and why that is no way to act on someone. */
export const OFFICE_BUT_NAMES_A_PERSON: Record<string, string> = {
  'settings.completeSetup': 'names the first owner of an office with nobody in it yet; refused once set up',
  'auth.login': 'a 工号 and its password: signs in as that person only with their password',
};
