import { IMPORT_MAX_BYTES } from '../imports/import-report';
import type { UploadSpec } from './method';

/**
 * Spreadsheet imports take the file as raw bytes over HTTP (POST /upload/{method}): the gate reads
 * at most IMPORT_MAX_BYTES and hands them to the import method as `dataBase64`, exactly as the
 * desktop app and the CLI send them in JSON. Declare it on every import method.
 */
export const IMPORT_UPLOAD: UploadSpec = { to: 'field', field: 'dataBase64', maxBytes: IMPORT_MAX_BYTES };
