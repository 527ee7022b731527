import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox, Empty, Progress, Skeleton, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import type { ClientListRow } from '../../../../../shared/contract/clients';
import { GRADE_LABELS, LEVEL_LABELS, SOURCE_LABELS, STAGE_LABELS } from '../../../../../shared/clients/classification';
import { useT, type MessageKey } from '../../../i18n';
import { useLabel } from '../hooks/useLabel';
import { ClientLink } from './ClientLink';
import type { ClientWindow } from '../hooks/useClientWindow';

const ROW_HEIGHT = 44;

type Column = { key: string; title: MessageKey; width: string; render: (row: ClientListRow) => React.ReactNode };

type Props = {
  window: ClientWindow;
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
  onOpen: (row: ClientListRow) => void;
};

/**
 * The 客户 list for any number of clients: only the rows on screen are drawn, and their pages
 * are fetched as they scroll into view (@tanstack/react-virtual over a CSS grid).
 */
export function VirtualClientTable({ window: data, selected, onToggle, onOpen }: Props) {
  const t = useT();
  const label = useLabel();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: data.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = data;
  useEffect(() => {
    if (last >= first) ensure(first, last);
  }, [first, last, ensure]);

  const columns: Column[] = [
    {
      key: 'name',
      title: 'clients.name',
      width: 'minmax(170px, 2.2fr)',
      render: (r) => (
        <span className="client-name-cell">
          <ClientLink id={r.id} name={r.name} />
          {r.kind === 'person' && <Tag className="tag-small">{t('clients.kind.person')}</Tag>}
          {r.archived && <Tag className="tag-small">{t('clients.archived')}</Tag>}
        </span>
      ),
    },
    { key: 'contact', title: 'clients.contact', width: 'minmax(64px, 0.8fr)', render: (r) => r.contactName },
    { key: 'phone', title: 'clients.phone', width: '116px', render: (r) => r.phone },
    {
      key: 'region',
      title: 'clients.region',
      width: 'minmax(96px, 1fr)',
      render: (r) => [r.city || r.province, r.district].filter(Boolean).join(' '),
    },
    { key: 'source', title: 'clients.source', width: 'minmax(84px, 0.9fr)', render: (r) => label(SOURCE_LABELS[r.source]) },
    {
      key: 'level',
      title: 'clients.levelGrade',
      width: '76px',
      render: (r) => (
        <span title={r.grade ? label(GRADE_LABELS[r.grade]) : undefined}>
          <Tag color={r.level === 1 ? 'green' : r.level === 2 ? 'blue' : 'default'}>{LEVEL_LABELS[r.level].short}</Tag>
          {r.grade}
        </span>
      ),
    },
    { key: 'stage', title: 'clients.stage', width: 'minmax(76px, 0.8fr)', render: (r) => label(STAGE_LABELS[r.stage]) },
    {
      key: 'owner',
      title: 'clients.owner',
      width: 'minmax(64px, 0.7fr)',
      render: (r) => r.ownerName || <span className="muted">{t('clients.unassigned')}</span>,
    },
    { key: 'joinedOn', title: 'clients.joinedOn', width: '88px', render: (r) => r.joinedOn },
    {
      key: 'completeness',
      title: 'clients.completenessShort',
      width: '64px',
      render: (r) => <Progress percent={r.completeness} size="small" showInfo={false} aria-label={`${r.completeness}%`} />,
    },
  ];
  const template = `32px ${columns.map((c) => c.width).join(' ')}`;

  return (
    <div className="vtable" role="table" aria-rowcount={data.total} aria-label={t('clients.listLabel')}>
      <div className="vtable-inner">
        <div className="vtable-head" role="row" style={{ gridTemplateColumns: template }}>
          <span role="columnheader" />
          {columns.map((c) => (
            <span key={c.key} role="columnheader">
              {t(c.title)}
            </span>
          ))}
        </div>
        <div ref={scrollRef} className="vtable-body">
          {data.total === 0 && !data.loading ? (
            <Empty className="vtable-empty" description={t('clients.empty')} />
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = data.rowAt(item.index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 1}
                    className={`vtable-row${row && selected.has(row.id) ? ' vtable-row-selected' : ''}`}
                    style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                    onDoubleClick={() => row && onOpen(row)}
                  >
                    {row ? (
                      <>
                        <span role="cell">
                          <Checkbox checked={selected.has(row.id)} onChange={() => onToggle(row.id)} aria-label={row.name} />
                        </span>
                        {columns.map((c) => (
                          <span key={c.key} role="cell" className={`vtable-cell vtable-${c.key}`}>
                            {c.render(row)}
                          </span>
                        ))}
                      </>
                    ) : (
                      <span className="vtable-loading">
                        <Skeleton.Input active size="small" block />
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
