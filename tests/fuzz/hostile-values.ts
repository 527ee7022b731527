import fc from 'fast-check';

/**
 * Values an attacker or a careless script sends instead of what a field expects. None is an
 * absolute path outside the fuzz sandbox: the fuzz runs as a real owner, and a backup or an
 * archive folder pointed at '/etc' would really be written there.
 */
const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '名称\u0000.txt',
  '\u202Egnp.exe',
  '\u200B\uFEFF\u2028\u2029',
  '\uD800',
  '\uDFFF\uD800',
  '\u0007\u001b[2J',
  '<script>alert(1)</script>',
  "'; DROP TABLE staff; --",
  '%00%2e%2e%2f',
  '../../../../etc/passwd',
  '..\\..\\windows\\system32',
  'a/../../b',
  'CON',
  'NUL.txt',
  '2026-13',
  '2026-02-30',
  '2026-00-10',
  '9999-12-31',
  '0000-00-00',
  '0001-01-01',
  '1899-12-31',
  '2101-01-01',
  '+010000-01-01',
  'tomorrow',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  'toString',
  '{"a":1}',
  '𠮷𠮷𠮷',
  '\u0301\u0301\u0301',
];

const hostileNumbers = [
  0,
  -0,
  -1,
  1.5,
  -1.5,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  -1e308,
  Number.MIN_VALUE,
  123_456_789_012_345,
];

/** Any JSON value at all, including nesting and the awkward corners above. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...hostileStrings) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...hostileNumbers) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [[]], [null], { '': '' }, [1, 'a', null]) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  // Long enough to hit every length limit, well under the 10 MB body cap.
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(5_000), '长'.repeat(70_000), 'a\u0000'.repeat(3_000)) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }).map((text) => JSON.parse(text) as unknown) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.array(fc.integer(), { maxLength: 2_000 }) },
);

/**
 * Keys that pollute prototypes when code merges input into objects carelessly. They are spliced
 * into the JSON text itself (JSON.stringify would drop or rename them), so JSON.parse on the host
 * sees them as own properties, as an attacker's request would.
 */
export const POLLUTION_SNIPPETS = [
  '"__proto__":{"polluted":"yes","role":"owner","isAdmin":true}',
  '"constructor":{"prototype":{"polluted":"yes"}}',
  '"__proto__":null',
  '"prototype":{"polluted":"yes"}',
];
