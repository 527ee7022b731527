import { z } from 'zod';

/**
 * manifest.json of one backup: which program schema wrote it, the database file's hash, and
 * every archived file the database records (path, size, SHA-256). `unavailable` marks a file
 * the office itself had lost ('missing') or whose content no longer matched its record
 * ('changed') when the backup was taken and that no earlier backup in the folder had: the
 * backup says so instead of claiming a copy it does not have.
 */
export const MANIFEST_FORMAT = 2;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestFileSchema = z.strictObject({
  relPath: z.string().min(1).max(4000),
  size: z.number().int().min(0),
  sha256,
  unavailable: z.enum(['missing', 'changed']).optional(),
});

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  createdAt: z.string(),
  schema: z.array(z.string()),
  database: z.strictObject({ size: z.number().int().min(0), sha256 }),
  documents: z.number().int().min(0),
  files: z.array(manifestFileSchema),
});

export type ManifestFile = z.infer<typeof manifestFileSchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/**
 * A manifest path must stay inside the archive: relative, '/'-separated, no empty, '.' or '..'
 * component, no drive letter or UNC prefix, no backslash, no control character. Checked before
 * any file is read or written for it (absInside checks links on the way at the moment of use).
 */
export function isSafeRelPath(relPath: string): boolean {
  if (relPath.startsWith('/') || relPath.includes('\\')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(relPath)) return false;
  const parts = relPath.split('/');
  return parts.every((p) => p.length > 0 && p !== '.' && p !== '..' && !/^[a-zA-Z]:/.test(p) && !/:/.test(p));
}
