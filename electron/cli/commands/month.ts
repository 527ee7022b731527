import { parseArgs } from 'node:util';
import type { MonthState } from '../../../shared/contract/commission';
import { MONTH_PATTERN } from '../../../shared/dates';
import { printError } from '../cli-env';
import { EXIT, type CliCommand } from '../command';

const usage = `office month close YYYY-MM [--anyway]
office month reopen YYYY-MM --reason TEXT
  月结冻结当月数字;撤销月结需要写明原因(命令行以店长身份操作并记入日志)。
  发起过业绩确认的月份,有人未确认或有异议时拒绝月结;--anyway 仍然月结(记入日志)。
  Closing freezes the month's figures; reopening needs a reason (the CLI acts as the owner, logged).
  A month put up for confirmation is not closed while statements are unconfirmed or disputed, unless --anyway (logged).`;

export const monthCommand: CliCommand = {
  name: 'month',
  summary: '月结与撤销 / Close or reopen a month',
  usage,
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { reason: { type: 'string' }, anyway: { type: 'boolean' } },
      strict: true,
    });
    const [action, month] = positionals;
    if (positionals.length !== 2 || !month || !MONTH_PATTERN.test(month) || (action !== 'close' && action !== 'reopen')) {
      printError(env, `用法:\n${usage}`, 'Usage above.');
      return EXIT.usage;
    }
    if (action === 'reopen' && !values.reason) {
      printError(env, '撤销月结需要 --reason 写明原因。', 'Reopening needs --reason TEXT.');
      return EXIT.usage;
    }
    const state = await env.call<MonthState>(
      action === 'close' ? 'months.close' : 'months.reopen',
      action === 'close' ? { month, closeAnyway: values.anyway === true } : { month, reason: values.reason },
    );
    if (!state) return EXIT.failed;
    env.stdout(`${JSON.stringify(state)}\n`);
    return EXIT.ok;
  },
};
