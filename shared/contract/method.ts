import type { z } from 'zod';
import type { Role } from '../roles';

/**
 * One capability of the office core. `roles: 'public'` is for the few methods a caller may use
 * before signing in (first-run setup, sign-in). Every other method names the roles allowed.
 */
export type MethodDef<I extends z.ZodType = z.ZodType, O = unknown> = {
  input: I;
  roles: readonly Role[] | 'public';
  /** 'write' methods change data; transports and the audit treat them differently. */
  kind: 'read' | 'write';
  summary: string;
  /** Phantom: carries the output type, never read at run time. */
  output?: O;
};

export type ContractMap = Record<string, MethodDef>;

/**
 * Declare a method: `method<StaffRow[]>()({ input, roles, kind, summary })`. Curried so the
 * output type is written explicitly while the input type is inferred from the schema.
 */
export function method<O>() {
  return <I extends z.ZodType>(def: Omit<MethodDef<I, O>, 'output'>): MethodDef<I, O> => def;
}

export type InputOf<M> = M extends MethodDef<infer I, unknown> ? z.output<I> : never;
/** What a caller passes: defaults may be omitted. */
export type RawInputOf<M> = M extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type OutputOf<M> = M extends MethodDef<z.ZodType, infer O> ? O : never;
