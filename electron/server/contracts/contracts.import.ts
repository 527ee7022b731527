import { CONTRACT_STATUS_LABELS, newContractSchema, type ContractStatus } from '../../../shared/contract/contracts';
import { companyNameKey } from '../../../shared/clients/normalise';
import { formatFen } from '../../../shared/money';
import { todayLocal } from '../../../shared/dates';
import { IssueList, type Importer, type RowResult } from '../imports/importer';
import { fieldReaders } from '../imports/field-readers';
import { checkWithSchema, type SchemaColumns } from '../imports/schema-check';
import { loadStaffDirectory } from '../clients/clients.import.repository';
import { CONTRACT_COLUMNS, parseContractStatus, type ContractField } from './contracts.columns';

type ImportedContract = {
  number: string;
  clientId: number;
  staffId: number | null;
  product: string;
  amountFen: number;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: ContractStatus;
  /** An existing contract id, or the number of one earlier in this file. */
  renewalOf: number | string | null;
  notes: string;
};

/** The column each contracts.create input key is read from, for the schema's issues. */
const CONTRACT_SCHEMA_COLUMNS: SchemaColumns<ContractField> = {
  number: 'number',
  clientId: 'client',
  product: 'product',
  amountFen: 'amount',
  signedOn: 'signedOn',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  status: 'status',
  notes: 'notes',
};

const STATUS_HINT = {
  zh: Object.values(CONTRACT_STATUS_LABELS)
    .map((l) => l.zh)
    .join('、'),
  en: Object.values(CONTRACT_STATUS_LABELS)
    .map((l) => l.en)
    .join(', '),
};

export const contractsImporter: Importer<ContractField, ImportedContract> = {
  kind: 'contracts',
  label: { zh: '合同', en: 'contracts' },
  columns: CONTRACT_COLUMNS,
  async prepare(ctx) {
    const staff = await loadStaffDirectory(ctx.db);
    const clients = ctx.sqlite.prepare('SELECT id, kind, name, name_key, owner_staff_id FROM clients').all() as {
      id: number;
      kind: string;
      name: string;
      name_key: string;
      owner_staff_id: number | null;
    }[];
    const byKey = groupBy(
      clients.filter((c) => c.kind === 'company'),
      (c) => c.name_key,
    );
    const byName = groupBy(clients, (c) => c.name.trim());
    const numbers = new Map(
      (ctx.sqlite.prepare('SELECT id, number FROM contracts').all() as { id: number; number: string }[]).map((r) => [
        r.number.toLowerCase(),
        r.id,
      ]),
    );
    const inFile = new Map<string, number>();
    const today = todayLocal(ctx.now());
    return {
      read(cells, row): RowResult<ImportedContract> {
        const issues = new IssueList(cells);
        const f = fieldReaders(cells, issues);
        const number = f.text('number');
        if (number && numbers.has(number.toLowerCase()))
          issues.add('number', `合同编号 ${number} 已存在`, `Contract number ${number} already exists`);
        const earlier = inFile.get(number.toLowerCase());
        if (number && earlier !== undefined)
          issues.add(
            'number',
            `合同编号 ${number} 与本文件第 ${earlier} 行重复`,
            `Contract number ${number} repeats row ${earlier} of this file`,
          );
        const clientName = f.text('client');
        let client: (typeof clients)[number] | undefined;
        if (clientName) {
          const found = byKey.get(companyNameKey(clientName)) ?? byName.get(clientName) ?? [];
          if (found.length === 0)
            issues.add(
              'client',
              `客户"${clientName}"不存在,请先登记或导入该客户`,
              `There is no client "${clientName}"; register or import the client first`,
            );
          else if (found.length > 1)
            issues.add(
              'client',
              `有 ${found.length} 个客户都叫"${clientName}",无法确定是哪一个`,
              `${found.length} clients are called "${clientName}"; cannot tell which one`,
            );
          else client = found[0];
        }
        let staffId = client?.owner_staff_id ?? null;
        const code = cells.text('staffCode');
        const staffName = cells.text('staffName');
        if (code || staffName) {
          const person = code ? staff.byCode.get(code.toLowerCase()) : staff.byName.get(staffName);
          if (person === undefined)
            issues.add(
              code ? 'staffCode' : 'staffName',
              code ? `业务员工号 ${code} 不存在` : `找不到名为"${staffName}"的员工`,
              code ? `There is no staff member with code ${code}` : `No staff member is named "${staffName}"`,
            );
          else if (person === 'ambiguous')
            issues.add(
              'staffName',
              `有多名员工叫"${staffName}",请改填业务员工号`,
              `Several staff members are named "${staffName}"; use the staff code`,
            );
          else staffId = person.id;
        }
        const amountFen = f.amount('amount');
        const signedOn = f.date('signedOn');
        const startsOn = f.date('startsOn');
        const endsOn = f.date('endsOn');
        const status =
          f.choice('status', parseContractStatus, STATUS_HINT) ??
          (signedOn ? (endsOn && endsOn < today ? 'expired' : 'signed') : 'draft');
        const renewalText = cells.text('renewalOf');
        let renewalOf: number | string | null = null;
        if (renewalText) {
          const existing = numbers.get(renewalText.toLowerCase());
          if (existing !== undefined) renewalOf = existing;
          else if (inFile.has(renewalText.toLowerCase())) renewalOf = renewalText.toLowerCase();
          else issues.add('renewalOf', `原合同 ${renewalText} 不存在`, `The renewed contract ${renewalText} does not exist`);
        }
        // The row as contracts.create would receive it; its schema holds every rule (number, amount,
        // dates in order). A renewal of a contract earlier in this file gets its id when written.
        const checked = checkWithSchema(
          newContractSchema,
          {
            number,
            clientId: client?.id ?? null,
            staffId,
            product: f.text('product'),
            amountFen,
            signedOn,
            startsOn,
            endsOn,
            status,
            renewalOfId: typeof renewalOf === 'number' ? renewalOf : null,
            notes: f.text('notes'),
          },
          CONTRACT_SCHEMA_COLUMNS,
          issues,
        );
        if (!issues.ok || !client || !checked) return { ok: false, issues: issues.issues };
        inFile.set(number.toLowerCase(), row);
        return {
          ok: true,
          value: {
            number: checked.number ?? number,
            clientId: checked.clientId,
            staffId: checked.staffId ?? null,
            product: checked.product,
            amountFen: checked.amountFen,
            signedOn: checked.signedOn,
            startsOn: checked.startsOn,
            endsOn: checked.endsOn,
            status: checked.status,
            renewalOf,
            notes: checked.notes,
          },
          preview: () => ({
            number,
            client: client.name,
            staffCode: code || staffName,
            signedOn: signedOn ?? '',
            amount: formatFen(checked.amountFen),
            startsOn: startsOn ?? '',
            endsOn: endsOn ?? '',
            status: CONTRACT_STATUS_LABELS[status].zh,
          }),
        };
      },
      write(_trx, c, rows) {
        const stamp = c.now().toISOString();
        const insert = c.sqlite.prepare(
          `INSERT INTO contracts (number, client_id, staff_id, product, amount_fen, signed_on, starts_on, ends_on, status, renewal_of_id, notes, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        const ids = new Map<string, number>();
        for (const { value: k } of rows) {
          const renewalOf = typeof k.renewalOf === 'string' ? (ids.get(k.renewalOf) ?? null) : k.renewalOf;
          const id = Number(
            insert.run(
              k.number,
              k.clientId,
              k.staffId,
              k.product,
              k.amountFen,
              k.signedOn,
              k.startsOn,
              k.endsOn,
              k.status,
              renewalOf,
              k.notes,
              stamp,
              stamp,
            ).lastInsertRowid,
          );
          ids.set(k.number.toLowerCase(), id);
        }
        return rows.length;
      },
    };
  },
};

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
