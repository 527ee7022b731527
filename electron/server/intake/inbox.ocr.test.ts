import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentRow } from '../../../shared/contract/archive';
import type { ClientDetail } from '../../../shared/contract/clients';
import type { DocumentTextView } from '../../../shared/contract/doctext';
import type { InboxView } from '../../../shared/contract/intake';
import { stopOcrWorker } from '../ocr';
import { callOk, createTestOffice } from '../testing/test-office';
import { startInbox } from './inbox.watcher';
import { photoOf, until } from './testing/inbox-files';

const office = createTestOffice();
const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-inbox-ocr-'));
afterAll(async () => {
  stopOcrWorker();
  await office.dispose();
  fs.rmSync(inbox, { recursive: true, force: true });
});

describe('扫描收件箱 with OCR: a phone photo of a signed contract files itself', () => {
  it('the watcher picks the photo up, OCR reads it, it is filed under the right client, kind and date, and two characters find it', async () => {
    // A client name and date drawn per run: nothing below is a fixed expected text.
    const seed = Date.now() % 10_000;
    const surnames = ['赵', '钱', '孙', '李', '周', '吴', '郑', '冯'];
    const given = ['明', '华', '强', '丽', '军', '静', '磊', '洋'];
    const name = `${surnames[seed % 8]}${given[(seed >> 3) % 8]}${given[(seed >> 6) % 8]}`;
    const month = (seed % 12) + 1;
    const day = (seed % 27) + 1;
    const client = await callOk<ClientDetail>(office, 'clients.create', { name });
    await callOk<ClientDetail>(office, 'clients.create', { name: '无关客户甲' });
    await callOk(office, 'inbox.configure', { folder: inbox, autoFile: true });
    const stop = startInbox(office, 300);
    try {
      const photo = await photoOf(
        [
          '网站建设服务合同',
          `甲方:${name}`,
          '乙方:门店通网络科技有限公司',
          `签订日期:2026年${month}月${day}日`,
          '双方签字盖章后生效。',
        ],
        seed,
      );
      // Written in two steps, as a sync app does: the half file must not be read.
      const abs = path.join(inbox, `IMG_${seed}.jpg`);
      fs.writeFileSync(abs, photo.subarray(0, 1000));
      await new Promise((r) => setTimeout(r, 400));
      fs.appendFileSync(abs, photo.subarray(1000));

      const filed = await until(
        'the photo to be filed',
        async () => (await callOk<InboxView>(office, 'inbox.list')).filed.find((i) => i.fileName === `IMG_${seed}.jpg`),
        400_000,
      );
      expect(filed.textSource).toBe('ocr');
      expect(filed.confidence).toBeGreaterThan(0.8);
      const date = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      expect(filed.document).toMatchObject({ clientId: client.id, kindPath: '协议合同', docDate: date });
      expect(fs.existsSync(abs)).toBe(false);
      // Words kept from the inbox's OCR; no second OCR queued for the same file.
      const text = await callOk<DocumentTextView>(office, 'archive.text', { id: filed.document!.id });
      expect(text).toMatchObject({ source: 'ocr', state: 'text' });
      expect(text.ocr?.state ?? 'done').toBe('done');
      const found = await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { search: '盖章' });
      expect(found.rows.map((r) => r.id)).toEqual([filed.document!.id]);
    } finally {
      stop();
    }
  });
});
