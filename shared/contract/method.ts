import type { z } from 'zod';
import type { Role } from '../roles';
import type { Bilingual } from '../bilingual';

/**
 * One capability of the office core. `roles: 'public'` is for the few methods a caller may use
 * before signing in (first-run setup, sign-in). Every other method names the roles allowed.
 */
export type MethodDef<I extends z.ZodType = z.ZodType, O = unknown> = {
  input: I;
  roles: readonly Role[] | 'public';
  /** 'write' methods change data; transports and the audit treat them differently. */
  kind: 'read' | 'write';
  /** What the method does, in both languages: refusals and the audit log name it with this. */
  summary: Bilingual;
  /**
   * The call carries a file's bytes beside its input (HTTP: POST /upload/{method}). See UploadSpec.
   * The gate checks session, role, CSRF and the database's health before a byte is read.
   */
  upload?: UploadSpec;
  /**
   * The answer is a file the transport sends (HTTP: GET /files/{method}, streamed; desktop: opened
   * by the main process). The output is a FileAnswer; a JSON call gets invalid_input instead.
   */
  download?: true;
  /**
   * Input fields that name a folder or file on the machine the office runs on (a backup folder,
   * the scan inbox, an old folder to bring in). A call that gives one is taken only from that
   * machine — the desktop app, the CLI or a browser on loopback — never from the LAN, whatever
   * the role: the gate refuses it (dispatch.ts, server-paths.ts).
   */
  serverPaths?: readonly string[];
  /** Phantom: carries the output type, never read at run time. */
  output?: O;
};

/**
 * How a method takes its file:
 * - 'stream': the handler reads the bytes from `ctx.upload` as a stream (any size, constant
 *   memory: archive filing). Absent for a JSON call, which then gets invalid_input.
 * - 'field': the gate reads the bytes (at most `maxBytes`) and hands them to the handler base64 in
 *   the input field `field`, so the handler is the same as for a JSON call that sends the field
 *   itself (spreadsheet imports).
 */
export type UploadSpec = { to: 'stream' } | { to: 'field'; field: string; maxBytes: number };

/**
 * What a download method answers: the transport streams `path` (a server-side absolute path,
 * never sent over JSON) under the name `fileName`.
 */
export type FileAnswer = { path: string; fileName: string; size: number; contentType: string };

export type ContractMap = Record<string, MethodDef>;

/**
 * Declare a method: `method<StaffRow[]>()({ input, roles, kind, summary })`. Curried so the
 * output type is written explicitly while the input type is inferred from the schema.
 */
export function method<O>() {
  return <I extends z.ZodType>(def: Omit<MethodDef<I, O>, 'output'>): MethodDef<I, O> => def;
}

/**
 * A method whose handler reads an uploaded stream from `ctx.upload` (typed as present in the
 * handler map): `streamMethod<FilingResult>()({ input, roles, kind, summary })`.
 */
export function streamMethod<O>() {
  return <I extends z.ZodType>(
    def: Omit<MethodDef<I, O>, 'output' | 'upload' | 'download'>,
  ): MethodDef<I, O> & { upload: { to: 'stream' } } => ({ ...def, upload: { to: 'stream' } });
}

export type InputOf<M> = M extends MethodDef<infer I, unknown> ? z.output<I> : never;
/** What a caller passes: defaults may be omitted. */
export type RawInputOf<M> = M extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type OutputOf<M> = M extends MethodDef<z.ZodType, infer O> ? O : never;
