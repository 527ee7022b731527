import { DatePicker, Input, Space, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useQuery } from '../../../api/useQuery';
import { useT } from '../../../i18n';
import { kindTree } from './DocFieldsForm';
import { DocumentTable } from './DocumentTable';
import { FilingPanel } from './FilingPanel';

/** 档案: file new documents, find them by kind, date, client or text, open, edit, delete. */
export function DocumentsTab() {
  const t = useT();
  const kinds = useQuery('archive.kinds');
  const [kindId, setKindId] = useState<number | undefined>();
  const [search, setSearch] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [filed, setFiled] = useState(0);
  const filters = {
    search,
    ...(kindId ? { kindId } : {}),
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
  };
  return (
    <div data-testid="archive-documents">
      <FilingPanel onFiled={() => setFiled((n) => n + 1)} />
      <DocumentTable
        filters={filters}
        reloadKey={filed}
        toolbar={
          <Space wrap>
            <TreeSelect
              aria-label={t('archive.kind')}
              placeholder={t('archive.kind')}
              allowClear
              treeDefaultExpandAll
              style={{ width: 180 }}
              value={kindId}
              treeData={kindTree(kinds.data ?? [])}
              onChange={(v: number | undefined) => setKindId(v)}
            />
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
            <Input.Search
              aria-label={t('archive.search')}
              placeholder={t('archive.search')}
              allowClear
              style={{ width: 320 }}
              onSearch={(v) => setSearch(v)}
            />
          </Space>
        }
      />
    </div>
  );
}
