import { expect } from 'vitest';
import type { Envelope } from '../../../shared/errors';

/** What a refused call said, in one comparable value: its code and the fields its issues name. */
export function refusalOf(answer: Envelope<unknown>): { code: string; fields?: string[] } | 'ok' {
  if (answer.ok) return 'ok';
  const fields = answer.error.details?.issues?.map((i) => i.path);
  return { code: answer.error.code, ...(fields?.length ? { fields } : {}) };
}

/**
 * Assert a call was refused for the expected reason — its error code and, where the refusal is
 * about input, the field — not merely that it failed (a refusal for another reason passes
 * `ok === false` too).
 */
export function expectRefused(answer: Envelope<unknown>, code: string, fields?: string[]): void {
  expect(refusalOf(answer)).toEqual(fields ? { code, fields } : expect.objectContaining({ code }));
}
