import type { ContractMap, InputOf, OutputOf } from '../../../shared/contract';
import type { CallContext } from './context';

/** A handler map typed against a contract part: a missing or misspelled handler fails to compile. */
export type Handlers<C extends ContractMap> = {
  [K in keyof C]: (ctx: CallContext, input: InputOf<C[K]>) => Promise<OutputOf<C[K]>> | OutputOf<C[K]>;
};
