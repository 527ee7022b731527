/** The closed set of error codes every transport returns. */
export const ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'unknown_method',
  'too_large',
  'too_many_requests',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field, for forms and import previews. */
export type FieldIssue = { path: string; message: string; messageEn: string };

export type ErrorBody = {
  code: ErrorCode;
  /** Chinese, says what was wrong and what to do. */
  message: string;
  /** The same in English. */
  messageEn: string;
  details?: { issues?: FieldIssue[] } & Record<string, unknown>;
};

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** HTTP status for each code, used by the host. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unknown_method: 404,
  too_large: 413,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};
