/**
 * Money is integer fen below the UI. Parsing accepts what office workers type or what Excel
 * exports (`3000`, `3,000.00`, `¥3,000`, `￥3000.5`) and never goes through binary floats.
 */
export type Fen = number;

const YUAN_PATTERN = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Parse a yuan amount typed by a person into fen, or return null when it is not money. */
export function parseYuanToFen(raw: string | number): Fen | null {
  const text = String(raw)
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  const m = YUAN_PATTERN.exec(text);
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return sign ? -fen : fen;
}

/** Format fen as yuan with thousands separators: 123456 → "1,234.56". */
export function formatFen(fen: Fen, opts: { symbol?: boolean } = {}): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (abs % 100).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${opts.symbol ? '¥' : ''}${whole}.${frac}`;
}

/** Fen as a plain yuan string for inputs and CSV: 123456 → "1234.56". */
export function fenToYuanString(fen: Fen): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${(abs % 100).toString().padStart(2, '0')}`;
}
