import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Input, InputNumber, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ContractSchedule } from '../../../../shared/contract/receivables';
import { formatFen, parseYuanToFen } from '../../../../shared/money';
import { presetSchedule, type SchedulePreset } from '../../../../shared/receivables/schedule';
import { toApiError, type ApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';

type Row = { key: number; dueOn: Dayjs | null; amountYuan: string; note: string };

let nextKey = 1;
const rowOf = (dueOn: string, amountFen: number, note = ''): Row => ({
  key: nextKey++,
  dueOn: dayjs(dueOn),
  amountYuan: formatFen(amountFen).replace(/,/g, ''),
  note,
});

/**
 * Edit a 回款计划: fill it from a preset (一次付清, 两期 50/50, 按月 × N) then change any date,
 * amount or note. The total against the contract is shown as you type; the core checks again
 * (over the contract, before signing) and nothing is saved unless all of it is right.
 */
export function ScheduleEditor({
  schedule,
  onClose,
  onSaved,
}: {
  schedule: ContractSchedule;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const start = schedule.signedOn ?? dayjs().format('YYYY-MM-DD');
  const [rows, setRows] = useState<Row[]>(() =>
    schedule.instalments.length > 0
      ? schedule.instalments.map((i) => rowOf(i.dueOn, i.amountFen, i.note))
      : presetSchedule('once', schedule.amountFen, start).map((p) => rowOf(p.dueOn, p.amountFen)),
  );
  const [months, setMonths] = useState(12);
  const [firstDue, setFirstDue] = useState<Dayjs>(dayjs(start));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const fill = (preset: SchedulePreset): void =>
    setRows(
      presetSchedule(preset, schedule.amountFen, firstDue.format('YYYY-MM-DD'), {
        count: months,
        everyMonths: 1,
      }).map((p) => rowOf(p.dueOn, p.amountFen)),
    );
  const change = (key: number, patch: Partial<Row>): void =>
    setRows((old) => old.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const totalFen = rows.reduce((sum, r) => sum + (parseYuanToFen(r.amountYuan) ?? 0), 0);
  const diff = totalFen - schedule.amountFen;

  const save = async (): Promise<void> => {
    setSaving(true);
    setError(null);
    try {
      await call('schedules.set', {
        contractId: schedule.contractId,
        instalments: rows.map((r) => ({
          dueOn: r.dueOn ? r.dueOn.format('YYYY-MM-DD') : '',
          amountFen: parseYuanToFen(r.amountYuan) ?? 0,
          note: r.note,
        })),
      });
      void message.success(t('schedule.saved'));
      onSaved();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('schedule.editTitle', { number: schedule.number })}
      width={760}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <ErrorAlert error={error} />
      <Space wrap className="toolbar" data-testid="schedule-presets">
        <Typography.Text>{t('schedule.preset')}</Typography.Text>
        <DatePicker
          value={firstDue}
          onChange={(d) => d && setFirstDue(d)}
          allowClear={false}
          aria-label={t('schedule.firstDue')}
        />
        <Button onClick={() => fill('once')}>{t('schedule.preset.once')}</Button>
        <Button onClick={() => fill('halves')}>{t('schedule.preset.halves')}</Button>
        <Space.Compact>
          <InputNumber min={2} max={120} value={months} onChange={(v) => setMonths(v ?? 12)} aria-label={t('schedule.months')} />
          <Button onClick={() => fill('monthly')}>{t('schedule.preset.monthly')}</Button>
        </Space.Compact>
        <Button onClick={() => setRows([])}>{t('schedule.clear')}</Button>
      </Space>
      <div className="schedule-rows" data-testid="schedule-rows">
        {rows.map((r, i) => (
          <div key={r.key} className="form-grid-schedule">
            <Typography.Text type="secondary">{i + 1}</Typography.Text>
            <DatePicker
              value={r.dueOn}
              onChange={(d) => change(r.key, { dueOn: d })}
              allowClear={false}
              aria-label={`${t('schedule.dueOn')} ${i + 1}`}
            />
            <Input
              prefix="¥"
              value={r.amountYuan}
              onChange={(e) => change(r.key, { amountYuan: e.target.value })}
              inputMode="decimal"
              aria-label={`${t('schedule.instalment')} ${i + 1}`}
            />
            <Input
              value={r.note}
              maxLength={200}
              placeholder={t('schedule.note')}
              onChange={(e) => change(r.key, { note: e.target.value })}
            />
            <Button
              icon={<DeleteOutlined />}
              onClick={() => setRows((old) => old.filter((x) => x.key !== r.key))}
              aria-label="✕"
            />
          </div>
        ))}
      </div>
      <Space className="toolbar">
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setRows((old) => [
              ...old,
              rowOf(old.at(-1)?.dueOn?.add(1, 'month').format('YYYY-MM-DD') ?? start, Math.max(0, -diff)),
            ])
          }
        >
          {t('schedule.add')}
        </Button>
        <Typography.Text data-testid="schedule-total">
          {t('schedule.total', { total: formatFen(totalFen), amount: formatFen(schedule.amountFen) })} ·{' '}
          {diff > 0 ? (
            <Typography.Text type="danger">{t('schedule.diffOver', { diff: formatFen(diff) })}</Typography.Text>
          ) : diff < 0 ? (
            <Typography.Text type="warning">{t('schedule.diffUnder', { diff: formatFen(-diff) })}</Typography.Text>
          ) : (
            <Typography.Text type="success">{t('schedule.diffNone')}</Typography.Text>
          )}
        </Typography.Text>
      </Space>
    </Modal>
  );
}
