import type { ClientFilters } from '../../../shared/contract/clients';
import type { Selectable } from 'kysely';
import type { ClientsTable } from '../db/schema';
import {
  GRADES,
  LEVEL_LABELS,
  SOURCE_LABELS,
  STAGE_LABELS,
  VALUE_TYPE_LABELS,
  type ClientLevel,
  type ClientSource,
  type SalesStage,
  type ValueType,
} from '../../../shared/clients/classification';
import type { ExportFile, ExportFormat } from '../../../shared/imports/export-file';
import { todayLocal } from '../../../shared/dates';
import type { CallContext } from '../core/context';
import { exportFile, type TableColumn } from '../imports/write-table';
import { CLIENT_COLUMNS, CLIENT_TEXT_FIELDS, isClientTextField, type ClientField, type ClientTextField } from './clients.columns';
import { scopedOwnerId } from './client-scope';
import { clientOrderSql, clientWhere } from './client-list.query';

/** The export query's row: the plain text columns (CLIENT_TEXT_FIELDS) and what needs its own words. */
type ExportRow = Pick<
  Selectable<ClientsTable>,
  | (typeof CLIENT_TEXT_FIELDS)[ClientTextField]['column']
  | 'kind'
  | 'name'
  | 'source'
  | 'level'
  | 'grade'
  | 'stage'
  | 'value_type'
  | 'joined_on'
  | 'birthday'
  | 'anniversary'
> & {
  phones: string | null;
  owner_code: string | null;
  owner_name: string | null;
};

const TEXT_COLUMNS_SQL = Object.values(CLIENT_TEXT_FIELDS)
  .map((t) => `c.${t.column}`)
  .join(', ');

/** Every client of the filtered list, in the list's order, with the same headers import reads. */
export async function exportClients(ctx: CallContext, filters: ClientFilters, format: ExportFormat): Promise<ExportFile> {
  const where = clientWhere(filters, scopedOwnerId(ctx.actor));
  const order = clientOrderSql(filters.sort);
  const rows = ctx.sqlite
    .prepare(
      `SELECT c.kind, c.name, (SELECT group_concat(p.phone, ' / ') FROM client_phones p WHERE p.client_id = c.id) AS phones,
              ${TEXT_COLUMNS_SQL}, c.source, c.level, c.grade, c.stage, c.value_type, c.joined_on,
              s.code AS owner_code, s.name AS owner_name, c.birthday, c.anniversary
       FROM clients c LEFT JOIN staff s ON s.id = c.owner_staff_id ${where.sql} ORDER BY ${order}`,
    )
    .all(...where.params) as ExportRow[];
  const columns: TableColumn[] = CLIENT_COLUMNS.filter((c) => c.field !== 'region').map((c) => ({
    header: c.label,
    width: WIDTHS[c.field] ?? 12,
  }));
  const fields = CLIENT_COLUMNS.filter((c) => c.field !== 'region').map((c) => c.field);
  const data = rows.map((r) => fields.map((f) => cellFor(f, r)));
  return exportFile(format, `客户档案-${todayLocal(ctx.now())}`, '客户档案', columns, data);
}

const WIDTHS: Partial<Record<ClientField, number>> = {
  name: 30,
  phone: 28,
  address: 30,
  notes: 30,
  source: 18,
  level: 10,
  joinedOn: 12,
};

function cellFor(field: ClientField, r: ExportRow): string {
  if (isClientTextField(field)) return r[CLIENT_TEXT_FIELDS[field].column];
  switch (field) {
    case 'name':
      return r.name;
    case 'kind':
      return r.kind === 'person' ? '个人' : '公司';
    case 'phone':
      return r.phones ?? '';
    case 'region':
      return '';
    case 'source':
      return SOURCE_LABELS[r.source as ClientSource]?.zh ?? r.source;
    case 'level':
      return LEVEL_LABELS[r.level as ClientLevel]?.short ?? String(r.level);
    case 'grade':
      return (GRADES as readonly string[]).includes(r.grade) ? r.grade : '';
    case 'stage':
      return STAGE_LABELS[r.stage as SalesStage]?.zh ?? r.stage;
    case 'valueType':
      return VALUE_TYPE_LABELS[r.value_type as ValueType]?.zh ?? '';
    case 'joinedOn':
      return r.joined_on;
    case 'ownerCode':
      return r.owner_code ?? '';
    case 'ownerName':
      return r.owner_name ?? '';
    case 'birthday':
      return r.birthday ?? '';
    case 'anniversary':
      return r.anniversary ?? '';
  }
}
