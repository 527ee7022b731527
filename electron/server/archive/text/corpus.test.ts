import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRow, FilingResult } from '../../../../shared/contract/archive';
import { callOk, createTestOffice, type TestOffice } from '../../testing/test-office';
import { extractDocumentText } from './extract-text';

type Expectation = { file: string; state: 'text' | 'none' | 'encrypted'; words: string[]; absent?: string[]; why?: string };

const repo = path.resolve(import.meta.dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'tests/fixtures/documents/corpus.json'), 'utf8')) as {
  files: Expectation[];
};

/** The real-document corpus (tests/fixtures/documents/SOURCES.md says where its files come from). */
function corpusDir(): string | null {
  const candidates = [
    process.env.DOCUMENT_CORPUS,
    path.join(repo, 'tests/fixtures/documents/files'),
    path.join(repo, '../shared/fixtures/documents'),
  ];
  for (const dir of candidates) if (dir && manifest.files.every((f) => fs.existsSync(path.join(dir, f.file)))) return dir;
  return null;
}
const dir = corpusDir();
if (!dir)
  console.warn(
    [
      "SKIPPED: real-document corpus not found — its files are not in the repository (public projects' files, see",
      'tests/fixtures/documents/SOURCES.md). Point DOCUMENT_CORPUS at a folder holding the files corpus.json lists to run it.',
      'Every format is still covered by produced-documents.test.ts (files LibreOffice and Chromium write at test time).',
    ].join('\n'),
  );

describe.skipIf(!dir)(`real documents from public projects (16.11–15)${dir ? '' : ': SKIPPED, set DOCUMENT_CORPUS'}`, () => {
  it('has at least 30 of them, of every format the archive reads', () => {
    expect(manifest.files.length).toBeGreaterThanOrEqual(30);
    const exts = new Set(manifest.files.map((f) => path.extname(f.file)));
    expect([...exts].sort()).toEqual(['.doc', '.docx', '.odt', '.pdf', '.pptx', '.rtf', '.xlsx']);
  });

  for (const f of manifest.files)
    it(`${f.file}: ${f.state}${f.words.length ? ` with ${f.words.join(', ')}` : ''}`, async () => {
      const got = await extractDocumentText(path.join(dir!, f.file), path.extname(f.file).slice(1));
      expect(got.state).toBe(f.state);
      for (const w of f.words) expect(got.text).toContain(w);
      for (const w of f.absent ?? []) expect(got.text).not.toContain(w);
      if (f.state === 'none') expect(got.needsOcr).toBe(true);
    });

  describe('filed into an office, each is found by its words', () => {
    let office: TestOffice;
    const ids = new Map<string, number>();
    beforeAll(async () => {
      office = createTestOffice();
      for (const f of manifest.files) {
        const r = await callOk<FilingResult>(office, 'archive.fileLocal', {
          sourcePath: path.join(dir!, f.file),
          onDuplicate: 'keep',
        });
        ids.set(f.file, (r as { document: DocumentRow }).document.id);
      }
    }, 120_000);
    afterAll(() => office.dispose());

    it('every expected word finds its document, and encrypted PDFs are marked', async () => {
      for (const f of manifest.files) {
        for (const w of f.words) {
          const found = await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { search: w, limit: 500 });
          expect(
            found.rows.map((r) => r.id),
            `${w} in ${f.file}`,
          ).toContain(ids.get(f.file));
        }
        const row = await callOk<DocumentRow>(office, 'archive.get', { id: ids.get(f.file) });
        expect(row.textState, f.file).toBe(f.state);
      }
    });
  });
});
