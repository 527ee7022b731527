import fc from 'fast-check';
import { z } from 'zod';
import { hostileValue, POLLUTION_SNIPPETS } from './hostile-values';

/** The parts of JSON Schema that zod's toJSONSchema emits for our contract inputs. */
type Js = {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  items?: Js;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Js[];
  oneOf?: Js[];
  allOf?: Js[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
};

export type GenerateOptions = {
  /** Absolute paths are generated inside this folder only (the fuzz really backs up there). */
  sandbox: string;
  /** Row ids are drawn mostly from 1..idsUpTo, so calls reach real records. */
  idsUpTo: number;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateIn = (fromYear: number, toYear: number) =>
  fc
    .date({ min: new Date(Date.UTC(fromYear, 0, 1)), max: new Date(Date.UTC(toYear, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

/** A value the schema (mostly) accepts: shapes, lengths and ranges as declared. */
export function validArbitrary(js: Js, o: GenerateOptions): fc.Arbitrary<unknown> {
  const choices = js.anyOf ?? js.oneOf;
  if (choices) return fc.oneof(...choices.map((c) => validArbitrary(c, o)));
  if (js.allOf?.length) return validArbitrary(js.allOf[0]!, o);
  if ('const' in js) return fc.constant(js.const);
  if (js.enum) return fc.constantFrom(...js.enum);
  if (Array.isArray(js.type)) return fc.oneof(...js.type.map((type) => validArbitrary({ ...js, type }, o)));
  switch (js.type) {
    case 'object':
      return objectArbitrary(js, o);
    case 'array':
      return fc.array(js.items ? validArbitrary(js.items, o) : hostileValue, {
        minLength: js.minItems ?? 0,
        maxLength: Math.max(js.minItems ?? 0, Math.min(js.maxItems ?? 4, 4)),
      });
    case 'string':
      return stringArbitrary(js, o);
    case 'integer':
      return integerArbitrary(js, o);
    case 'number':
      return fc.double({ min: js.minimum ?? -1e6, max: js.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      // Unrepresentable in JSON Schema (a transform, a custom check): anything goes.
      return hostileValue;
  }
}

function objectArbitrary(js: Js, o: GenerateOptions): fc.Arbitrary<unknown> {
  const props = js.properties ?? {};
  const shape = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validArbitrary(v, o)]));
  return fc.record(shape, { requiredKeys: (js.required ?? []).filter((k) => k in props) });
}

function stringArbitrary(js: Js, o: GenerateOptions): fc.Arbitrary<string> {
  const min = js.minLength ?? 0;
  const max = Math.max(min, Math.min(js.maxLength ?? 40, 40));
  switch (js.format) {
    case 'date':
      return fc.oneof(
        { weight: 6, arbitrary: dateIn(2020, 2030) },
        { weight: 2, arbitrary: dateIn(1990, 2100) },
        { weight: 1, arbitrary: fc.constantFrom('1990-01-01', '2100-12-31', '2024-02-29', '2100-02-28') },
      );
    case 'month':
      return fc.oneof(
        fc.integer({ min: 2024, max: 2028 }).chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => `${y}-${pad(m)}`)),
        fc.constantFrom('1990-01', '2100-12'),
      );
    case 'yearly-date':
      return fc.oneof(
        dateIn(1900, 2100),
        dateIn(2000, 2000).map((d) => d.slice(5)),
      );
    case 'abs-path':
      return fc
        .array(fc.constantFrom('备份', 'backup', 'a b', 'x', '档案'), { minLength: 1, maxLength: 3 })
        .map((parts) => `${o.sandbox}/${parts.join('/')}`);
    case 'archive-path':
      return fc
        .array(fc.constantFrom('协议合同', '2026', '2026-03', 'a.pdf', '客户档案', 'x'), { maxLength: 4 })
        .map((p) => p.join('/'));
    case 'email':
      return fc.emailAddress().filter((s) => s.length <= (js.maxLength ?? Infinity));
  }
  if (js.pattern) {
    const pattern = new RegExp(js.pattern);
    return fc.stringMatching(pattern, { size: 'small' }).filter((s) => s.length >= min && s.length <= (js.maxLength ?? Infinity));
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('张伟', '华联超市', '协议合同', 'S001', 'B001', '{标题}.{ext}').filter((s) => s.length >= min),
    },
  );
}

function integerArbitrary(js: Js, o: GenerateOptions): fc.Arbitrary<number> {
  const min = js.exclusiveMinimum !== undefined ? js.exclusiveMinimum + 1 : (js.minimum ?? -(2 ** 31));
  const max = js.exclusiveMaximum !== undefined ? js.exclusiveMaximum - 1 : (js.maximum ?? 2 ** 31);
  const low = Math.max(min, Math.min(max, 1));
  return fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: low, max: Math.min(max, Math.max(low, o.idsUpTo)) }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) }),
    },
  );
}

/**
 * What the fuzz sends for one method: a body as JSON text. Mostly shaped like the schema, with
 * one field swapped for a hostile value, a field missing, an unknown field, prototype-polluting
 * keys spliced into the text, or something that is not the shape at all.
 */
export function bodyArbitrary(input: z.ZodType, o: GenerateOptions): fc.Arbitrary<string> {
  const js = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as Js;
  const valid = validArbitrary(js, o);
  const asObject = valid.map((v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {},
  );
  const keys = Object.keys(js.properties ?? {});
  const field = keys.length ? fc.constantFrom(...keys) : fc.constant('x');
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((v) => JSON.stringify(v)) },
    {
      weight: 4,
      arbitrary: fc.tuple(asObject, field, hostileValue).map(([v, k, bad]) => JSON.stringify({ ...v, [k]: bad })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(asObject, field).map(([v, k]) => {
        const { [k]: _dropped, ...rest } = v;
        return JSON.stringify(rest);
      }),
    },
    { weight: 1, arbitrary: fc.tuple(asObject, hostileValue).map(([v, bad]) => JSON.stringify({ ...v, unexpectedField: bad })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(asObject, fc.constantFrom(...POLLUTION_SNIPPETS), fc.boolean())
        .map(([v, snippet, nested]) => splicePollution(v, snippet, nested)),
    },
    { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
  );
}

/** Put a polluting key at the top of the object, or inside its first nested object. */
function splicePollution(value: Record<string, unknown>, snippet: string, nested: boolean): string {
  const text = JSON.stringify(value);
  if (nested) {
    const inner = text.indexOf('{', 1);
    if (inner > 0) return `${text.slice(0, inner + 1)}${snippet}${text[inner + 1] === '}' ? '' : ','}${text.slice(inner + 1)}`;
  }
  return text === '{}' ? `{${snippet}}` : `{${snippet},${text.slice(1)}`;
}
