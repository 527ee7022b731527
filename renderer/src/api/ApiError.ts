import type { ErrorBody, ErrorCode, FieldIssue } from '../../../shared/errors';

/** A failed contract call, carrying the core's error body (bilingual message, field issues). */
export class ApiError extends Error {
  readonly body: ErrorBody;

  constructor(body: ErrorBody) {
    super(body.messageEn || body.message);
    this.name = 'ApiError';
    this.body = body;
  }

  get code(): ErrorCode {
    return this.body.code;
  }

  get issues(): FieldIssue[] {
    return this.body.details?.issues ?? [];
  }
}

/** Anything thrown while talking to the core, as an ApiError the UI knows how to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new ApiError({
    code: 'internal',
    message: `程序出错:${text}。请重试,若仍失败请联系技术支持。`,
    messageEn: `Something went wrong: ${text}. Please retry, and contact support if it persists.`,
  });
}
