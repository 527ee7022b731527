import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { MonthPlans } from '../../../../shared/contract/commission';
import {
  describeTiers,
  manualTiers,
  parseRatePpm,
  parseTierFromBp,
  tiersProblem,
  type Tier,
} from '../../../../shared/commission/tiers';
import { toApiError } from '../../api/ApiError';
import { errorText } from '../../api/errorText';
import { useMutation } from '../../api/useMutation';
import { FormDialog } from '../../components/FormDialog';
import { pick, useLanguage, useT } from '../../i18n';

type Line = { from: string; rate: string };
const toLine = (t: Tier): Line => ({ from: String(t.fromBp / 100), rate: String(t.ratePpm / 10_000) });

type Props = {
  month: string;
  /** null: the team's tiers (业务员). */
  person: { staffId: number; name: string } | null;
  current: Tier[] | null;
  /** The manual's rule for this person/team, to start from. */
  preset: { rateBp: number; multiplierPct: number };
  onSaved: (plans: MonthPlans) => void;
  onClose: () => void;
};

/** 阶梯提成 for the team or one person: brackets of % of target, each with its rate; or back to the manual's rule. */
export function TiersDialog({ month, person, current, preset, onSaved, onClose }: Props) {
  const t = useT();
  const { lang } = useLanguage();
  const save = useMutation('plans.setTiers');
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<Line[]>(() =>
    (current ?? manualTiers(preset.rateBp || 500, preset.multiplierPct)).map(toLine),
  );
  const parsed = lines.map((l) => ({ fromBp: parseTierFromBp(l.from), ratePpm: parseRatePpm(l.rate) }));
  const valid = parsed.every((p) => p.fromBp !== null && p.ratePpm !== null) ? (parsed as Tier[]) : null;
  const words = valid && !tiersProblem(valid) ? describeTiers(valid) : null;
  const set = (i: number, patch: Partial<Line>) => {
    setError(null);
    setLines((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  };

  const run = async (tiers: Tier[] | null) => {
    try {
      onSaved(await save.run({ month, staffId: person?.staffId ?? null, tiers }));
    } catch (caught) {
      setError(errorText(toApiError(caught), lang));
    }
  };
  const onOk = () => {
    if (!valid || tiersProblem(valid)) return setError(t('tiers.invalid'));
    void run(valid);
  };

  return (
    <FormDialog
      title={person ? t('tiers.personTitle', { month, name: person.name }) : t('tiers.teamTitle', { month })}
      saving={save.running}
      onOk={onOk}
      onClose={onClose}
      error={error}
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('tiers.hint')}</Typography.Paragraph>
      <div data-testid="tiers-dialog">
        <Space style={{ display: 'flex', marginBottom: 4 }}>
          <Typography.Text strong style={{ display: 'inline-block', width: 160 }}>
            {t('tiers.from')}
          </Typography.Text>
          <Typography.Text strong>{t('tiers.rate')}</Typography.Text>
        </Space>
        {lines.map((line, i) => (
          <Space key={i} style={{ display: 'flex', marginBottom: 8 }}>
            <Input
              aria-label={`${t('tiers.from')} ${i + 1}`}
              suffix="%"
              style={{ width: 160 }}
              disabled={i === 0}
              value={line.from}
              onChange={(e) => set(i, { from: e.target.value })}
            />
            <Input
              aria-label={`${t('tiers.rate')} ${i + 1}`}
              suffix="%"
              style={{ width: 160 }}
              value={line.rate}
              onChange={(e) => set(i, { rate: e.target.value })}
            />
            <Button
              type="text"
              aria-label={t('payitems.delete')}
              icon={<DeleteOutlined />}
              disabled={i === 0}
              onClick={() => setLines((all) => all.filter((_, j) => j !== i))}
            />
          </Space>
        ))}
        <Space wrap>
          <Button
            icon={<PlusOutlined />}
            disabled={lines.length >= 10}
            onClick={() => setLines((all) => [...all, { from: '', rate: '' }])}
          >
            {t('tiers.add')}
          </Button>
          <Button onClick={() => setLines(manualTiers(preset.rateBp || 500, preset.multiplierPct).map(toLine))}>
            {t('tiers.preset')}
          </Button>
          {current && (
            <Button danger type="link" onClick={() => void run(null)}>
              {t('tiers.useManual')}
            </Button>
          )}
        </Space>
        {words && (
          <Typography.Paragraph style={{ marginTop: 12 }} data-testid="tiers-words">
            {pick(words, lang)}
          </Typography.Paragraph>
        )}
      </div>
    </FormDialog>
  );
}
