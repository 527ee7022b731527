import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { InboxRuleRow } from '../../../../../../shared/contract/intake';
import { MATCH_ALGORITHMS, type MatchAlgorithm } from '../../../../../../shared/intake/match';
import { toApiError } from '../../../../api/ApiError';
import { call } from '../../../../api/client';
import { errorText } from '../../../../api/errorText';
import { useQuery } from '../../../../api/useQuery';
import { useLanguage, useT } from '../../../../i18n';
import { KindSelect } from '../DocFieldsForm';

/** The rules that give an incoming document its kind (Paperless-ngx's matching); managers edit them. */
export function InboxRulesCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const rules = useQuery('inbox.rules');
  const [kindId, setKindId] = useState<number | undefined>();
  const [algorithm, setAlgorithm] = useState<MatchAlgorithm>('any');
  const [match, setMatch] = useState('');
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const add = () =>
    void call('inbox.saveRule', { kindId: kindId!, algorithm, match }).then(() => (setMatch(''), rules.refresh()), failed);
  return (
    <Card size="small" title={t('inbox.rules')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('inbox.rulesHint')}
      </Typography.Paragraph>
      <Table<InboxRuleRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rules.data ?? []}
        columns={[
          { title: t('archive.kind'), dataIndex: 'kindPath', width: 180 },
          { title: t('inbox.rule.algorithm'), render: (_, r) => t(`inbox.algo.${r.algorithm}`), width: 120 },
          { title: t('inbox.rule.match'), dataIndex: 'match' },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, r: InboxRuleRow) => (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() => void call('inbox.deleteRule', { id: r.id }).then(rules.refresh, failed)}
                    >
                      {t('inbox.rule.delete')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && (
        <Space wrap style={{ marginTop: 8 }}>
          <KindSelect value={kindId} onChange={setKindId} />
          <Select<MatchAlgorithm>
            aria-label={t('inbox.rule.algorithm')}
            style={{ width: 130 }}
            value={algorithm}
            onChange={setAlgorithm}
            options={MATCH_ALGORITHMS.map((a) => ({ value: a, label: t(`inbox.algo.${a}`) }))}
          />
          <Input
            aria-label={t('inbox.rule.match')}
            placeholder={t('inbox.rule.match')}
            style={{ width: 220 }}
            value={match}
            onChange={(e) => setMatch(e.target.value)}
          />
          <Button disabled={!kindId || !match.trim()} onClick={add}>
            {t('inbox.rule.add')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
