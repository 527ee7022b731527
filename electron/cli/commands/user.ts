import { parseArgs } from 'node:util';
import type { StaffRow } from '../../../shared/contract/staff';
import { printError } from '../cli-env';
import { EXIT, type CliCommand } from '../command';

const usage = `office user password CODE
  从标准输入读取新密码(一行),例如:echo 'Boss2026pass' | office user password B001
  Reads the new password from standard input (one line). Never pass it as an argument: it would stay in the shell history.`;

/** The password comes from stdin, not argv, so it never lands in shell history or `ps`. */
async function readLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export const userCommand: CliCommand = {
  name: 'user',
  summary: '设置登录密码 / Set a sign-in password',
  usage,
  async run(args, env) {
    const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
    const [sub, code] = positionals;
    if (sub !== 'password' || !code || positionals.length !== 2) {
      printError(env, `用法:\n${usage}`, 'Usage above.');
      return EXIT.usage;
    }
    const staff = await env.call<StaffRow[]>('staff.list', { includeLeft: false });
    const person = staff?.find((s) => s.code.toLowerCase() === code.toLowerCase());
    if (!person) {
      printError(env, `没有在职员工的工号是 ${code}。`, `No current staff member has code ${code}.`);
      return EXIT.failed;
    }
    const password = await readLine();
    const done = await env.call<{ endedSessions: number }>('auth.setPassword', { staffId: person.id, password });
    if (!done) return EXIT.failed;
    env.stdout(`${JSON.stringify({ code: person.code, name: person.name, endedSessions: done.endedSessions })}\n`);
    return EXIT.ok;
  },
};
