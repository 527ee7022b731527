import type { ContractMap, InputOf, OutputOf } from '../../../shared/contract';
import type { CallContext, UploadCallContext } from './context';

/** A method declared with a streamed upload gets a context where `ctx.upload` is always there. */
type ContextOf<M> = M extends { upload: { to: 'stream' } } ? UploadCallContext : CallContext;

/** A handler map typed against a contract part: a missing or misspelled handler fails to compile. */
export type Handlers<C extends ContractMap> = {
  [K in keyof C]: (ctx: ContextOf<C[K]>, input: InputOf<C[K]>) => Promise<OutputOf<C[K]>> | OutputOf<C[K]>;
};
