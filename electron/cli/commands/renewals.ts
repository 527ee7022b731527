import { parseArgs } from 'node:util';
import { CONTRACT_STATUS_LABELS, type RenewalRow } from '../../../shared/contract/contracts';
import { isRealDate } from '../../../shared/dates';
import { formatFen } from '../../../shared/money';
import { printError } from '../cli-env';
import { EXIT, type CliCommand } from '../command';
import { formatTable } from '../format-table';

const usage = `office renewals --within DAYS [--as-of YYYY-MM-DD] [--include-lapsed] [--json]
  服务在 DAYS 天内到期的合同,按客户加入日期排序(--include-lapsed 同时列出已过期未续费的)。
  Contracts whose service ends within DAYS days, ordered by the client's join date (--include-lapsed adds lapsed ones).`;

export const renewalsCommand: CliCommand = {
  name: 'renewals',
  summary: '续费提醒 / Renewals due',
  usage,
  async run(args, env) {
    const { values } = parseArgs({
      args,
      options: {
        within: { type: 'string' },
        'as-of': { type: 'string' },
        'include-lapsed': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const within = Number(values.within);
    if (values.within === undefined || !Number.isInteger(within) || within < 0 || within > 3660) {
      printError(env, `--within 需要 0–3660 之间的天数。用法:\n${usage}`, '--within needs a number of days between 0 and 3660.');
      return EXIT.usage;
    }
    if (values['as-of'] !== undefined && !isRealDate(values['as-of'])) {
      printError(
        env,
        `--as-of "${values['as-of']}" 不是有效日期(YYYY-MM-DD)。`,
        `--as-of "${values['as-of']}" is not a valid date (YYYY-MM-DD).`,
      );
      return EXIT.usage;
    }
    const rows = await env.call<RenewalRow[]>('renewals.list', {
      withinDays: within,
      includeLapsed: values['include-lapsed'],
      ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
    });
    if (!rows) return EXIT.failed;
    if (values.json) {
      env.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT.ok;
    }
    env.stdout(
      formatTable(
        ['客户加入日期', '客户', '合同编号', '结束日期', '剩余天数', '金额(元)', '业务员', '状态'],
        rows.map((r) => [
          r.clientJoinedOn,
          r.clientName,
          r.number,
          r.endsOn ?? '',
          String(r.daysLeft),
          formatFen(r.amountFen),
          r.staffName,
          r.state === 'lapsed' ? '已过期' : CONTRACT_STATUS_LABELS[r.displayStatus].zh,
        ]),
      ),
    );
    return EXIT.ok;
  },
};
