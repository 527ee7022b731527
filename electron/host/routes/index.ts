import { apiRoute } from './api';
import { downloadRoute } from './download';
import { uploadRoute } from './upload';
import type { HostRoute } from './types';

/**
 * Every route of the host besides the built renderer's static files. Each carries contract
 * methods to the one gate (electron/host/gate.ts); tests/integration/host-routes.test.ts calls
 * every route × every method it serves × every kind of caller, straight from this table.
 */
export const hostRoutes: readonly HostRoute[] = [apiRoute, uploadRoute, downloadRoute];
