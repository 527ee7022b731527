import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MethodDef } from '../../../shared/contract/method';
import type { UploadLimits } from '../../server/core/upload';
import type { Office } from '../../server/office';

/** A request as a client sends it to a route (tests build theirs from the route itself). */
export type RouteRequest = { verb: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: Buffer | string };

/**
 * One way a contract method travels over HTTP. Every route ends in callThroughGate (electron/host/
 * gate.ts): a route parses the request into method + input (+ file), and writes the envelope or the
 * file back; it never decides who may do what. The route-matrix test walks this table against the
 * contract, so a new route is covered by it without being named there.
 */
export type HostRoute = {
  name: string;
  verb: 'GET' | 'POST';
  /** '/api/' — the method name follows. */
  prefix: string;
  /** The methods this route carries; any other is refused before the gate with not_found. */
  serves: (def: MethodDef) => boolean;
  /** How a client calls `method` with `input` (and a file's bytes, for an upload) on this route. */
  requestFor: (method: string, input: unknown, bytes?: Buffer) => RouteRequest;
  handle: (args: RouteArgs) => Promise<void>;
};

export type RouteArgs = {
  req: IncomingMessage;
  res: ServerResponse;
  office: Office;
  limits: UploadLimits;
  /** The method name from the path, decoded. */
  method: string;
  url: URL;
};
