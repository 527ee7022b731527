import type { z } from 'zod';

/**
 * What a form needs to know about one field of an API method's input schema, read from the
 * schema itself so a form's `maxLength` and required marker cannot drift from what the method
 * accepts (and what import accepts, which checks rows with the same schema).
 */
export type FieldLimits<K extends string> = {
  /** The most characters the field takes (for a list of texts, each item's); undefined when unbounded. */
  maxLength: (key: K) => number | undefined;
  /** The method refuses the input without it: not optional, no default, not nullable, and not ''. */
  required: (key: K) => boolean;
};

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: readonly z.ZodType[];
  element?: z.ZodType;
  values?: readonly unknown[];
};

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The longest text the schema accepts; undefined when it takes text without a bound (or no text at all). */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return maxLengthOf(def.innerType);
  if (def.type === 'pipe' && def.in) return maxLengthOf(def.in);
  if (def.type === 'array' && def.element) return maxLengthOf(def.element);
  if (def.type === 'string') return (schema as z.ZodString).maxLength ?? undefined;
  if (def.type === 'literal') return Math.max(0, ...(def.values ?? []).map((v) => (typeof v === 'string' ? v.length : 0)));
  if (def.type === 'union' && def.options) {
    const bounds = def.options.map(maxLengthOf);
    return bounds.some((b) => b === undefined) ? undefined : Math.max(...(bounds as number[]));
  }
  return undefined;
}

/** The method refuses the field when it is left out, null or empty text. */
export function isRequiredField(schema: z.ZodType): boolean {
  return [undefined, null, ''].every((blank) => !schema.safeParse(blank).success);
}

/** The limits of an object schema's fields, for a form built on it. */
export function fieldLimits<S extends z.ZodObject>(schema: S): FieldLimits<Extract<keyof S['shape'], string>> {
  const field = (key: string): z.ZodType => {
    const found = (schema.shape as Record<string, z.ZodType | undefined>)[key];
    if (!found) throw new Error(`No field ${key} in the schema`);
    return found;
  };
  return { maxLength: (key) => maxLengthOf(field(key)), required: (key) => isRequiredField(field(key)) };
}
