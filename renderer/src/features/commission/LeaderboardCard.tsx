import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Segmented, Typography } from 'antd';
import { useState } from 'react';
import type { LeaderboardEntry, LeaderboardMetric } from '../../../../shared/contract/statements';
import { formatFen } from '../../../../shared/money';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useQuery } from '../../api/useQuery';
import { useLanguage, useT } from '../../i18n';
import './commission.css';

const METRICS: readonly LeaderboardMetric[] = ['collected', 'newContracts', 'newClients'];
const SHOWN = 10;

/**
 * 排行榜 on the dashboard: this month or this year by collected, new contracts and new clients.
 * What each role sees is decided by the server (a salesperson: ranks, own figures only; a clerk:
 * no money). The owner may hide it from everyone else.
 */
export function LeaderboardCard() {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<'month' | 'year'>('month');
  const query = useQuery('leaderboard.get', { period });
  const board = query.data;
  if (!board || (board.hidden && !board.canHide)) return null;
  const toggle = () =>
    call('leaderboard.setHidden', { hidden: !board.hidden }).then(query.refresh, (caught: unknown) =>
      message.error(errorText(toApiError(caught), lang)),
    );
  return (
    <Card
      size="small"
      className="dash-wide"
      title={t('board.title')}
      data-testid="leaderboard"
      extra={
        <span>
          <Segmented
            size="small"
            value={period}
            onChange={(v) => setPeriod(v as 'month' | 'year')}
            options={[
              { value: 'month', label: t('board.month') },
              { value: 'year', label: t('board.year') },
            ]}
          />
          {board.canHide && (
            <Button
              size="small"
              type="link"
              icon={board.hidden ? <EyeOutlined /> : <EyeInvisibleOutlined />}
              onClick={() => void toggle()}
            >
              {board.hidden ? t('board.show') : t('board.hide')}
            </Button>
          )}
        </span>
      }
    >
      {board.hidden && <Typography.Paragraph type="warning">{t('board.hiddenNote')}</Typography.Paragraph>}
      {board.boards.collected.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.empty')} />
      ) : (
        <div className="leaderboard-boards">
          {METRICS.map((metric) => (
            <section key={metric} data-testid={`board-${metric}`}>
              <Typography.Text strong>{t(`board.${metric}`)}</Typography.Text>
              <ol>{visible(board.boards[metric]).map((e) => row(e, metric, t('board.me')))}</ol>
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}

/** The top ten, and the caller's own line when they rank lower. */
function visible(entries: readonly LeaderboardEntry[]): LeaderboardEntry[] {
  const top = entries.slice(0, SHOWN);
  const me = entries.find((e) => e.me);
  return me && !top.includes(me) ? [...top, me] : top;
}

function row(e: LeaderboardEntry, metric: LeaderboardMetric, meLabel: string) {
  const value = e.value === null ? '' : metric === 'collected' ? `¥${formatFen(e.value)}` : String(e.value);
  return (
    <li key={e.staffId} className={e.me ? 'me' : undefined}>
      <span>
        <span className="leaderboard-rank">{e.rank}</span>
        {e.name}
        {e.me ? `(${meLabel})` : ''}
      </span>
      <span className="money">{value}</span>
    </li>
  );
}
