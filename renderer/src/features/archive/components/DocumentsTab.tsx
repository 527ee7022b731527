import { DatePicker, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../../app/permissions';
import { useT } from '../../../i18n';
import { KindSelect } from './DocFieldsForm';
import { DocumentTable } from './DocumentTable';
import { FilingPanel } from './FilingPanel';
import { OcrQueueBar } from './OcrQueueBar';

/** 档案: file new documents, find them by kind, date, client or text, open, edit, delete. */
export function DocumentsTab() {
  const t = useT();
  const [kindId, setKindId] = useState<number | undefined>();
  const [search, setSearch] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [filed, setFiled] = useState(0);
  const canSeeOcr = useCan('ocr.status');
  const canFile = useCan('archive.fileLocal');
  const filters = {
    search,
    ...(kindId ? { kindId } : {}),
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
  };
  return (
    <div data-testid="archive-documents">
      {canFile && <FilingPanel onFiled={() => setFiled((n) => n + 1)} />}
      {canSeeOcr && <OcrQueueBar onChanged={() => setFiled((n) => n + 1)} />}
      <DocumentTable
        filters={filters}
        reloadKey={filed}
        toolbar={
          <Space wrap>
            <KindSelect value={kindId} onChange={setKindId} />
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
