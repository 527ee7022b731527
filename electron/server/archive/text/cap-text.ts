import { TEXT_CAP_BYTES } from '../../../../shared/archive/text-formats';

/**
 * Text as kept and indexed: whitespace runs folded (a PDF's layout spaces are not words) and
 * cut at the per-document cap, on a character boundary. Returns whether it was cut.
 */
export function capText(raw: string, capBytes = TEXT_CAP_BYTES): { text: string; truncated: boolean } {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v \u00a0\u3000]+/g, ' ')
    .replace(/ ?\n[ \n]*/g, '\n')
    .trim();
  // A JS string of n UTF-16 units is at most 3n bytes of UTF-8: short texts need no counting.
  if (text.length * 3 <= capBytes) return { text, truncated: false };
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= capBytes) return { text, truncated: false };
  let end = capBytes;
  // Step back to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return { text: bytes.subarray(0, end).toString('utf8'), truncated: true };
}

/** A collector that stops taking text once it holds more than the cap (so a 3,000-page PDF is not read to the end). */
export class TextCollector {
  private parts: string[] = [];
  private units = 0;
  constructor(private readonly capBytes = TEXT_CAP_BYTES) {}
  add(part: string): void {
    if (this.full) return;
    this.parts.push(part);
    this.units += part.length;
  }
  /** Past the cap for certain: every UTF-16 unit is at least one byte of UTF-8. */
  get full(): boolean {
    return this.units > this.capBytes;
  }
  finish(): { text: string; truncated: boolean } {
    const capped = capText(this.parts.join('\n'), this.capBytes);
    return { text: capped.text, truncated: capped.truncated || this.full };
  }
}
