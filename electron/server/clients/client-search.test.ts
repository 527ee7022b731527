import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientListRow } from '../../../shared/contract/clients';
import { compactText } from '../../../shared/clients/normalise';
import { callOk, createTestOffice, type TestOffice } from '../testing/test-office';

const ALPHABET = [...'超市华联金鑫超A1'];

/** Search through the FTS5 gram index finds exactly the clients a plain substring test finds. */
describe('client search matches a substring scan', () => {
  let office: TestOffice;
  const clients: { id: number; fields: string[] }[] = [];
  beforeAll(async () => {
    office = createTestOffice();
    const r = fc.sample(
      fc.tuple(
        fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 7 }),
        fc.array(fc.constantFrom(...ALPHABET), { maxLength: 3 }),
      ),
      { numRuns: 60, seed: 42 },
    );
    for (const [i, [name, contact]] of r.entries()) {
      const phone = `139${String(i).padStart(8, '0')}`;
      const c = await callOk<{ id: number }>(office, 'clients.create', {
        kind: 'person',
        name: name.join(''),
        contactName: contact.join(''),
        phones: [phone],
      });
      clients.push({ id: c.id, fields: [name.join(''), contact.join(''), phone] });
    }
  });
  afterAll(async () => {
    await office.dispose();
  });

  it('for 1- to 5-character queries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...ALPHABET, '0', '9'), { minLength: 1, maxLength: 5 }), async (chars) => {
        const q = chars.join('');
        const expected = clients
          .filter((c) => c.fields.some((f) => compactText(f).includes(compactText(q))))
          .map((c) => c.id)
          .sort((a, b) => a - b);
        const page = await callOk<{ rows: ClientListRow[] }>(office, 'clients.list', { search: q, limit: 500 });
        expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
