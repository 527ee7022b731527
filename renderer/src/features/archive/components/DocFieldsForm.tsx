import { DatePicker, Input, Select, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { DocFields, KindRow } from '../../../../../shared/contract/archive';
import { useQuery } from '../../../api/useQuery';
import { useT } from '../../../i18n';

/** 母目录 with their 子目录 as a tree for the kind picker. */
export function kindTree(kinds: readonly KindRow[]) {
  return kinds
    .filter((k) => k.parentId === null)
    .map((m) => ({
      value: m.id,
      title: m.name,
      children: kinds.filter((k) => k.parentId === m.id).map((s) => ({ value: s.id, title: s.name })),
    }));
}

function withKnown(options: { value: number; label: string }[], known: { id: number; name: string } | undefined) {
  if (!known || options.some((o) => o.value === known.id)) return options;
  return [{ value: known.id, label: known.name }, ...options];
}

/** The 母目录 › 子目录 picker, for filing and for filtering the list. */
export function KindSelect({ value, onChange }: { value: number | undefined; onChange: (v: number | undefined) => void }) {
  const t = useT();
  const kinds = useQuery('archive.kinds');
  return (
    <TreeSelect
      aria-label={t('archive.kind')}
      placeholder={t('archive.kind')}
      allowClear
      treeDefaultExpandAll
      style={{ width: 180 }}
      value={value}
      treeData={kindTree(kinds.data ?? [])}
      onChange={onChange}
    />
  );
}

/** Kind, client, contract, date and (optionally) title — for a batch of files or one document. */
export function DocFieldsForm({
  value,
  onChange,
  withTitle,
  knownClient,
  labelled = false,
}: {
  value: DocFields;
  onChange: (v: DocFields) => void;
  withTitle: boolean;
  /** A label over each field (the 编辑档案 dialog); the filing bar stays a compact row of placeholders. */
  labelled?: boolean;
  /** The client already chosen (a client's own 档案 tab, or the document being edited), so it shows by name. */
  knownClient?: { id: number; name: string } | undefined;
}) {
  const t = useT();
  const [clientSearch, setClientSearch] = useState('');
  const clients = useQuery('clients.list', { search: clientSearch, limit: 20 });
  const contracts = useQuery(
    'contracts.list',
    value.clientId ? { clientId: value.clientId, limit: 100 } : { limit: 1, search: '\u0000' },
  );
  const field = (label: string, control: React.ReactNode) =>
    labelled ? (
      <div className="doc-field">
        <div className="doc-field-label">{label}</div>
        {control}
      </div>
    ) : (
      control
    );
  return (
    <div className={labelled ? 'archive-fields archive-fields-labelled' : 'archive-fields'}>
      {field(
        t('archive.kind'),
        <KindSelect value={value.kindId ?? undefined} onChange={(v) => onChange({ ...value, kindId: v ?? null })} />,
      )}
      {field(
        t('archive.client'),
        <Select
          aria-label={t('archive.client')}
          placeholder={t('archive.client')}
          allowClear
          showSearch
          filterOption={false}
          style={{ width: 220 }}
          value={value.clientId ?? undefined}
          onSearch={setClientSearch}
          options={withKnown(
            (clients.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name })),
            knownClient,
          )}
          onChange={(v: number | undefined) => onChange({ ...value, clientId: v ?? null, contractId: null })}
        />,
      )}
      {field(
        t('archive.contract'),
        <Select
          aria-label={t('archive.contract')}
          placeholder={t('archive.contract')}
          allowClear
          disabled={!value.clientId}
          style={{ width: 170 }}
          value={value.contractId ?? undefined}
          options={(value.clientId ? (contracts.data?.rows ?? []) : []).map((k) => ({ value: k.id, label: k.number }))}
          onChange={(v: number | undefined) => onChange({ ...value, contractId: v ?? null })}
        />,
      )}
      {field(
        t('archive.date'),
        <DatePicker
          aria-label={t('archive.date')}
          placeholder={t('archive.date')}
          value={value.docDate ? dayjs(value.docDate) : null}
          onChange={(d) => onChange({ ...value, ...(d ? { docDate: d.format('YYYY-MM-DD') } : { docDate: undefined }) })}
        />,
      )}
      {withTitle &&
        field(
          t('archive.titleField'),
          <Input
            aria-label={t('archive.titleField')}
            placeholder={t('archive.titleField')}
            style={{ width: 220 }}
            value={value.title ?? ''}
            onChange={(e) => onChange({ ...value, title: e.target.value })}
          />,
        )}
    </div>
  );
}
