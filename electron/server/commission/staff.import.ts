import type { ColumnSpec } from '../../../shared/imports/headers';
import { formatFen } from '../../../shared/money';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';
import { writeAudit } from '../audit/audit.repository';
import { fieldReaders } from '../imports/field-readers';
import { IssueList, type Importer, type RowResult } from '../imports/importer';
import { checkWithSchema, type SchemaColumns } from '../imports/schema-check';
import { newStaffSchema } from '../../../shared/contract/staff';
import { mayGrantRole } from '../staff/staff-policy';

export const STAFF_COLUMNS = [
  {
    field: 'code',
    label: '工号',
    labelEn: 'code',
    aliases: ['员工编号', '编号', '登录名', '登录账号', '账号', 'staff code'],
    required: true,
  },
  { field: 'name', label: '姓名', labelEn: 'name', aliases: ['员工姓名', '真实姓名', '名字', '员工'], required: true },
  { field: 'role', label: '角色', labelEn: 'role', aliases: ['岗位', '职务', '职位'], required: true },
  {
    field: 'hiredOn',
    label: '入职日期',
    labelEn: 'hired_on',
    aliases: ['入职时间', '入司日期', 'hired on', 'hire date'],
    required: true,
  },
  {
    field: 'baseSalary',
    label: '底薪',
    labelEn: 'base_salary',
    aliases: ['固定工资', '基本工资', '月薪', 'base salary', 'salary'],
    required: true,
  },
  {
    field: 'phone',
    label: '电话',
    labelEn: 'phone',
    aliases: ['手机', '手机号', '手机号码', '联系电话', '电话号码'],
    multi: 'list',
  },
] as const satisfies readonly ColumnSpec[];
type StaffField = (typeof STAFF_COLUMNS)[number]['field'];

/** The column each staff.create input key is read from, for the schema's issues. */
const STAFF_SCHEMA_COLUMNS: SchemaColumns<StaffField> = {
  code: 'code',
  name: 'name',
  role: 'role',
  hiredOn: 'hiredOn',
  baseSalaryFen: 'baseSalary',
  phone: 'phone',
};

/** 店长/经理/文员/业务员 and the manual's synonyms, or the English role names. */
const ROLE_SYNONYMS: Record<string, Role> = {
  店长: 'owner',
  老板: 'owner',
  经理: 'manager',
  管理员: 'manager',
  业务主管: 'manager',
  主管: 'manager',
  文员: 'clerk',
  行政: 'clerk',
  业务员: 'salesperson',
  销售: 'salesperson',
  销售员: 'salesperson',
};

export function parseRole(text: string): Role | null {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (ROLE_SYNONYMS[t]) return ROLE_SYNONYMS[t];
  return (ROLES as readonly string[]).includes(lower) ? (lower as Role) : null;
}

const ROLE_HINT = {
  zh: ROLES.map((r) => ROLE_LABELS[r].zh).join('、'),
  en: ROLES.map((r) => ROLE_LABELS[r].en).join(', '),
};

type ImportedStaff = { code: string; name: string; role: Role; hiredOn: string; baseSalaryFen: number; phone: string };

/** 员工名单: new staff only — a 工号 already in the office (any letter case) is an error. */
export const staffImporter: Importer<StaffField, ImportedStaff> = {
  kind: 'staff',
  label: { zh: '员工', en: 'staff' },
  columns: STAFF_COLUMNS,
  prepare(ctx) {
    const known = new Set(ctx.sqlite.prepare('SELECT lower(code) FROM staff').pluck().all() as string[]);
    const inFile = new Map<string, number>();
    return {
      read(cells, row): RowResult<ImportedStaff> {
        const issues = new IssueList(cells);
        const f = fieldReaders(cells, issues);
        const code = f.text('code');
        if (code && known.has(code.toLowerCase()))
          issues.add(
            'code',
            `工号 ${code} 已存在,请换一个或在员工页修改该员工`,
            `Staff code ${code} already exists; use another or edit that person`,
          );
        else if (code && inFile.has(code.toLowerCase()))
          issues.add(
            'code',
            `工号 ${code} 与第 ${inFile.get(code.toLowerCase())} 行重复`,
            `Staff code ${code} repeats row ${inFile.get(code.toLowerCase())}`,
          );
        const role = f.choice('role', parseRole, ROLE_HINT);
        if (role && !mayGrantRole(ctx.actor, role))
          issues.add(
            'role',
            `只有店长可以添加${ROLE_LABELS[role].zh}(经理只能添加业务员和文员)`,
            `Only the owner may add a ${ROLE_LABELS[role].en.toLowerCase()} (managers add salespeople and clerks)`,
          );
        // The row as staff.create would receive it; its schema holds every rule (工号 letters, lengths, phone).
        const input = {
          code,
          name: f.text('name'),
          role,
          hiredOn: f.date('hiredOn'),
          baseSalaryFen: f.amount('baseSalary'),
          phone: f.text('phone'),
        };
        const checked = checkWithSchema(newStaffSchema, input, STAFF_SCHEMA_COLUMNS, issues);
        if (!issues.ok || !checked) return { ok: false, issues: issues.issues };
        inFile.set(code.toLowerCase(), row);
        const { name, hiredOn, baseSalaryFen, phone } = checked;
        return {
          ok: true,
          value: { code: checked.code, name, role: checked.role, hiredOn, baseSalaryFen, phone },
          preview: () => ({ code, name, role: ROLE_LABELS[checked.role].zh, hiredOn, baseSalary: formatFen(baseSalaryFen) }),
        };
      },
      async write(trx, c, rows) {
        const at = c.now().toISOString();
        const insert = c.sqlite.prepare(
          `INSERT INTO staff (code, name, role, hired_on, base_salary_fen, status, phone, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
        );
        for (const { value: s } of rows) insert.run(s.code, s.name, s.role, s.hiredOn, s.baseSalaryFen, s.phone, at, at);
        await writeAudit(trx, c.actor, { action: 'staff.import', entity: 'staff', after: rows.map((r) => r.value) }, c.now());
        return rows.length;
      },
    };
  },
};
