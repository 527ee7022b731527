import { parseArgs } from 'node:util';
import type { PoolRunResult } from '../../../shared/contract/pool';
import { isRealDate } from '../../../shared/dates';
import { POOL_REASON_LABELS } from '../../../shared/pool/pool-rules';
import { printError } from '../cli-env';
import { EXIT, type CliCommand } from '../command';
import { formatTable } from '../format-table';

const usage = `office pool run [--as-of YYYY-MM-DD] [--json]
  按公海规则把到期的客户退回公海(与每天自动执行的相同;同一天重复执行不会再移动)。
  Apply the pool (公海) rules: clients due go back to the pool (the same as the daily job; running twice for a day moves nothing more).`;

export const poolCommand: CliCommand = {
  name: 'pool',
  summary: '公海规则 / Apply the pool rules',
  usage,
  async run(args, env) {
    const [sub, ...rest] = args;
    if (sub !== 'run') {
      printError(env, `未知的子命令 "${sub ?? ''}"。用法:\n${usage}`, `Unknown subcommand "${sub ?? ''}".`);
      return EXIT.usage;
    }
    const { values } = parseArgs({
      args: rest,
      options: { 'as-of': { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    const asOf = values['as-of'];
    if (asOf !== undefined && !isRealDate(asOf)) {
      printError(env, `--as-of "${asOf}" 不是有效日期(YYYY-MM-DD)。`, `--as-of "${asOf}" is not a valid date (YYYY-MM-DD).`);
      return EXIT.usage;
    }
    const result = await env.call<PoolRunResult>('pool.run', asOf ? { asOf } : {});
    if (!result) return EXIT.failed;
    if (values.json) {
      env.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT.ok;
    }
    env.stdout(
      `${result.asOf}:退回公海 ${result.returned} 位,即将退回(提醒中)${result.warned} 位${result.autoReturn ? '' : '(自动退回未开启)'}\n` +
        `${result.asOf}: ${result.returned} returned to the pool, ${result.warned} warned${result.autoReturn ? '' : ' (automatic return is off)'}\n`,
    );
    if (result.moves.length > 0)
      env.stdout(
        formatTable(
          ['客户', '原业务员', '原因', '起算日'],
          result.moves.map((m) => [m.clientName, m.fromName, POOL_REASON_LABELS[m.reason].zh, m.since]),
        ),
      );
    return EXIT.ok;
  },
};
