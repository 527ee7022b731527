import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** docs/operations.md › 登录、权限与备份: scrypt N=2^17, r=8, p=1, a 16-byte salt; the parameters travel with the hash. */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keylen: 32 } as const;
// 128 × N × r bytes = 128 MiB of working memory, over Node's 32 MiB default.
const MAXMEM = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, { N, r, p, maxmem: MAXMEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** "scrypt$131072$8$1$<salt b64>$<hash b64>". */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Compared in constant time; a malformed stored value never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p), expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** At least 8 characters with a letter and a digit — what a small office can live with. */
export function passwordProblem(password: string): { zh: string; en: string } | null {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password))
    return { zh: '密码至少 8 位,且同时包含字母和数字。', en: 'A password needs at least 8 characters with letters and digits.' };
  return null;
}
