import { archiveDownloadRoute, archiveUploadRoute } from './archive';
import { importUploadRoute } from './imports';
import type { HostRoute } from './types';

/** Extra routes for streams that do not fit a JSON call. Each area appends its own. */
export const hostRoutes: HostRoute[] = [];
hostRoutes.push(importUploadRoute);
hostRoutes.push(archiveUploadRoute, archiveDownloadRoute);
