// Filing respects the caller's scope whoever calls it (the routes only let office roles file,
// but the rule lives here): no client name by id, no other person's record through a duplicate,
// no link to a client the caller may not see; and the disk's free margin on a real disk.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withActor } from '../office';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { staffActor } from '../testing/office-fixtures';
import { fileStream } from './filing.service';
import { diskFreeBytes } from './archive-fs';
import type { Actor } from '../../../shared/roles';

let office: TestOffice;
beforeEach(() => {
  office = createTestOffice();
});
afterEach(() => office.dispose());

const bytes = (text: string) => Readable.from([Buffer.from(text)]);
const caught = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: Error & { code?: string }) => e,
  );

describe("filing within the caller's scope", () => {
  it("a salesperson learns no other client's name, sees no other record, links to no other client", async () => {
    const seller = (await staffActor(office, 'S001', '张伟')).actor;
    const mine = await callOk<{ id: number }>(office, 'clients.create', { name: '我的客户', ownerStaffId: seller.staffId });
    const theirs = await callOk<{ id: number }>(office, 'clients.create', { name: '别人的保密客户' });
    const ctx = withActor(office, seller);
    const other = await caught(
      fileStream(ctx, bytes('x'), {
        originalName: 'a.txt',
        fields: { kindId: null, clientId: theirs.id, contractId: null },
        onDuplicate: 'ask',
      }),
    );
    expect(other?.code).toBe('not_found');
    expect(String(other?.message)).not.toContain('别人的保密客户');
    // Someone else filed this content for another client: the salesperson hears only that it exists.
    await fileStream(withActor(office, owner), bytes('the same content'), {
      originalName: 'secret.pdf',
      fields: { kindId: null, clientId: theirs.id, contractId: null },
      onDuplicate: 'ask',
    });
    for (const onDuplicate of ['ask', 'skip', 'link'] as const) {
      const dup = await caught(
        fileStream(ctx, bytes('the same content'), {
          originalName: 'mine.pdf',
          fields: { kindId: null, clientId: mine.id, contractId: null },
          onDuplicate,
        }),
      );
      expect(dup?.code, onDuplicate).toBe('conflict');
      expect(JSON.stringify(dup), onDuplicate).not.toMatch(/secret|别人的保密客户/);
    }
    expect(office.sqlite.prepare('SELECT count(*) FROM document_links').pluck().get()).toBe(0);
    const list = await office.call({ ...seller } as Actor, 'archive.list', {});
    expect(list.ok && (list.value as { total: number }).total).toBe(0);
  });

  it('refuses to file when the real disk would drop under the margin, keeping nothing', async () => {
    const source = path.join(office.dir, 'scan.pdf');
    fs.writeFileSync(source, Buffer.alloc(64 * 1024, 1));
    const root = office.archiveRoot();
    fs.mkdirSync(root, { recursive: true });
    const free = diskFreeBytes(root);
    expect(free).toBeGreaterThan(0);
    const cli = { ...owner, via: 'cli' as const };
    const answer = await office.call(
      cli,
      'archive.fileLocal',
      { sourcePath: source, fields: {} },
      {
        limits: { maxUploadBytes: 1e12, minFreeBytes: free + 1024 ** 3 },
      },
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(answer.ok ? '' : `${answer.error.message} ${answer.error.messageEn}`).toMatch(/磁盘空间不足.*Not enough disk space/);
    expect(office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    expect(fs.readdirSync(path.join(root, '.staging'))).toEqual([]);
  });
});
