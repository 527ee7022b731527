import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '../../../shared/roles';
import type { Office } from '../../server/office';

/** A non-contract HTTP route (file download/upload streams); everything else is POST /api/:method. */
export type HostRoute = {
  method: 'GET' | 'POST';
  /** Path prefix, e.g. '/files/'. */
  prefix: string;
  handle: (args: {
    req: IncomingMessage;
    res: ServerResponse;
    office: Office;
    actor: Actor | null;
    rest: string;
  }) => Promise<void>;
};
