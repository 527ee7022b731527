import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { sellsThisMonth } from '../../../../shared/performance/sellers';
import type { PerformanceRow } from '../../../../shared/performance/performance-types';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/import/ExportButton';
import { Page } from '../../components/Page';
import { navigate, useHashPath } from '../../app/useHashPath';
import { useLanguage, useT } from '../../i18n';
import { TargetVsActualChart } from './charts/TargetVsActualChart';
import { TeamTrendChart } from './charts/TeamTrendChart';
import { PersonDrawer } from './components/PersonDrawer';
import { SheetTable } from './components/SheetTable';
import { PolicyNotes } from './print/PolicyNotes';
import { ConfirmationsCard } from '../commission/ConfirmationsCard';
import { MyStatementConfirmation } from '../commission/MyStatementConfirmation';
import { useMyRole } from '../commission/useMyRole';
import { StaffReceivablesCard } from '../receivables/StaffReceivablesCard';
import './performance.css';

/** 业绩表: #/performance/<YYYY-MM>; without a month the core picks the last closed one. */
export function PerformancePage() {
  const t = useT();
  const { lang } = useLanguage();
  const [, monthSegment] = useHashPath();
  const query = useQuery('performance.sheet', monthSegment ? { month: monthSegment } : {});
  const sheet = query.data;
  const month = sheet?.month ?? monthSegment;
  const [person, setPerson] = useState<PerformanceRow | null>(null);
  const me = useMyRole();

  const toolbar = (
    <div className="perf-toolbar">
      <Space wrap>
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label={t('perf.month')}
          value={month ? dayjs(`${month}-01`) : null}
          onChange={(d) => d && navigate(['performance', d.format('YYYY-MM')])}
        />
        {sheet && (
          <Tag color={sheet.closed ? 'green' : 'red'} data-testid="sheet-closed">
            {sheet.closed ? t('perf.closed') : t('perf.open')}
          </Tag>
        )}
        {sheet && (
          <Typography.Text type="secondary">
            {t(sheet.creditBasis === 'payments' ? 'perf.basis.payments' : 'perf.basis.contracts')}
          </Typography.Text>
        )}
      </Space>
      <Space wrap>
        {month && <ExportButton run={(format) => call('performance.export', { month, format })} />}
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!month}
          onClick={() => month && navigate(['print', 'sheet', month])}
        >
          {t('perf.print')}
        </Button>
      </Space>
    </div>
  );

  const people = (sheet?.rows ?? [])
    .filter(sellsThisMonth)
    .map((r) => ({ name: r.name, salesFen: r.pay!.salesFen, targetFen: r.pay!.targetFen, floorFen: r.pay!.floorFen }));

  return (
    <Page title={t('perf.title')}>
      {/* 业绩确认 (issue 19): a salesperson confirms or disputes their own statement here. */}
      {month && me.role === 'salesperson' && me.staffId !== null && (
        <MyStatementConfirmation month={month} staffId={me.staffId} onChanged={query.refresh} />
      )}
      <Card className="wide-card">
        {toolbar}
        <ErrorAlert error={query.error} />
        {!sheet && query.loading && <Spin />}
        {sheet && sheet.rows.length === 0 && <Empty description={t('perf.noStaff')} />}
        {sheet && sheet.rows.length > 0 && <SheetTable sheet={sheet} onOpenPerson={setPerson} />}
        {sheet && !sheet.showsPay && <Typography.Paragraph type="secondary">{t('perf.noPay')}</Typography.Paragraph>}
        {sheet?.rows.some((r) => (r.pay?.commissionFen ?? 0) < 0) && (
          <Typography.Paragraph type="secondary" className="source-hint" data-testid="negative-hint">
            {t('perf.negativeHint')}
          </Typography.Paragraph>
        )}
        {sheet && <PolicyNotes policies={sheet.policies} lang={lang} />}
      </Card>
      {month && me.isManager && <ConfirmationsCard month={month} onChanged={query.refresh} />}
      {sheet?.showsPay && (
        <div className="perf-charts">
          <Card title={t('perf.chart.targetVsActual')} size="small">
            <TargetVsActualChart data={people} height={260} />
          </Card>
          <Card title={t('perf.chart.trend')} size="small">
            <TeamTrendChart data={sheet.trend} height={260} />
          </Card>
        </div>
      )}
      {month && <StaffReceivablesCard month={month} />}
      {person && month && <PersonDrawer month={month} row={person} onClose={() => setPerson(null)} />}
    </Page>
  );
}
