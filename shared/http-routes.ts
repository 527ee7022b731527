/**
 * How a browser addresses the host's gated routes. Every one ends in the same dispatch gate;
 * they differ only in how the call travels:
 * - POST /api/{method}            JSON input in the body;
 * - POST /upload/{method}?input=  a file's raw bytes in the body (application/octet-stream), the
 *                                 JSON input in the query — for methods declared with `upload`;
 * - GET  /files/{method}?input=   the answer is a file, streamed — for methods declared `download`.
 */
export const API_PREFIX = '/api/';
export const UPLOAD_PREFIX = '/upload/';
export const FILES_PREFIX = '/files/';

function withInput(prefix: string, method: string, input: unknown): string {
  return `${prefix}${encodeURIComponent(method)}?input=${encodeURIComponent(JSON.stringify(input ?? {}))}`;
}

export function uploadPath(method: string, input: unknown): string {
  return withInput(UPLOAD_PREFIX, method, input);
}

export function filePath(method: string, input: unknown): string {
  return withInput(FILES_PREFIX, method, input);
}
