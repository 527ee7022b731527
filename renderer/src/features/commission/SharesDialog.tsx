import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { formatShareBp, parseShareBp, sharesProblem, WHOLE_BP } from '../../../../shared/commission/shares';
import type { ContractShares } from '../../../../shared/contract/pay-terms';
import { toApiError } from '../../api/ApiError';
import { errorText } from '../../api/errorText';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { FormDialog } from '../../components/FormDialog';
import { pick, useLanguage, useT } from '../../i18n';

type Line = { staffId: number | null; percent: string };

/** Edit a contract's 分成: two or more people, percentages adding to exactly 100 %. */
export function SharesDialog({ shares, onClose, onSaved }: { shares: ContractShares; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message, modal } = App.useApp();
  const staff = useQuery('staff.list', { includeLeft: false });
  const save = useMutation('shares.set');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<Line[]>(() =>
    shares.current.length
      ? shares.current.map((p) => ({ staffId: p.staffId, percent: String(p.shareBp / 100) }))
      : [
          { staffId: shares.staffId, percent: '50' },
          { staffId: null, percent: '50' },
        ],
  );
  const options = (staff.data ?? [])
    .filter((s) => s.role !== 'clerk')
    .map((s) => ({ value: s.id, label: `${s.name}(${s.code})` }));
  const parsed = useMemo(() => lines.map((l) => ({ staffId: l.staffId, shareBp: parseShareBp(l.percent) })), [lines]);
  const sum = parsed.reduce((total, p) => total + (p.shareBp ?? 0), 0);
  const set = (i: number, patch: Partial<Line>) => {
    setError(null);
    setLines((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  };

  const submit = async (parts: { staffId: number; shareBp: number }[]) => {
    try {
      await save.run({ contractId: shares.contractId, parts, note });
      void message.success(t('shares.saved'));
      onSaved();
    } catch (caught) {
      setError(errorText(toApiError(caught), lang));
    }
  };
  const onOk = () => {
    if (parsed.some((p) => p.staffId === null)) return setError(t('shares.pickPerson'));
    if (parsed.some((p) => p.shareBp === null)) return setError(t('shares.percentInvalid'));
    const parts = parsed.map((p) => ({ staffId: p.staffId!, shareBp: p.shareBp! }));
    const problem = sharesProblem(parts);
    if (problem) return setError(pick(problem, lang));
    void submit(parts);
  };

  return (
    <FormDialog
      title={t('shares.title', { number: shares.number })}
      saving={save.running}
      onOk={onOk}
      onClose={onClose}
      error={error}
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('shares.hint')}</Typography.Paragraph>
      <div className="shares-lines" data-testid="shares-dialog">
        {lines.map((line, i) => (
          <Space key={i} style={{ display: 'flex', marginBottom: 8 }}>
            <Select
              aria-label={`${t('shares.person')} ${i + 1}`}
              style={{ width: 240 }}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('shares.pickPerson')}
              options={options}
              value={line.staffId}
              onChange={(v: number) => set(i, { staffId: v })}
            />
            <Input
              aria-label={`${t('shares.percent')} ${i + 1}`}
              style={{ width: 120 }}
              inputMode="decimal"
              suffix="%"
              value={line.percent}
              onChange={(e) => set(i, { percent: e.target.value })}
            />
            <Button
              type="text"
              aria-label={t('payitems.delete')}
              icon={<DeleteOutlined />}
              disabled={lines.length <= 2}
              onClick={() => setLines((all) => all.filter((_, j) => j !== i))}
            />
          </Space>
        ))}
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setLines((all) => [...all, { staffId: null, percent: '' }])}
            disabled={lines.length >= 10}
          >
            {t('shares.addPerson')}
          </Button>
          <Typography.Text type={sum === WHOLE_BP ? 'success' : 'danger'} data-testid="shares-sum">
            {t('shares.sum', { sum: formatShareBp(sum) })}
          </Typography.Text>
        </Space>
      </div>
      <Input
        style={{ marginTop: 12 }}
        aria-label={t('shares.note')}
        placeholder={t('shares.note')}
        maxLength={200}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {shares.current.length > 0 && (
        <Button
          danger
          type="link"
          style={{ paddingLeft: 0, marginTop: 8 }}
          onClick={() =>
            void modal.confirm({
              title: t('shares.clear'),
              content: t('shares.clearConfirm'),
              okText: t('shares.clear'),
              cancelText: t('common.cancel'),
              onOk: () => submit([]),
            })
          }
        >
          {t('shares.clear')}
        </Button>
      )}
    </FormDialog>
  );
}
