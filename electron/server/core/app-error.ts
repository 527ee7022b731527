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

  constructor(code: ErrorCode, zh: string, en: string, details?: ErrorBody['details']) {
    super(`${zh} / ${en}`);
    this.name = 'AppError';
    this.code = code;
    this.messageEn = en;
    this.details = details;
    this.zh = zh;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.zh, messageEn: this.messageEn };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export function invalidInput(zh: string, en: string, issues?: FieldIssue[]): AppError {
  return new AppError('invalid_input', zh, en, issues ? { issues } : undefined);
}

export function notFound(whatZh: string, whatEn: string, id: string | number): AppError {
  return new AppError(
    'not_found',
    `找不到${whatZh}(${id}),可能已被删除,请刷新后重试。`,
    `${whatEn} ${id} was not found; it may have been deleted. Refresh and try again.`,
    { id },
  );
}
