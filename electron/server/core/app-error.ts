import type { Bilingual } from '../../../shared/bilingual';
import type { ErrorBody, ErrorCode, FieldIssue } from '../../../shared/errors';

/**
 * The one error type services throw for problems a person can fix. Anything else that escapes
 * a handler is a bug and becomes `internal` at the dispatch boundary.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageEn: string;
  readonly details: ErrorBody['details'];
  /** The Chinese text, which people read first. */
  readonly zh: string;

  /** What was wrong and what to do, in both languages (shared/bilingual.ts). */
  constructor(code: ErrorCode, text: Bilingual, details?: ErrorBody['details']) {
    super(`${text.zh} / ${text.en}`);
    this.name = 'AppError';
    this.code = code;
    this.messageEn = text.en;
    this.details = details;
    this.zh = text.zh;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.zh, messageEn: this.messageEn };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export function invalidInput(text: Bilingual, issues?: FieldIssue[]): AppError {
  return new AppError('invalid_input', text, issues ? { issues } : undefined);
}

/** `what` names the thing in both languages: { zh: '客户', en: 'Client' }. */
export function notFound(what: Bilingual, id: string | number): AppError {
  return new AppError(
    'not_found',
    {
      zh: `找不到${what.zh}(${id}),可能已被删除,请刷新后重试。`,
      en: `${what.en} ${id} was not found; it may have been deleted. Refresh and try again.`,
    },
    { id },
  );
}
