import { Card, Space, Statistic } from 'antd';
import { formatFen } from '../../../../shared/money';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/useHashPath';
import { useT } from '../../i18n';

/** 概览 tiles: 应收 this week / this month / overdue, and the 公海 at a glance; each opens its page. */
export function ReceivablesTiles() {
  const t = useT();
  const recv = useQuery('receivables.summary');
  const pool = useQuery('pool.summary');
  const r = recv.data;
  const p = pool.data;
  return (
    <>
      <Card
        size="small"
        title={t('dash.receivables')}
        loading={!r}
        extra={<a onClick={() => navigate(['contracts', 'receivables'])}>{t('dash.open')}</a>}
        data-testid="dash-receivables"
      >
        {r && (
          <Space size="large" wrap>
            <Statistic title={t('dash.recvWeek')} value={formatFen(r.week.outstandingFen, { symbol: true })} />
            <Statistic title={t('dash.recvMonth')} value={formatFen(r.month.outstandingFen, { symbol: true })} />
            <Statistic
              title={`${t('dash.recvOverdue')} · ${r.overdue.count}`}
              value={formatFen(r.overdue.outstandingFen, { symbol: true })}
              styles={r.overdue.count ? { content: { color: '#cf1322' } } : {}}
            />
          </Space>
        )}
      </Card>
      <Card
        size="small"
        title={t('dash.pool')}
        loading={!p}
        extra={<a onClick={() => navigate(['clients', 'pool'])}>{t('dash.open')}</a>}
        data-testid="dash-pool"
      >
        {p && (
          <Space size="large">
            <Statistic title={t('dash.poolSize')} value={p.poolSize} />
            <Statistic
              title={t('dash.poolSoon')}
              value={p.returningSoon}
              styles={p.returningSoon ? { content: { color: '#d48806' } } : {}}
            />
          </Space>
        )}
      </Card>
    </>
  );
}
