import { parseArgs } from 'node:util';
import type { StaffRow } from '../../../shared/contract/staff';
import { formatFen, parseYuanToFen } from '../../../shared/money';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';
import { EXIT, type CliCommand } from '../command';
import { printError } from '../cli-env';
import { formatTable } from '../format-table';

const usage = `office staff add --code 工号 --name 姓名 --role owner|manager|clerk|salesperson --hired-on YYYY-MM-DD --salary 底薪(元) [--phone 电话]
office staff list [--all] [--json]
office staff reinstate 工号 --reason 原因 [--on YYYY-MM-DD]   # 恢复在职 / reinstate someone who left`;

export const staffCommand: CliCommand = {
  name: 'staff',
  summary: '员工:新增、列表、恢复在职 / Staff: add, list, reinstate',
  usage,
  async run(args, env) {
    const [sub, ...rest] = args;
    if (sub === 'add') return addStaff(rest, env);
    if (sub === 'list') return listStaff(rest, env);
    if (sub === 'reinstate') return reinstate(rest, env);
    printError(env, `未知的子命令 "${sub ?? ''}"。用法:\n${usage}`, `Unknown subcommand "${sub ?? ''}". Usage above.`);
    return EXIT.usage;
  },
};

async function addStaff(args: string[], env: Parameters<CliCommand['run']>[1]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'salesperson' },
      'hired-on': { type: 'string' },
      salary: { type: 'string' },
      phone: { type: 'string', default: '' },
    },
    strict: true,
  });
  const salaryFen = values.salary === undefined ? undefined : parseYuanToFen(values.salary);
  if (values.salary !== undefined && salaryFen === null) {
    printError(
      env,
      `底薪 "${values.salary}" 不是有效金额,例如 3000 或 3000.50。`,
      `Salary "${values.salary}" is not an amount; use e.g. 3000 or 3000.50.`,
    );
    return EXIT.failed;
  }
  const row = await env.call<StaffRow>('staff.create', {
    code: values.code,
    name: values.name,
    role: values.role,
    hiredOn: values['hired-on'],
    baseSalaryFen: salaryFen,
    phone: values.phone,
  });
  if (!row) return EXIT.failed;
  env.stdout(`${JSON.stringify(row)}\n`);
  return EXIT.ok;
}

/** 恢复在职 from the office PC — also the way back when the only owner was marked 离职 by mistake. */
async function reinstate(args: string[], env: Parameters<CliCommand['run']>[1]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { reason: { type: 'string' }, on: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const code = positionals[0];
  if (!code || positionals.length !== 1 || !values.reason) {
    printError(env, `用法:\n${usage}`, 'Usage: office staff reinstate CODE --reason TEXT [--on YYYY-MM-DD]');
    return EXIT.usage;
  }
  const all = await env.call<StaffRow[]>('staff.list', { includeLeft: true });
  if (!all) return EXIT.failed;
  const person = all.find((s) => s.code.toLowerCase() === code.toLowerCase());
  if (!person) {
    printError(env, `没有工号为 ${code} 的员工。`, `No staff member with code ${code}.`);
    return EXIT.failed;
  }
  const row = await env.call<StaffRow>('staff.reinstate', {
    id: person.id,
    reason: values.reason,
    ...(values.on !== undefined ? { on: values.on } : {}),
  });
  if (!row) return EXIT.failed;
  env.stdout(`${JSON.stringify(row)}\n`);
  return EXIT.ok;
}

async function listStaff(args: string[], env: Parameters<CliCommand['run']>[1]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { all: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const rows = await env.call<StaffRow[]>('staff.list', { includeLeft: values.all });
  if (!rows) return EXIT.failed;
  if (values.json) {
    env.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  env.stdout(
    formatTable(
      ['工号', '姓名', '角色', '入职日期', '底薪(元)', '状态'],
      rows.map((r) => [
        r.code,
        r.name,
        roleLabel(r.role),
        r.hiredOn,
        r.baseSalaryFen === undefined ? '—' : formatFen(r.baseSalaryFen),
        r.status === 'left' ? `已离职 ${r.leftOn ?? ''}` : '在职',
      ]),
    ),
  );
  return EXIT.ok;
}

function roleLabel(role: Role): string {
  return ROLES.includes(role) ? ROLE_LABELS[role].zh : role;
}
