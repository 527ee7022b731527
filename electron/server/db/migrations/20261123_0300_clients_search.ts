import { searchTokens } from '../../../../shared/clients/search-grams';
import type { Migration } from './types';

/**
 * Client search and the client page query at 100k clients.
 * - client_search: FTS5 over two-character grams of name, contact, phones, WeChat and QQ
 *   (shared/clients/search-grams.ts explains why grams answer 1-, 2- and n-character Chinese
 *   queries from one index). Contentless: the text lives in clients; rowid = clients.id. The
 *   grams are already lower case and space separated, so the plain 'ascii' tokenizer (spaces
 *   split, every non-ASCII character is part of a token) is enough and the fastest.
 * - clients_list: the list's sort key with every filter column, so a page at any offset and its
 *   count walk one index without touching the table. It replaces clients_joined.
 */
export const clientsSearch: Migration = {
  name: '20261123_0300_clients_search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE client_search USING fts5(
        grams, content='', contentless_delete=1, prefix='1', tokenize='ascii'
      );
      DROP INDEX clients_joined;
      CREATE INDEX clients_list ON clients(
        joined_on, id, archived_at, owner_staff_id, level, grade, stage, source, province, city, district
      );
    `);
    const insert = db.prepare('INSERT INTO client_search(rowid, grams) VALUES (?, ?)');
    const phones = db.prepare('SELECT phone FROM client_phones WHERE client_id = ?').pluck();
    const clients = db.prepare('SELECT id, name, contact_name, wechat, qq FROM clients').all() as {
      id: number;
      name: string;
      contact_name: string;
      wechat: string;
      qq: string;
    }[];
    for (const c of clients) {
      insert.run(c.id, searchTokens([c.name, c.contact_name, ...(phones.all(c.id) as string[]), c.wechat, c.qq]));
    }
  },
};
