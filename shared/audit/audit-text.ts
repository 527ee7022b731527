import { LEVEL_LABELS, SOURCE_LABELS, STAGE_LABELS, type ClientLevel } from '../clients/classification';
import type { Bilingual } from '../bilingual';
import { contract } from '../contract';
import { CONTRACT_STATUS_LABELS, PAYMENT_METHOD_LABELS } from '../contract/contract-schemas';
import { formatFen } from '../money';
import { ROLE_LABELS, type Role } from '../roles';

/** A text in both languages; the UI shows one, the export both. */
export type Bi = Bilingual;

/** One audit_log row as stored: who, what (a method name), on what, before and after. */
export type AuditFacts = {
  actorCode: string;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

/**
 * Names the sentences need that the row itself does not carry (a staff id → 张伟). The server
 * answers from the database; a row whose subject was deleted since gets null and reads "#12".
 */
export type AuditNames = {
  staff: (idOrCode: number | string) => { name: string; code: string } | null;
  client: (id: number) => string | null;
  contract: (id: number) => { number: string; clientName: string } | null;
  kind: (id: number) => string | null;
};

const bi = (zh: string, en: string): Bi => ({ zh, en });
const join = (parts: readonly Bi[], zhSep = ';', enSep = '; '): Bi =>
  bi(parts.map((p) => p.zh).join(zhSep), parts.map((p) => p.en).join(enSep));

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

const STAFF_STATUS: Record<string, Bi> = {
  active: bi('在职', 'employed'),
  warning: bi('预警', 'on warning'),
  dismissal_due: bi('待辞退', 'dismissal due'),
  left: bi('已离职', 'left'),
  ok: bi('正常', 'OK'),
};

/** Who did it, as people say it: 张伟(YW01), not `YW01(salesperson)`. */
export function actorText(code: string, names: Pick<AuditNames, 'staff'>): Bi {
  if (code === 'local') return bi('本机(未启用登录,以店长身份)', 'This computer (sign-in off, as owner)');
  if (code === 'cli') return bi('命令行', 'Command line');
  // A failed sign-in has no one behind it: 未登录, never a role.
  if (code === 'anonymous') return bi('未登录', 'Not signed in');
  if (code === 'system' || code === '') return bi('系统', 'System');
  const person = names.staff(code);
  return person ? bi(`${person.name}(${person.code})`, `${person.name} (${person.code})`) : bi(code, code);
}

function staffName(names: AuditNames, id: unknown): Bi {
  const key = num(id) ?? (typeof id === 'string' && id ? (/^\d+$/.test(id) ? Number(id) : id) : null);
  if (key === null) return bi('(未知员工)', '(unknown staff member)');
  const person = names.staff(key);
  return person ? bi(`${person.name}(${person.code})`, `${person.name} (${person.code})`) : bi(`员工 ${key}`, `staff ${key}`);
}

function clientName(names: AuditNames, id: unknown, fallback?: unknown): Bi {
  const n = num(id);
  const name = (n !== null ? names.client(n) : null) ?? (typeof fallback === 'string' && fallback ? fallback : null);
  return name ? bi(`“${name}”`, `“${name}”`) : bi(n !== null ? `客户 ${n}` : '客户', n !== null ? `client ${n}` : 'a client');
}

function contractName(names: AuditNames, id: unknown): Bi {
  const n = num(id);
  const c = n !== null ? names.contract(n) : null;
  if (!c) return bi(n !== null ? `合同 ${n}` : '合同', n !== null ? `contract ${n}` : 'a contract');
  return bi(`合同 ${c.number}(${c.clientName})`, `contract ${c.number} (${c.clientName})`);
}

const yuan = (fen: unknown): Bi => {
  const n = num(fen);
  return n === null ? bi('未设', 'not set') : bi(formatFen(n, { symbol: true }), formatFen(n, { symbol: true }));
};

/** The fields a sentence may mention, with their labels; anything else (ids, timestamps, keys) is left out. */
const FIELDS: Record<string, Bi> = {
  officeName: bi('门店名称', 'office name'),
  officeAddress: bi('地址', 'address'),
  code: bi('工号', 'staff code'),
  name: bi('名称', 'name'),
  role: bi('角色', 'role'),
  hiredOn: bi('入职日期', 'hire date'),
  leftOn: bi('离职日期', 'leaving date'),
  baseSalaryFen: bi('底薪', 'base salary'),
  phone: bi('电话', 'phone'),
  status: bi('状态', 'status'),
  floorFen: bi('保底销售额', 'floor'),
  targetFen: bi('目标销售额', 'target'),
  rateBp: bi('提成比例', 'commission rate'),
  multiplierPct: bi('超额倍数', 'multiplier above target'),
  leaveReason: bi('请假', 'leave'),
  creditBasis: bi('业绩口径', 'sales basis'),
  exemptFirstPartialMonth: bi('入职当月不考核保底', 'first partial month not judged'),
  commissionWhenBelowFloor: bi('低于保底照发提成', 'commission paid below the floor'),
  number: bi('合同编号', 'contract number'),
  product: bi('产品/服务', 'product/service'),
  amountFen: bi('金额', 'amount'),
  signedOn: bi('签约日期', 'signed on'),
  startsOn: bi('服务开始', 'service starts'),
  endsOn: bi('服务结束', 'service ends'),
  staffId: bi('业务员', 'salesperson'),
  ownerStaffId: bi('归属业务员', 'owner'),
  notes: bi('备注', 'notes'),
  kind: bi('类型', 'kind'),
  contactName: bi('联系人', 'contact'),
  phones: bi('电话', 'phones'),
  wechat: bi('微信', 'WeChat'),
  qq: bi('QQ', 'QQ'),
  email: bi('邮箱', 'email'),
  address: bi('地址', 'address'),
  province: bi('省', 'province'),
  city: bi('市', 'city'),
  district: bi('区/县', 'district'),
  industry: bi('行业', 'industry'),
  source: bi('信息来源', 'source'),
  level: bi('级别', 'level'),
  grade: bi('等级', 'grade'),
  stage: bi('销售阶段', 'sales stage'),
  joinedOn: bi('加入日期', 'join date'),
  birthday: bi('生日', 'birthday'),
  anniversary: bi('公司纪念日', 'anniversary'),
  kindId: bi('分类', 'kind'),
  clientId: bi('客户', 'client'),
  contractId: bi('合同', 'contract'),
  docDate: bi('日期', 'date'),
  title: bi('标题', 'title'),
  template: bi('路径模板', 'path template'),
  dir: bi('备份文件夹', 'backup folder'),
  daily: bi('每天自动备份', 'daily backup'),
  keep: bi('保留份数', 'copies kept'),
};

/** A field's value as an office reads it: yuan, 5%, 2×, 业务员, 是/否, （空）. */
function valueText(key: string, value: unknown, entity: string, names: AuditNames): Bi {
  if (value === null || value === undefined || value === '') return bi('(空)', '(empty)');
  if (key.endsWith('Fen')) return yuan(value);
  if (typeof value === 'boolean') return value ? bi('是', 'yes') : bi('否', 'no');
  if (key === 'rateBp' && num(value) !== null) return bi(`${num(value)! / 100}%`, `${num(value)! / 100}%`);
  if (key === 'multiplierPct' && num(value) !== null) return bi(`${num(value)! / 100}×`, `${num(value)! / 100}×`);
  if (key === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  if (key === 'status' && entity === 'contract' && typeof value === 'string' && value in CONTRACT_STATUS_LABELS)
    return CONTRACT_STATUS_LABELS[value as keyof typeof CONTRACT_STATUS_LABELS];
  if (key === 'status' && typeof value === 'string' && STAFF_STATUS[value]) return STAFF_STATUS[value];
  if (key === 'method' && typeof value === 'string' && value in PAYMENT_METHOD_LABELS)
    return PAYMENT_METHOD_LABELS[value as keyof typeof PAYMENT_METHOD_LABELS];
  if (key === 'level' && num(value) !== null && LEVEL_LABELS[num(value) as ClientLevel])
    return LEVEL_LABELS[num(value) as ClientLevel];
  if (key === 'source' && typeof value === 'string' && value in SOURCE_LABELS)
    return SOURCE_LABELS[value as keyof typeof SOURCE_LABELS];
  if (key === 'stage' && typeof value === 'string' && value in STAGE_LABELS)
    return STAGE_LABELS[value as keyof typeof STAGE_LABELS];
  if (key === 'creditBasis')
    return value === 'contracts' ? bi('按签约金额', 'signed amounts') : bi('按到账收款', 'payments received');
  if (key === 'staffId' || key === 'ownerStaffId') return staffName(names, value);
  if (key === 'clientId') return clientName(names, value);
  if (key === 'contractId') return contractName(names, value);
  if (key === 'kindId' && num(value) !== null) {
    const kind = names.kind(num(value)!);
    return kind ? bi(kind, kind) : bi(String(value), String(value));
  }
  if (key === 'kind' && (value === 'company' || value === 'person'))
    return value === 'company' ? bi('公司', 'company') : bi('个人', 'person');
  if (Array.isArray(value)) {
    const items = value.map((v) => (typeof v === 'object' && v && 'phone' in v ? str((v as Rec).phone) : str(v)));
    return bi(items.join('、'), items.join(', '));
  }
  if (typeof value === 'object') return bi('…', '…');
  return bi(str(value), str(value));
}

/** "底薪 ¥3,000.00 → ¥3,500.00" for each known field that changed; fields only in `after` are a patch. */
export function changes(before: unknown, after: unknown, entity: string, names: AuditNames, keys?: readonly string[]): Bi[] {
  const b = rec(before);
  const a = rec(after);
  const out: Bi[] = [];
  for (const key of keys ?? Object.keys(a)) {
    const label = FIELDS[key];
    if (!label || !(key in a)) continue;
    if (JSON.stringify(b[key] ?? null) === JSON.stringify(a[key] ?? null)) continue;
    const to = valueText(key, a[key], entity, names);
    if (before === null || before === undefined || !(key in b)) {
      out.push(bi(`${label.zh} ${to.zh}`, `${label.en} ${to.en}`));
    } else {
      const from = valueText(key, b[key], entity, names);
      out.push(bi(`${label.zh} ${from.zh} → ${to.zh}`, `${label.en} ${from.en} → ${to.en}`));
    }
  }
  return out;
}

/** Just the listed fields of one record that have a value, "金额 ¥1,000.00,日期 2026-10-10". */
function facts(values: unknown, entity: string, names: AuditNames, keys: readonly string[]): Bi {
  const v = rec(values);
  const filled = keys.filter((k) => v[k] !== null && v[k] !== undefined && v[k] !== '');
  return join(changes(null, values, entity, names, filled), ',', ', ');
}

const withDetail = (head: Bi, detail: Bi): Bi => (detail.zh ? bi(`${head.zh}:${detail.zh}`, `${head.en}: ${detail.en}`) : head);

/** What the contract calls the method: the fallback sentence for an action nobody described yet. */
function summaryOf(action: string): Bi | null {
  const def = (contract as Record<string, { summary: Bi } | undefined>)[action];
  return def ? def.summary : null;
}

function planSubject(entityId: string | null, names: AuditNames): { month: string; who: Bi } {
  const [month = '', who = 'team'] = (entityId ?? '').split('/');
  return { month, who: who === 'team' ? bi('团队', 'the team') : staffName(names, who) };
}

const PLAN_KEYS = ['floorFen', 'targetFen', 'rateBp', 'multiplierPct', 'leaveReason'] as const;
const CONTRACT_KEYS = ['number', 'product', 'amountFen', 'staffId', 'signedOn', 'startsOn', 'endsOn', 'status'] as const;

/**
 * The 操作日志 line: what was done, to whom or what, and the change in yuan, before → after —
 * in both languages. Never a method name, JSON, fen or an id where a name is known.
 */
export function describeAudit(row: AuditFacts, names: AuditNames): Bi {
  const before = rec(row.before);
  const after = rec(row.after);
  const id = row.entityId;
  const entity = row.entity;
  switch (row.action) {
    case 'settings.setup':
      return bi(`完成首次设置:门店“${str(after.officeName)}”`, `Finished first-run setup: office “${str(after.officeName)}”`);
    case 'settings.update':
      return withDetail(bi('修改门店信息', 'Changed the office details'), join(changes(row.before, row.after, entity, names)));
    case 'auth.login':
      return bi(`${staffName(names, id).zh} 登录`, `${staffName(names, id).en} signed in`);
    case 'auth.failed':
      return bi(
        `工号 ${id ?? ''} 登录失败(密码不对或工号不存在)`,
        `Failed sign-in for staff code ${id ?? ''} (wrong password or no such code)`,
      );
    case 'auth.password': {
      const who = staffName(names, id);
      return bi(`为 ${who.zh} 设置了新密码`, `Set a new password for ${who.en}`);
    }
    case 'staff.create': {
      const who = bi(`${str(after.name)}(${str(after.code)})`, `${str(after.name)} (${str(after.code)})`);
      return withDetail(
        bi(`新增员工 ${who.zh}`, `Added staff member ${who.en}`),
        facts(row.after, entity, names, ['role', 'hiredOn', 'baseSalaryFen', 'phone']),
      );
    }
    case 'staff.update':
      return withDetail(
        bi(`修改员工 ${staffName(names, id).zh}`, `Edited staff member ${staffName(names, id).en}`),
        join(
          changes(row.before, row.after, entity, names, ['code', 'name', 'role', 'hiredOn', 'baseSalaryFen', 'phone', 'status']),
        ),
      );
    case 'staff.deactivate':
      return bi(
        `办理 ${staffName(names, id).zh} 离职,离职日期 ${str(after.leftOn)}`,
        `Marked ${staffName(names, id).en} as left on ${str(after.leftOn)}`,
      );
    case 'plans.set': {
      const { month, who } = planSubject(id, names);
      const detail = join(changes(row.before ?? {}, row.after, entity, names, PLAN_KEYS));
      return withDetail(bi(`设置 ${who.zh} ${month} 的指标`, `Set the ${month} plan of ${who.en}`), detail);
    }
    case 'plans.clear': {
      const { month, who } = planSubject(id, names);
      return bi(
        `清除 ${who.zh} ${month} 的个人指标(改用团队指标)`,
        `Cleared ${who.en}'s own ${month} plan (the team plan applies)`,
      );
    }
    case 'plans.copyPrevious':
      return bi(`把 ${str(after.from)} 的指标沿用到 ${id ?? ''}`, `Copied the ${str(after.from)} plans to ${id ?? ''}`);
    case 'commission.settings':
      return withDetail(bi('修改提成规则', 'Changed the commission rules'), join(changes(row.before, row.after, entity, names)));
    case 'allowances.set': {
      const role = ROLE_LABELS[id as Role] ?? bi(id ?? '', id ?? '');
      const list = (v: unknown): Bi => {
        const items = Array.isArray(v) ? (v as Rec[]) : [];
        if (items.length === 0) return bi('无', 'none');
        return join(
          items.map((i) => bi(`${str(i.name)} ${yuan(i.amountFen).zh}`, `${str(i.name)} ${yuan(i.amountFen).en}`)),
          '、',
          ', ',
        );
      };
      const from = list(row.before);
      const to = list(row.after);
      return bi(`修改 ${role.zh} 的补贴:${from.zh} → ${to.zh}`, `Changed the allowances of ${role.en}: ${from.en} → ${to.en}`);
    }
    case 'months.close': {
      const rows = Array.isArray(after.rows) ? (after.rows as Rec[]) : [];
      const sales = rows.reduce((sum, r) => sum + (num(r.salesFen) ?? 0), 0);
      const commission = rows.reduce((sum, r) => sum + (num(r.commissionFen) ?? 0), 0);
      const flagged = rows.filter((r) => r.status === 'warning' || r.status === 'dismissal_due').length;
      return bi(
        `月结 ${id ?? ''}:${rows.length} 人,实际销售额合计 ${yuan(sales).zh},提成合计 ${yuan(commission).zh}${flagged ? `,${flagged} 人预警或待辞退` : ''}`,
        `Closed ${id ?? ''}: ${rows.length} people, sales ${yuan(sales).en}, commission ${yuan(commission).en}${flagged ? `, ${flagged} on warning or dismissal due` : ''}`,
      );
    }
    case 'months.reopen':
      return bi(`撤销 ${id ?? ''} 的月结,原因:${str(after.reason)}`, `Reopened ${id ?? ''}; reason: ${str(after.reason)}`);
    case 'dismissals.dismiss':
    case 'dismissals.keep': {
      const who = staffName(names, id);
      const reason = str(after.reason);
      if (row.action === 'dismissals.keep')
        return bi(`撤销 ${who.zh} 的待辞退(留用),理由:${reason}`, `Kept ${who.en} (dismissal lifted); reason: ${reason}`);
      const moved = num(after.movedClients) ?? 0;
      return bi(
        `确认辞退 ${who.zh},离职日期 ${str(after.leftOn)}${moved ? `,${moved} 位客户已转给同事` : ''},理由:${reason}`,
        `Dismissed ${who.en}, leaving on ${str(after.leftOn)}${moved ? `, ${moved} clients handed to a colleague` : ''}; reason: ${reason}`,
      );
    }
    case 'clients.create':
      return withDetail(
        bi(`登记客户 ${clientName(names, id, after.name).zh}`, `Registered client ${clientName(names, id, after.name).en}`),
        facts(row.after, entity, names, ['contactName', 'ownerStaffId', 'source']),
      );
    case 'clients.update':
      return withDetail(
        bi(`修改客户 ${clientName(names, id, after.name).zh}`, `Edited client ${clientName(names, id, after.name).en}`),
        join(changes(row.before, row.after, entity, names)),
      );
    case 'clients.archive':
    case 'clients.restore': {
      const c = clientName(names, id);
      return row.action === 'clients.archive'
        ? bi(`归档客户 ${c.zh}`, `Archived client ${c.en}`)
        : bi(`恢复客户 ${c.zh}`, `Restored client ${c.en}`);
    }
    case 'clients.reassign': {
      const to = staffName(names, after.toStaffId);
      const count = num(after.moved) ?? 0;
      const from = after.fromStaffId !== undefined ? staffName(names, after.fromStaffId) : null;
      return bi(
        `把 ${count} 位客户${from ? `从 ${from.zh} ` : ''}转给 ${to.zh},原因:${str(after.reason)}`,
        `Moved ${count} client${count === 1 ? '' : 's'} ${from ? `from ${from.en} ` : ''}to ${to.en}; reason: ${str(after.reason)}`,
      );
    }
    case 'followups.create': {
      const c = clientName(names, after.clientId, after.clientName);
      return bi(`记录 ${c.zh} 的跟进:${str(after.content)}`, `Logged a follow-up with ${c.en}: ${str(after.content)}`);
    }
    case 'contracts.create':
      return withDetail(
        bi(
          `新建合同 ${str(after.number)}(客户 ${clientName(names, after.clientId).zh})`,
          `New contract ${str(after.number)} (client ${clientName(names, after.clientId).en})`,
        ),
        facts(row.after, entity, names, ['product', 'amountFen', 'staffId', 'signedOn']),
      );
    case 'contracts.update':
      return withDetail(
        bi(`修改${contractName(names, id).zh}`, `Edited ${contractName(names, id).en}`),
        join(changes(row.before, row.after, entity, names, CONTRACT_KEYS)),
      );
    case 'payments.create':
    case 'payments.refund': {
      const c = contractName(names, after.contractId);
      const amount = num(after.amountFen) ?? 0;
      const when = str(after.paidOn);
      const how = valueText('method', after.method, entity, names);
      return amount < 0
        ? bi(
            `登记${c.zh}的退款 ${yuan(-amount).zh}(${when},${how.zh})`,
            `Recorded a refund of ${yuan(-amount).en} on ${c.en} (${when}, ${how.en})`,
          )
        : bi(
            `登记${c.zh}的收款 ${yuan(amount).zh}(${when},${how.zh})`,
            `Recorded a payment of ${yuan(amount).en} on ${c.en} (${when}, ${how.en})`,
          );
    }
    case 'payments.delete': {
      // `before` is the stored record (snake_case columns).
      const c = contractName(names, before.contractId ?? before.contract_id);
      const amount = yuan(before.amountFen ?? before.amount_fen);
      const paidOn = str(before.paidOn ?? before.paid_on);
      return bi(
        `删除${c.zh}的收款记录 ${amount.zh}(${paidOn}),原因:${str(after.reason)}`,
        `Deleted the ${amount.en} payment of ${paidOn} on ${c.en}; reason: ${str(after.reason)}`,
      );
    }
    case 'clients.import':
    case 'contracts.import':
    case 'payments.import':
    case 'staff.import':
    case 'plans.import': {
      const what = {
        'clients.import': bi('客户', 'clients'),
        'contracts.import': bi('合同', 'contracts'),
        'payments.import': bi('收款', 'payments'),
        'staff.import': bi('员工', 'staff'),
        'plans.import': bi('月度指标', 'monthly plans'),
      }[row.action];
      const inserted = num(after.inserted) ?? (Array.isArray(row.after) ? row.after.length : null);
      const file = str(after.fileName);
      return bi(
        `导入${what.zh}${file ? `(文件 ${file})` : ''}${inserted !== null ? `:写入 ${inserted} 条` : ''}${num(after.skipped) ? `,跳过 ${num(after.skipped)} 条有错的行` : ''}`,
        `Imported ${what.en}${file ? ` from ${file}` : ''}${inserted !== null ? `: ${inserted} written` : ''}${num(after.skipped) ? `, ${num(after.skipped)} rows with errors skipped` : ''}`,
      );
    }
    case 'backup.settings':
      return withDetail(bi('修改备份设置', 'Changed the backup settings'), join(changes(row.before, row.after, entity, names)));
    case 'backup.run':
      return bi(
        `备份到 ${str(after.folder ?? after.dir ?? after.path)}`,
        `Backed up to ${str(after.folder ?? after.dir ?? after.path)}`,
      );
    case 'archive.file':
      return bi(`归档文件 ${str(after.rel)}`, `Filed ${str(after.rel)}`);
    case 'archive.link':
      return bi(
        `把已归档的文件关联到${clientName(names, after.clientId).zh}`,
        `Linked an archived file to ${clientName(names, after.clientId).en}`,
      );
    case 'archive.update':
      return withDetail(bi('修改档案信息', 'Edited a document'), join(changes(row.before, row.after, entity, names)));
    case 'archive.delete':
      return bi(
        `删除档案“${str(before.title)}”(移入回收站),原因:${str(after.reason)}`,
        `Deleted “${str(before.title)}” (to the recycle area); reason: ${str(after.reason)}`,
      );
    case 'archive.restore':
      return bi(`从回收站恢复档案到 ${str(after.to)}`, `Restored a document to ${str(after.to)}`);
    case 'archive.purge':
      return bi(`彻底清除回收站中的“${str(before.title)}”`, `Purged “${str(before.title)}” from the recycle area`);
    case 'archive.setTemplate':
      return bi(
        `修改档案路径模板为 ${str(after.template)},移动了 ${num(after.moved) ?? 0} 个文件`,
        `Changed the path template to ${str(after.template)}; ${num(after.moved) ?? 0} files moved`,
      );
    case 'archive.saveKind':
      return bi(
        `${id ? '修改' : '新增'}档案分类“${str(after.name)}”`,
        `${id ? 'Edited' : 'Added'} the document kind “${str(after.name)}”`,
      );
    case 'archive.deleteKind':
      return bi(`删除档案分类“${str(before.name)}”`, `Deleted the document kind “${str(before.name)}”`);
    case 'archive.relink':
      return bi(
        `档案体检:重新关联 ${str(row.before)} → ${str(row.after)}`,
        `Archive check: relinked ${str(row.before)} → ${str(row.after)}`,
      );
    case 'archive.acceptChange':
      return bi('档案体检:接受文件的新内容', 'Archive check: accepted a file’s new content');
    case 'archive.removeEmpty':
      return bi(`档案体检:删除空文件 ${id ?? ''}`, `Archive check: removed the empty file ${id ?? ''}`);
    case 'archive.removeStaging':
      return bi(`档案体检:清除残留的临时文件 ${id ?? ''}`, `Archive check: removed the leftover file ${id ?? ''}`);
    default: {
      // An action described nowhere yet still reads as words: the contract's own summary.
      const summary = summaryOf(row.action);
      const detail = join(changes(row.before, row.after, entity, names));
      return withDetail(summary ?? bi('其他操作', 'Other change'), detail);
    }
  }
}

/** The entity filter's choices in the 操作日志, by what an office calls them. */
export const AUDIT_ENTITY_LABELS: Record<string, Bi> = {
  plan: bi('月度指标', 'Monthly plans'),
  month: bi('月结', 'Month close'),
  staff: bi('员工', 'Staff'),
  settings: bi('设置', 'Settings'),
  allowance: bi('补贴', 'Allowances'),
  payment: bi('收款', 'Payments'),
  contract: bi('合同', 'Contracts'),
  client: bi('客户', 'Clients'),
  follow_up: bi('跟进', 'Follow-ups'),
  document: bi('档案', 'Documents'),
};
