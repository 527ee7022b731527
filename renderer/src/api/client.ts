import type { Contract, Method, OutputOf, RawInputOf } from '../../../shared/contract';
import { ApiError } from './ApiError';
import { currentTransport } from './transport';

export { ApiError, toApiError } from './ApiError';

export type Input<M extends Method> = RawInputOf<Contract[M]>;
export type Output<M extends Method> = OutputOf<Contract[M]>;

/** Methods whose input may be left out entirely (it has defaults) take it as optional. */
export type InputArgs<M extends Method> = undefined extends Input<M> ? [input?: Input<M>] : [input: Input<M>];

/**
 * Call one contract method. Resolves with its output; rejects with an ApiError carrying the
 * core's bilingual message and field issues.
 */
export async function call<M extends Method>(method: M, ...[input]: InputArgs<M>): Promise<Output<M>> {
  return (await callUnchecked(method, input)) as Output<M>;
}

/** The untyped core of `call`, for generic helpers (hooks) that already typed their caller. */
export async function callUnchecked(method: Method, input: unknown): Promise<unknown> {
  const envelope = await currentTransport()(method, input ?? {});
  if (envelope.ok) return envelope.value;
  if (envelope.error.code === 'unauthenticated' && !method.startsWith('auth.')) for (const listener of sessionEnded) listener();
  throw new ApiError(envelope.error);
}

const sessionEnded = new Set<() => void>();
/** Told when a call finds no session (it ended on the server: idle, signed out elsewhere, left). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEnded.add(listener);
  return () => sessionEnded.delete(listener);
}
