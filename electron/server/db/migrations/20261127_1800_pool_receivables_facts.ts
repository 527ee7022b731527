import type { Migration } from './types';

/**
 * What the 公海 rules read, kept on the client row so the daily job asks one index instead of
 * three per client (measured at 100k clients / 1.1M follow-ups: `npm run bench -- --only pool`):
 * - last_follow_up_on: the latest follow-up's date, kept by triggers on follow_ups;
 * - last_signed_on: the latest signed, not cancelled contract's date, kept by triggers on contracts;
 * - owned_at: when the current owner got the client (the moment the owner last changed: the
 *   row's updated_at of that write), kept by a trigger on clients.
 * Every path that writes those tables (forms, imports, merges, pool moves) keeps them right
 * without knowing about them. clients_pool_facts covers the job's whole filter.
 *
 * The receivables index becomes covering: the lists and the aging report read a contract's
 * number, parties, amounts and dates from it, not from 300k scattered table rows.
 */
export const poolReceivablesFacts: Migration = {
  name: '20261127_1800_pool_receivables_facts',
  up(db) {
    db.exec(`
      ALTER TABLE clients ADD COLUMN last_follow_up_on TEXT;
      ALTER TABLE clients ADD COLUMN last_signed_on TEXT;
      ALTER TABLE clients ADD COLUMN owned_at TEXT;
      UPDATE clients SET
        last_follow_up_on = (SELECT max(f.happened_on) FROM follow_ups f WHERE f.client_id = clients.id),
        last_signed_on = (SELECT max(k.signed_on) FROM contracts k
                          WHERE k.client_id = clients.id AND k.signed_on IS NOT NULL AND k.status != 'cancelled'),
        owned_at = (SELECT max(h.changed_at) FROM client_owner_history h
                    WHERE h.client_id = clients.id AND h.to_staff_id IS clients.owner_staff_id);

      CREATE TRIGGER follow_ups_last_insert AFTER INSERT ON follow_ups BEGIN
        UPDATE clients SET last_follow_up_on = NEW.happened_on
        WHERE id = NEW.client_id AND (last_follow_up_on IS NULL OR last_follow_up_on < NEW.happened_on);
      END;
      CREATE TRIGGER follow_ups_last_update AFTER UPDATE OF happened_on, client_id ON follow_ups BEGIN
        UPDATE clients SET last_follow_up_on = (SELECT max(f.happened_on) FROM follow_ups f WHERE f.client_id = clients.id)
        WHERE id IN (OLD.client_id, NEW.client_id);
      END;
      CREATE TRIGGER follow_ups_last_delete AFTER DELETE ON follow_ups BEGIN
        UPDATE clients SET last_follow_up_on = (SELECT max(f.happened_on) FROM follow_ups f WHERE f.client_id = OLD.client_id)
        WHERE id = OLD.client_id;
      END;
      CREATE TRIGGER contracts_last_signed_insert AFTER INSERT ON contracts
      WHEN NEW.signed_on IS NOT NULL AND NEW.status != 'cancelled' BEGIN
        UPDATE clients SET last_signed_on = NEW.signed_on
        WHERE id = NEW.client_id AND (last_signed_on IS NULL OR last_signed_on < NEW.signed_on);
      END;
      CREATE TRIGGER contracts_last_signed_update AFTER UPDATE OF signed_on, status, client_id ON contracts BEGIN
        UPDATE clients SET last_signed_on = (SELECT max(k.signed_on) FROM contracts k
                                             WHERE k.client_id = clients.id AND k.signed_on IS NOT NULL AND k.status != 'cancelled')
        WHERE id IN (OLD.client_id, NEW.client_id);
      END;
      CREATE TRIGGER clients_owned_at AFTER UPDATE OF owner_staff_id ON clients
      WHEN OLD.owner_staff_id IS NOT NEW.owner_staff_id BEGIN
        UPDATE clients SET owned_at = NEW.updated_at WHERE id = NEW.id;
      END;
      CREATE INDEX clients_pool_facts ON clients(
        owner_staff_id, level, archived_at, joined_on, last_follow_up_on, last_signed_on, owned_at
      );

      DROP INDEX contracts_receivable;
      CREATE INDEX contracts_receivable ON contracts(staff_id, client_id, amount_fen, paid_fen, number, signed_on, starts_on, created_at)
        WHERE amount_fen > paid_fen AND status IN ('signed','active','expired');
    `);
  },
};
