import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Skeleton, Typography } from 'antd';
import type { PerformanceRow } from '../../../../../shared/performance/performance-types';
import { formatSheetCell, sheetColumns } from '../../../../../shared/performance/sheet-columns';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { navigate } from '../../../app/useHashPath';
import { useLanguage, useT } from '../../../i18n';
import { SourceLinesTable } from './SourceLinesTable';
import { PayLinesTable } from '../../commission/PayLinesTable';
import { confirmationLine } from '../../commission/confirmationText';

/** A person's month: every figure, and the payments/contracts that made the sales figure. */
export function PersonDrawer({ month, row, onClose }: { month: string; row: PerformanceRow; onClose: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const l = lang === 'en' ? 'en' : 'zh';
  const query = useQuery('performance.statement', { month, staffId: row.staffId });
  return (
    <Drawer
      open
      size="large"
      onClose={onClose}
      title={t('perf.sourceTitle', { name: row.name, month })}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => navigate(['print', 'statement', month, String(row.staffId)])}>
          {t('perf.statement')}
        </Button>
      }
    >
      <Descriptions size="small" column={2} bordered className="perf-person-figures">
        {sheetColumns({ showsPay: row.pay !== null })
          .filter((c) => c.key !== 'name')
          .map((c) => (
            <Descriptions.Item key={c.key} label={c.group ? `${c.group[l]} · ${c[l]}` : c[l]}>
              {formatSheetCell(c.kind, c.value(row, l))}
            </Descriptions.Item>
          ))}
      </Descriptions>
      <div style={{ marginTop: 16 }}>
        {query.error && <ErrorAlert error={query.error} />}
        {row.pay === null ? (
          // A clerk sees no money: say so, rather than "no payments this month" when there were some.
          <Typography.Paragraph type="secondary" data-testid="lines-hidden">
            {t('perf.linesHidden')}
          </Typography.Paragraph>
        ) : query.data ? (
          <SourceLinesTable lines={query.data.lines} />
        ) : (
          !query.error && <Skeleton active />
        )}
        {row.pay !== null && query.data && <PayLinesTable lines={query.data.payLines} />}
        {query.data?.confirmation && (
          <p className="statement-confirmation" data-testid="drawer-confirmation">
            {confirmationLine(query.data, t)}
          </p>
        )}
      </div>
    </Drawer>
  );
}
