import { Alert, Button, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { FileColumn, ImportReport } from '../../../../shared/imports/import-report';
import { useLanguage, useT } from '../../i18n';

type Props = {
  report: ImportReport;
  busy: boolean;
  onApply: (columnMap: Record<string, string>) => void;
};

/**
 * 列对应: every column of the file with what it is imported as. Columns the import did not
 * recognise are never dropped silently — they are listed here with their values, and can be
 * given a field (or left out on purpose); the choice is checked again at once.
 */
export function ColumnMapping({ report, busy, onApply }: Props) {
  const t = useT();
  const { lang } = useLanguage();
  const initial = useMemo(
    () => Object.fromEntries(report.fileColumns.map((c) => [c.key, c.field ?? ''])) as Record<string, string>,
    [report.fileColumns],
  );
  const [choice, setChoice] = useState<Record<string, string>>(initial);
  const changed = report.fileColumns.some((c) => (choice[c.key] ?? '') !== (c.field ?? ''));
  const options = [
    { value: '', label: t('imports.col.notImported') },
    ...report.fields.map((f) => {
      const label = lang === 'en' ? f.labelEn : f.label;
      return { value: f.field, label: f.required ? t('imports.col.required', { label }) : label };
    }),
  ];
  const unknown = report.fileColumns.filter((c) => c.match === 'unknown').length;
  return (
    <div className="import-mapping">
      <Typography.Paragraph type="secondary">
        {t('imports.columnsHint')}{' '}
        <Tag color={report.mappingSource === 'auto' ? 'default' : 'blue'}>{t(`imports.mapping.${report.mappingSource}`)}</Tag>
        {unknown > 0 && <Tag color="orange">{t('imports.columnsUnknown', { count: unknown })}</Tag>}
      </Typography.Paragraph>
      {report.columnProblems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="error-alert"
          title={t('imports.columnProblems')}
          description={report.columnProblems.map((p) => (lang === 'en' ? p.messageEn : p.message)).join(' ')}
        />
      )}
      <Table<FileColumn>
        className="import-columns"
        size="small"
        rowKey="key"
        dataSource={report.fileColumns}
        pagination={false}
        scroll={{ y: 320 }}
        rowClassName={(c) => (c.match === 'unknown' && !(choice[c.key] ?? '') ? 'import-column-unknown' : '')}
        columns={[
          { key: 'letter', title: t('imports.col.letter'), width: 70, render: (_, c) => c.letters.join('–') },
          {
            key: 'header',
            title: t('imports.col.header'),
            width: 200,
            ellipsis: true,
            render: (_, c) => c.header || <Typography.Text type="secondary">{t('imports.col.noHeader')}</Typography.Text>,
          },
          { key: 'samples', title: t('imports.col.samples'), ellipsis: true, render: (_, c) => c.samples.join(' · ') },
          {
            key: 'field',
            title: t('imports.col.field'),
            width: 210,
            render: (_, c) => (
              <Select
                size="small"
                className="import-column-select"
                data-column={c.key}
                style={{ width: '100%' }}
                value={choice[c.key] ?? ''}
                options={options}
                // Thirty-odd fields: typing 备注 beats scrolling for it.
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(value: string) => setChoice((prev) => ({ ...prev, [c.key]: value }))}
              />
            ),
          },
        ]}
      />
      <Button
        type={changed ? 'primary' : 'default'}
        disabled={!changed}
        loading={busy}
        onClick={() => onApply(choice)}
        className="import-apply-mapping"
      >
        {t('imports.applyMapping')}
      </Button>
    </div>
  );
}
