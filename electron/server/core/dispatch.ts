import { contract, type Method } from '../../../shared/contract';
import type { Envelope, ErrorBody } from '../../../shared/errors';
import { AppError } from './app-error';
import type { CallContext } from './context';
import { allHandlers } from './all-handlers';
import { parseInput } from './validation';
import { databaseBusyError, isBusyError } from '../db/write-transactions';
import { writeRefusal } from './write-gate';
import { officeInUseError } from '../office-lock';

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * The one gate every transport passes: known method → valid input → allowed role → handler.
 * Always resolves to an envelope; nothing thrown by a handler escapes as an exception.
 */
export async function dispatch(ctx: CallContext, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isMethod(name)) {
    return fail({
      code: 'unknown_method',
      message: `没有名为 "${String(name).slice(0, 80)}" 的功能。请更新门店通或检查调用名称。`,
      messageEn: `There is no method named "${String(name).slice(0, 80)}". Update 门店通 or check the name.`,
    });
  }
  const def = contract[name];
  if (def.roles !== 'public') {
    if (!ctx.actor) {
      return fail({ code: 'unauthenticated', message: '请先登录。', messageEn: 'Please sign in first.' });
    }
    if (!(def.roles as readonly string[]).includes(ctx.actor.role)) {
      return fail({
        code: 'forbidden',
        message: `您的角色无权执行"${def.summary.split(' / ')[0]}"。如需此操作,请联系店长。`,
        messageEn: `Your role may not ${def.summary.split(' / ')[1] ?? name}. Ask the owner if you need this.`,
        details: { method: name },
      });
    }
  }
  // A big office is still being checked in the background: reads go ahead, writes wait for it.
  const refusal = await writeRefusal(ctx, name, def, rawInput);
  if (refusal) return fail(refusal);
  const parsed = parseInput(def.input, rawInput ?? {});
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    return fail({
      code: 'invalid_input',
      message: `输入有误:${first.path} — ${first.message}`,
      messageEn: `Invalid input: ${first.path} — ${first.messageEn}`,
      details: { issues: parsed.issues },
    });
  }
  try {
    const handler = allHandlers[name] as (c: CallContext, i: unknown) => unknown;
    const value = await runHandler(() => handler(ctx, parsed.value), def.kind);
    return { ok: true, value };
  } catch (error) {
    return fail(toErrorBody(error));
  }
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  if (isBusyError(error)) return databaseBusyError().toBody();
  // Only a process reading beside the office's holder has a read-only connection.
  if (String((error as { code?: unknown })?.code ?? '').startsWith('SQLITE_READONLY'))
    return officeInUseError(null, 'write').toBody();
  console.error('[dispatch] unexpected error', error);
  return {
    code: 'internal',
    message: `程序内部错误:${(error as Error)?.message ?? String(error)}。数据未被修改;请重试,若仍失败请联系技术支持。`,
    messageEn: `Internal error: ${(error as Error)?.message ?? String(error)}. Nothing was changed; retry, and contact support if it persists.`,
  };
}

/**
 * A read that met a busy database (another process mid-checkpoint or recovery) is simply run
 * again: it changed nothing. A write is not — its transaction already waited at BEGIN
 * IMMEDIATE (write-transactions.ts), and it may have moved files before; it answers
 * `unavailable`.
 */
async function runHandler(run: () => unknown, kind: 'read' | 'write'): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (kind === 'write' || attempt >= 4 || !isBusyError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

function fail(error: ErrorBody): Envelope<never> {
  return { ok: false, error };
}
