import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { TextSource, TextState } from '../../../shared/archive/text-formats';
import type { ClientGrade } from '../../../shared/clients/classification';
import type { BonusRuleKind } from '../../../shared/commission/bonus-rules';
import type { ConfirmationState } from '../../../shared/commission/confirmation';
import type { ClientKind } from '../../../shared/contract/client-schemas';
import type { CREDIT_BASES } from '../../../shared/contract/commission';
import type { ContractStatus, PaymentMethod } from '../../../shared/contract/contract-schemas';
import type { FollowUpWay } from '../../../shared/contract/follow-ups';
import type { InboxState } from '../../../shared/contract/intake';
import type { PayItemRow } from '../../../shared/contract/pay-terms';
import type { StaffStatus } from '../../../shared/contract/staff';
import type { MatchAlgorithm } from '../../../shared/intake/match';
import type { Role } from '../../../shared/roles';

/**
 * The typed shape of office.db. Each area adds its tables here alongside its migration.
 * Enumerated text columns are unions taken from the shared contract where it names them, so the
 * contract, the repositories and the CHECK constraints share one list. schema-guard.test.ts
 * fails when a migration and this file disagree.
 * Money columns end in `_fen` and hold integers; dates are 'YYYY-MM-DD' text; timestamps are
 * ISO-8601 UTC text.
 */
export type Database = {
  schema_migrations: SchemaMigrationsTable;
  settings: SettingsTable;
  staff: StaffTable;
  audit_log: AuditLogTable;
  clients: ClientsTable;
  client_phones: ClientPhonesTable;
  client_owner_history: ClientOwnerHistoryTable;
  follow_ups: FollowUpsTable;
  contracts: ContractsTable;
  payments: PaymentsTable;
  client_search: ClientSearchTable;
  monthly_plans: MonthlyPlansTable;
  role_allowances: RoleAllowancesTable;
  month_closes: MonthClosesTable;
  dismissal_flags: DismissalFlagsTable;
  month_results: MonthResultsTable;
  doc_kinds: DocKindsTable;
  documents: DocumentsTable;
  archive_journal: ArchiveJournalTable;
  document_links: DocumentLinksTable;
  staff_passwords: { staff_id: number; hash: string; updated_at: string };
  sessions: SessionsTable;
  login_failures: { code: string; failures: number; locked_until: string | null };
  document_search: ClientSearchTable;
  staff_status_history: StaffStatusHistoryTable;
  archive_ignored: ArchiveIgnoredTable;
  contract_share_sets: ContractShareSetsTable;
  contract_share_parts: ContractSharePartsTable;
  /** One row (id 1): counts changes to the share sets and parts (triggers); see share-sets.repository. */
  share_sets_version: { id: number; n: number };
  share_adjustments: ShareAdjustmentsTable;
  plan_tiers: PlanTiersTable;
  pay_items: PayItemsTable;
  bonus_rules: BonusRulesTable;
  confirmation_requests: ConfirmationRequestsTable;
  statement_confirmations: StatementConfirmationsTable;
  month_close_lines: MonthCloseLinesTable;
  instalments: InstalmentsTable;
  invoices: InvoicesTable;
  invoice_payments: { invoice_id: number; payment_id: number };
  document_texts: DocumentTextsTable;
  text_jobs: TextJobsTable;
  import_layouts: ImportLayoutsTable;
  inbox_items: InboxItemsTable;
  inbox_rules: InboxRulesTable;
};

export type SchemaMigrationsTable = {
  name: string;
  applied_at: string;
};

export type SettingsTable = {
  key: string;
  /** JSON text. */
  value: string;
};

export type StaffTable = {
  id: Generated<number>;
  code: string;
  name: string;
  role: Role;
  hired_on: string;
  left_on: string | null;
  base_salary_fen: number;
  status: Generated<StaffStatus>;
  phone: Generated<string>;
  created_at: string;
  updated_at: string;
};
export type StaffRecord = Selectable<StaffTable>;
export type NewStaffRecord = Insertable<StaffTable>;
export type StaffUpdate = Updateable<StaffTable>;

export type AuditLogTable = {
  id: Generated<number>;
  at: string;
  actor_code: string;
  actor_role: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
};

export type ClientsTable = {
  id: Generated<number>;
  kind: Generated<ClientKind>;
  name: string;
  name_key: string;
  contact_name: Generated<string>;
  wechat: Generated<string>;
  qq: Generated<string>;
  email: Generated<string>;
  address: Generated<string>;
  province: Generated<string>;
  city: Generated<string>;
  district: Generated<string>;
  township: Generated<string>;
  industry: Generated<string>;
  size: Generated<string>;
  source: Generated<string>;
  referrer_client_id: number | null;
  referrer_name: Generated<string>;
  joined_on: string;
  owner_staff_id: number | null;
  level: Generated<number>;
  /** '' = not graded yet. */
  grade: Generated<'' | ClientGrade>;
  man_money: Generated<number>;
  man_authority: Generated<number>;
  man_need: Generated<number>;
  value_type: Generated<string>;
  stage: Generated<string>;
  birthday: string | null;
  anniversary: string | null;
  notes: Generated<string>;
  completeness: Generated<number>;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  /** When the client was put into the pool (公海); owner_staff_id is then NULL. */
  pool_since: Generated<string | null>;
  /** Kept by triggers (migration 20261127_1800_pool_receivables_facts) for the pool rules. */
  last_follow_up_on: Generated<string | null>;
  last_signed_on: Generated<string | null>;
  owned_at: Generated<string | null>;
};
export type ClientRecord = Selectable<ClientsTable>;

export type ClientPhonesTable = {
  id: Generated<number>;
  client_id: number;
  phone: string;
  phone_key: string;
  kind: Generated<'mobile' | 'landline' | 'other'>;
};

export type ClientOwnerHistoryTable = {
  id: Generated<number>;
  client_id: number;
  from_staff_id: number | null;
  to_staff_id: number | null;
  changed_at: string;
  changed_by: string;
  reason: Generated<string>;
  kind: Generated<'reassign' | 'claim' | 'assign' | 'return' | 'put_back' | 'leave' | 'merge'>;
  /** The office calendar day of the move (pool moves), for daily caps and cooldowns. */
  on_date: Generated<string | null>;
};

export type FollowUpsTable = {
  id: Generated<number>;
  client_id: number;
  staff_id: number | null;
  happened_on: string;
  way: FollowUpWay;
  content: Generated<string>;
  next_step: Generated<string>;
  next_on: string | null;
  done: Generated<number>;
  created_at: string;
};

export type ContractsTable = {
  id: Generated<number>;
  number: string;
  client_id: number;
  staff_id: number | null;
  product: Generated<string>;
  amount_fen: number;
  signed_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
  status: Generated<ContractStatus>;
  renewal_of_id: number | null;
  notes: Generated<string>;
  created_at: string;
  updated_at: string;
  /** Set by a trigger from signed_on: the month whose sales this contract counts in. */
  credit_month: Generated<string | null>;
  /** Kept by triggers on payments: the sum of this contract's payments (refunds negative). */
  paid_fen: Generated<number>;
};
export type ContractRecord = Selectable<ContractsTable>;

export type PaymentsTable = {
  id: Generated<number>;
  contract_id: number;
  staff_id: number | null;
  paid_on: string;
  amount_fen: number;
  method: Generated<PaymentMethod>;
  notes: Generated<string>;
  created_at: string;
  /** Set by a trigger: the month whose sales this payment counts in. */
  credit_month: Generated<string | null>;
};
export type PaymentRecord = Selectable<PaymentsTable>;

/** FTS5, contentless: rowid = clients.id; grams from shared/clients/search-grams.ts. */
export type ClientSearchTable = {
  rowid: number;
  grams: string;
};

/** 月度指标: staff_id null is the team default for the month. */
export type MonthlyPlansTable = {
  id: Generated<number>;
  month: string;
  staff_id: number | null;
  floor_fen: number | null;
  target_fen: number | null;
  rate_bp: number | null;
  multiplier_pct: number | null;
  leave_reason: string | null;
  updated_at: string;
  updated_by: string;
};

export type RoleAllowancesTable = {
  role: Role;
  name: string;
  amount_fen: number;
};

export type MonthClosesTable = {
  month: string;
  closed: number;
  first_closed_at: string;
  closed_at: string | null;
  closed_by: string | null;
  snapshot_json: string | null;
};

export type DismissalFlagsTable = {
  id: Generated<number>;
  staff_id: number;
  month: string;
  decision: 'kept' | 'dismissed';
  reason: string;
  left_on: string | null;
  decided_at: string;
  decided_by: string;
};

export type MonthResultsTable = {
  month: string;
  staff_id: number;
  below_floor: number;
  exempt: number;
};

export type DocKindsTable = {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  sort: Generated<number>;
  auto_purge: Generated<number>;
  draft_months: number | null;
};

export type DocumentsTable = {
  id: Generated<number>;
  kind_id: number | null;
  client_id: number | null;
  contract_id: number | null;
  doc_date: string;
  title: string;
  original_name: string;
  ext: string;
  size: number;
  sha256: string;
  rel_path: string;
  path_key: string;
  filed_by: string;
  filed_at: string;
  deleted_at: string | null;
  trash_path: string | null;
};
export type DocumentRecord = Selectable<DocumentsTable>;

export type ArchiveJournalTable = {
  id: Generated<number>;
  op: 'file' | 'move';
  document_id: number | null;
  from_path: string;
  to_path: string;
  created_at: string;
};

/** A document's words and where they came from (see migration 20261127_1700_document_text). */
export type DocumentTextsTable = {
  document_id: number;
  state: TextState;
  source: TextSource;
  text: Generated<string>;
  truncated: Generated<number>;
  confidence: number | null;
  pages: number | null;
  updated_at: string;
  updated_by: string;
};

/** The persistent queue of background text work (extract again, OCR). */
export type TextJobsTable = {
  id: Generated<number>;
  document_id: number;
  kind: 'extract' | 'ocr';
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  page: Generated<number>;
  pages: Generated<number>;
  error: string | null;
  created_at: string;
  updated_at: string;
};

export type DocumentLinksTable = {
  document_id: number;
  client_id: number | null;
  contract_id: number | null;
  linked_at: string;
};

export type SessionsTable = {
  token_hash: string;
  staff_id: number;
  csrf: string;
  via: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
};

/** 在职记录: one row per employment change (hired, 离职, dismissed, 恢复在职). */
export type StaffStatusHistoryTable = {
  id: Generated<number>;
  staff_id: number;
  event: 'hired' | 'left' | 'dismissed' | 'reinstated';
  effective_on: string;
  from_status: string | null;
  to_status: string;
  reason: Generated<string>;
  at: string;
  by_code: string;
};

/** 档案体检 findings ignored until their file or record changes (fingerprint). */
export type ArchiveIgnoredTable = {
  id: Generated<number>;
  kind: string;
  path_key: string;
  document_id: number | null;
  fingerprint: string;
  ignored_by: string;
  ignored_at: string;
};

/** 分成: a contract's shares from `from_month` on; no parts = not shared from then. */
export type ContractShareSetsTable = {
  id: Generated<number>;
  contract_id: number;
  from_month: string;
  note: Generated<string>;
  created_at: string;
  created_by: string;
};

export type ContractSharePartsTable = {
  set_id: number;
  staff_id: number;
  /** Basis points of the whole: 10000 = 100 %. */
  share_bp: number;
};

/** Credit moved by a change of shares for sales already credited to an earlier month. */
export type ShareAdjustmentsTable = {
  id: Generated<number>;
  contract_id: number;
  payment_id: number | null;
  basis: (typeof CREDIT_BASES)[number];
  staff_id: number;
  amount_fen: number;
  /** The month the payment (or contract) itself is credited in. */
  unit_month: string;
  /** The month this adjustment counts in. */
  credit_month: string;
  created_at: string;
  created_by: string;
};

/** 阶梯提成: staff_id null is the team default for the month. */
export type PlanTiersTable = {
  id: Generated<number>;
  month: string;
  staff_id: number | null;
  tiers_json: string;
  updated_at: string;
  updated_by: string;
};

/** 奖金/扣款: one month (from = to) or recurring (to null = until stopped). */
export type PayItemsTable = {
  id: Generated<number>;
  staff_id: number;
  kind: PayItemRow['kind'];
  category: string;
  reason: string;
  amount_fen: number;
  from_month: string;
  to_month: string | null;
  /** The month a dispute was about, when the item settles one. */
  for_month: string | null;
  created_at: string;
  created_by: string;
};

export type BonusRulesTable = {
  id: Generated<number>;
  name: string;
  kind: BonusRuleKind;
  def_json: string;
  amount_fen: number;
  roles_json: string;
  from_month: string;
  to_month: string | null;
  created_at: string;
  created_by: string;
};

export type ConfirmationRequestsTable = {
  month: string;
  requested_at: string;
  requested_by: string;
};

/** 业绩确认: no row = not answered yet. */
export type StatementConfirmationsTable = {
  month: string;
  staff_id: number;
  /** 'pending' is the absence of a row. */
  state: Exclude<ConfirmationState, 'pending'>;
  note: Generated<string>;
  figures_json: string | null;
  responded_at: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
};

export type MonthCloseLinesTable = {
  month: string;
  staff_id: number;
  lines_json: string;
};

/** 回款计划: one instalment of a contract's payment schedule. */
export type InstalmentsTable = {
  id: Generated<number>;
  contract_id: number;
  due_on: string;
  amount_fen: number;
  note: Generated<string>;
  created_at: string;
};

/** 发票登记: a record of an invoice issued (no tax-system link). */
export type InvoicesTable = {
  id: Generated<number>;
  contract_id: number;
  title: string;
  tax_no: Generated<string>;
  amount_fen: number;
  number: string;
  issued_on: string;
  notes: Generated<string>;
  created_at: string;
  created_by: string;
};

/** A column mapping chosen by hand for a file layout (JSON: column letter → field or ''). */
export type ImportLayoutsTable = {
  kind: string;
  layout_key: string;
  headers: string;
  mapping: string;
  updated_at: string;
  updated_by: string;
};

/** 扫描收件箱 (migration 20261127_1750). */
export type InboxItemsTable = {
  id: Generated<number>;
  file_name: string;
  size: number;
  mtime_ms: number;
  sha256: string | null;
  state: InboxState;
  text: Generated<string>;
  text_source: 'file' | 'ocr' | null;
  confidence: number | null;
  pages: number | null;
  client_id: number | null;
  contract_id: number | null;
  kind_id: number | null;
  doc_date: string | null;
  confident: Generated<number>;
  reasons: Generated<string>;
  error_zh: string | null;
  error_en: string | null;
  document_id: number | null;
  filed_by: string | null;
  created_at: string;
  updated_at: string;
};

export type InboxRulesTable = {
  id: Generated<number>;
  kind_id: number;
  algorithm: MatchAlgorithm;
  match: string;
  case_insensitive: Generated<number>;
  sort: number;
};
