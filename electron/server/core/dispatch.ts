import { contract, type Method } from '../../../shared/contract';
import type { Envelope, ErrorBody } from '../../../shared/errors';
import { AppError } from './app-error';
import type { CallContext } from './context';
import { allHandlers } from './all-handlers';
import { parseInput } from './validation';
import { boundedUpload, limitsOf, readUpload } from './upload';
import type { MethodDef } from '../../../shared/contract/method';
import { databaseBusyError, isBusyError } from '../db/write-transactions';
import { writeRefusal } from './write-gate';
import { officeInUseError } from '../office-lock';
import { serverPathRefusal } from './server-paths';

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
        message: `您的角色无权执行"${def.summary.zh}"。如需此操作,请联系店长。`,
        messageEn: `Your role may not ${def.summary.en}. Ask the owner if you need this.`,
        details: { method: name },
      });
    }
  }
  // A folder or file of the office's computer is named only from that computer, whatever the role.
  const away = serverPathRefusal(def, name, ctx, rawInput);
  if (away) return fail(away);
  // A big office is still being checked in the background: reads go ahead, writes wait for it.
  const refusal = await writeRefusal(ctx, name, def, rawInput);
  if (refusal) return fail(refusal);
  // Only now — the caller is who they say, may do this, and the database takes writes — is an
  // uploaded byte read, and only by a method that takes one.
  const shape = transferRefusal(def, name, ctx);
  if (shape) return fail(shape);
  let input = rawInput ?? {};
  let call = ctx;
  try {
    if (def.upload?.to === 'field' && ctx.upload) {
      if (isPlainObject(input) && def.upload.field in input) return fail(twoCopies(def.upload.field));
      // A non-object input fails validation below without the bytes being read.
      if (isPlainObject(input)) {
        const limit = Math.min(limitsOf(ctx.limits).maxUploadBytes, def.upload.maxBytes);
        input = { ...input, [def.upload.field]: (await readUpload(ctx.upload, limit)).toString('base64') };
      }
      const { upload: _read, ...rest } = ctx;
      call = rest;
    }
  } catch (error) {
    return fail(toErrorBody(error));
  }
  const parsed = parseInput(def.input, input);
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    return fail({
      code: 'invalid_input',
      message: `输入有误:${first.path} — ${first.message}`,
      messageEn: `Invalid input: ${first.path} — ${first.messageEn}`,
      details: { issues: parsed.issues },
    });
  }
  // A streamed upload is capped from here on: refused now if announced bigger, cut off once it passes.
  if (def.upload?.to === 'stream' && ctx.upload) {
    try {
      call = { ...ctx, upload: boundedUpload(ctx.upload, limitsOf(ctx.limits).maxUploadBytes) };
    } catch (error) {
      return fail(toErrorBody(error));
    }
  }
  try {
    const handler = allHandlers[name] as (c: CallContext, i: unknown) => unknown;
    const value = await runHandler(() => handler(call, parsed.value), def.kind);
    return { ok: true, value };
  } catch (error) {
    return fail(toErrorBody(error));
  }
}

/** A call whose shape does not fit the method: a file where none is taken, none where one is needed, a file answer over JSON. */
function transferRefusal(def: MethodDef, name: string, ctx: CallContext): ErrorBody | null {
  const title = def.summary;
  if (def.upload?.to === 'stream' && !ctx.upload)
    return {
      code: 'invalid_input',
      message: `"${title.zh}"需要随请求上传文件内容(POST /upload/${name},Content-Type: application/octet-stream),不能用 JSON 调用。`,
      messageEn: `"${title.en}" needs the file's bytes (POST /upload/${name}, Content-Type: application/octet-stream); it cannot be called with JSON.`,
    };
  if (!def.upload && ctx.upload)
    return {
      code: 'invalid_input',
      message: `"${title.zh}"不接受上传文件,请用 POST /api/${name} 发送 JSON。`,
      messageEn: `"${title.en}" takes no file; send JSON to POST /api/${name}.`,
    };
  if (def.download && !ctx.takesFile)
    return {
      code: 'invalid_input',
      message: `"${title.zh}"的结果是一个文件,请用 GET /files/${name} 下载(桌面版直接打开)。`,
      messageEn: `"${title.en}" answers with a file; download it with GET /files/${name} (the desktop app opens it).`,
    };
  if (!def.download && ctx.takesFile)
    return {
      code: 'invalid_input',
      message: `"${title.zh}"不是文件下载,请用 POST /api/${name} 调用。`,
      messageEn: `"${title.en}" is not a file download; call it with POST /api/${name}.`,
    };
  return null;
}

function twoCopies(field: string): ErrorBody {
  return {
    code: 'invalid_input',
    message: `文件内容只能发送一次:要么上传文件,要么在 ${field} 中发送,不能两者都有。`,
    messageEn: `Send the file once: either as the upload or in ${field}, not both.`,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  if (isBusyError(error)) return databaseBusyError().toBody();
  // Only a process reading beside the office's holder has a read-only connection.
  if (String((error as { code?: unknown })?.code ?? '').startsWith('SQLITE_READONLY'))
    return officeInUseError(null, 'write').toBody();
  const constraint = constraintError((error as { code?: unknown })?.code);
  if (constraint) return constraint;
  console.error('[dispatch] unexpected error', error);
  return {
    code: 'internal',
    message: `程序内部错误:${(error as Error)?.message ?? String(error)}。数据未被修改;请重试,若仍失败请联系技术支持。`,
    messageEn: `Internal error: ${(error as Error)?.message ?? String(error)}. Nothing was changed; retry, and contact support if it persists.`,
  };
}

/**
 * A write the database itself refused: the input named a row that does not exist (a client,
 * contract, kind or person deleted meanwhile, or an id that never was), or repeated one that must
 * be unique. The services check what they can name field by field; this is the net under them,
 * so such input is never reported as an internal error.
 */
function constraintError(code: unknown): ErrorBody | null {
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return {
      code: 'invalid_input',
      message: '输入引用了不存在的记录(例如已删除的客户、合同、分类或员工)。请刷新后重新选择。数据未被修改。',
      messageEn: 'The input refers to a record that does not exist (e.g. a deleted client, contract, kind or staff member). Refresh and choose again. Nothing was changed.',
    };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return {
      code: 'conflict',
      message: '已有相同的记录(编号或名称重复)。请换一个后重试。数据未被修改。',
      messageEn: 'A record like this already exists (a repeated number or name). Choose another and retry. Nothing was changed.',
    };
  if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL')
    return {
      code: 'invalid_input',
      message: '输入的值不被接受(超出允许的范围或缺少必填项)。数据未被修改。',
      messageEn: 'A value was not accepted (out of the allowed range, or a required value missing). Nothing was changed.',
    };
  return null;
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
