import { normalisePhone, type PhoneKind } from '../../../shared/clients/normalise';
import type { FieldIssue } from '../../../shared/errors';
import { invalidInput } from '../core/app-error';

export type PhoneEntry = { phone: string; key: string; kind: PhoneKind };

/**
 * Normalise the phones typed for one client; the same number twice is kept once. Returns the
 * entries, or the issues for numbers that cannot be phones.
 */
export function readPhones(phones: readonly string[]): { entries: PhoneEntry[]; issues: FieldIssue[] } {
  const entries: PhoneEntry[] = [];
  const issues: FieldIssue[] = [];
  phones.forEach((raw, index) => {
    const phone = raw.trim();
    if (!phone) return;
    const normalised = normalisePhone(phone);
    if (!normalised) {
      issues.push({
        path: `phones.${index}`,
        message: `"${phone}" 不是有效的电话号码(手机 11 位,座机请带区号,如 0755-12345678)`,
        messageEn: `"${phone}" is not a valid phone number (mobiles have 11 digits; give landlines with the area code, e.g. 0755-12345678)`,
      });
      return;
    }
    if (!entries.some((e) => e.key === normalised.key)) entries.push({ phone, ...normalised });
  });
  return { entries, issues };
}

/** Phones or an invalid_input error naming each bad number. */
export function phonesOrThrow(phones: readonly string[]): PhoneEntry[] {
  const { entries, issues } = readPhones(phones);
  if (issues.length > 0) {
    throw invalidInput(
      {
        zh: `电话号码有误:${issues.map((i) => i.message).join(';')}`,
        en: `Invalid phone: ${issues.map((i) => i.messageEn).join('; ')}`,
      },
      issues,
    );
  }
  return entries;
}
