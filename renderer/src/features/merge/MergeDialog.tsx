import { App, Modal, Radio, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { ClientDetail } from '../../../../shared/contract/clients';
import { COMBINABLE_FIELDS, MERGE_FIELDS, MERGE_FIELD_LABELS, type MergeField } from '../../../../shared/clients/merge-fields';
import { toApiError, type ApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { useLabel } from '../../hooks/useLabel';
import { mergeValueText } from './mergeValues';

type Choice = number | 'all';

/**
 * 合并客户: pick the client whose file is kept, then field by field whose value stays (phones and
 * notes may be kept from all). Shows what will move before anything is done.
 */
export function MergeDialog({ clientIds, onClose, onDone }: { clientIds: number[]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const [keepId, setKeepId] = useState(clientIds[0]!);
  const [choose, setChoose] = useState<Partial<Record<MergeField, Choice>>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mergeIds = clientIds.filter((id) => id !== keepId);
  const preview = useQuery('merge.preview', { keepId, mergeIds });
  const clients = useMemo(() => {
    const byId = new Map((preview.data?.clients ?? []).map((c) => [c.id, c]));
    return clientIds.map((id) => byId.get(id)).filter((c): c is ClientDetail => c !== undefined);
  }, [preview.data, clientIds]);

  const chosen = (field: MergeField): Choice => choose[field] ?? keepId;
  const apply = async (): Promise<void> => {
    setSaving(true);
    setError(null);
    try {
      const done = await call('merge.apply', { keepId, mergeIds, choose });
      void message.success(t('merge.done', { name: done.kept.name, refiled: done.refiled }));
      if (done.refileProblems.length > 0) void message.warning(t('merge.refileProblems', { count: done.refileProblems.length }));
      onDone();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<{ field: MergeField }> = [
    { key: 'field', title: t('merge.field'), width: 96, render: (_, r) => label(MERGE_FIELD_LABELS[r.field]) },
    ...clients.map((c) => ({
      key: String(c.id),
      title: (
        <Radio checked={keepId === c.id} onChange={() => (setKeepId(c.id), setChoose({}))} data-testid={`keep-${c.id}`}>
          {t('merge.keep')} · {c.name}
        </Radio>
      ),
      render: (_: unknown, r: { field: MergeField }) => {
        const text = mergeValueText(c, r.field, label);
        return (
          <Radio checked={chosen(r.field) === c.id} onChange={() => setChoose((old) => ({ ...old, [r.field]: c.id }))}>
            {text ? <span className="merge-value">{text}</span> : <span className="muted">{t('merge.empty.value')}</span>}
          </Radio>
        );
      },
    })),
    {
      key: 'all',
      title: t('merge.all'),
      width: 110,
      render: (_, r) =>
        (COMBINABLE_FIELDS as readonly MergeField[]).includes(r.field) ? (
          <Radio
            checked={chosen(r.field) === 'all'}
            onChange={() => setChoose((old) => ({ ...old, [r.field]: 'all' }))}
            aria-label={`${label(MERGE_FIELD_LABELS[r.field])} · ${t('merge.all')}`}
          />
        ) : null,
    },
  ];
  const moves = preview.data?.moves;
  return (
    <Modal
      open
      title={t('merge.title')}
      width={1100}
      okText={t('merge.ok')}
      okButtonProps={{ danger: true, disabled: !preview.data }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void apply()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('merge.hint')}</Typography.Paragraph>
      <ErrorAlert error={error ?? preview.error} />
      {moves && (
        <Typography.Paragraph strong data-testid="merge-moves">
          {t('merge.moves', { ...moves })}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        loading={preview.loading}
        columns={columns}
        dataSource={MERGE_FIELDS.map((field) => ({ field }))}
        scroll={{ y: 420 }}
        className="merge-table"
        data-testid="merge-table"
      />
    </Modal>
  );
}
