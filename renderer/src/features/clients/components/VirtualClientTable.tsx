import { useVirtualizer } from '@tanstack/react-virtual';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { Checkbox, Empty, Progress, Skeleton, Tag, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import type { ClientListRow, ClientSort } from '../../../../../shared/contract/clients';
import { GRADE_LABELS, LEVEL_LABELS, SOURCE_LABELS, STAGE_LABELS } from '../../../../../shared/clients/classification';
import { useLanguage, useT, type MessageKey } from '../../../i18n';
import { useLabel } from '../../../hooks/useLabel';
import { ClientLink } from '../../../components/ClientLink';
import type { ClientWindow } from '../hooks/useClientWindow';

const ROW_HEIGHT = 44;

type SortKey = 'joinedOn' | 'name' | 'level' | 'completeness';
type Column = {
  key: string;
  title: MessageKey;
  width: string;
  render: (row: ClientListRow) => React.ReactNode;
  /** The core sorts by it; the first click asks for this direction. */
  sort?: { key: SortKey; first: 'asc' | 'desc' };
};

type Props = {
  window: ClientWindow;
  /** Null: the person may not move clients, so rows have no check boxes. */
  selected: ReadonlySet<number> | null;
  onToggle: (id: number) => void;
  onOpen: (row: ClientListRow) => void;
  sort: ClientSort;
  onSort: (sort: ClientSort) => void;
  /** What to show when the office has no client at all (not just none matching the filters). */
  empty?: React.ReactNode;
};

/** The sort after a header click: the same column flips direction, another starts in its natural one. */
export function nextClientSort(current: ClientSort, key: SortKey, first: 'asc' | 'desc'): ClientSort {
  if (current === key) return `-${key}`;
  if (current === `-${key}`) return key;
  return first === 'asc' ? key : `-${key}`;
}

/**
 * The 客户 list for any number of clients: only the rows on screen are drawn, and their pages
 * are fetched as they scroll into view (@tanstack/react-virtual over a CSS grid).
 */
export function VirtualClientTable({ window: data, selected, onToggle, onOpen, sort, onSort, empty }: Props) {
  const t = useT();
  const { lang } = useLanguage();
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
      sort: { key: 'name', first: 'asc' },
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
      sort: { key: 'level', first: 'asc' },
      render: (r) => (
        <span title={r.grade ? label(GRADE_LABELS[r.grade]) : undefined}>
          <Tag color={r.level === 1 ? 'green' : r.level === 2 ? 'blue' : 'default'}>
            {lang === 'en' ? LEVEL_LABELS[r.level].shortEn : LEVEL_LABELS[r.level].short}
          </Tag>
          {r.grade}
        </span>
      ),
    },
    { key: 'stage', title: 'clients.stage', width: 'minmax(76px, 0.8fr)', render: (r) => label(STAGE_LABELS[r.stage]) },
    {
      key: 'owner',
      title: 'clients.owner',
      width: 'minmax(72px, 0.8fr)',
      render: (r) => r.ownerName || <span className="muted">{t('clients.unassigned')}</span>,
    },
    {
      key: 'joinedOn',
      title: 'clients.joinedOn',
      width: '98px',
      render: (r) => r.joinedOn,
      sort: { key: 'joinedOn', first: 'desc' },
    },
    {
      key: 'completeness',
      title: 'clients.completenessShort',
      width: '76px',
      sort: { key: 'completeness', first: 'desc' },
      render: (r) => <Progress percent={r.completeness} size="small" showInfo={false} aria-label={`${r.completeness}%`} />,
    },
  ];
  const template = `${selected ? '32px ' : ''}${columns.map((c) => c.width).join(' ')}`;
  // Narrower than this and the table scrolls sideways (with a scrollbar) instead of letting the
  // last columns run out of the box: the sum of the columns' least widths, gaps and padding.
  const minWidth =
    (selected ? 32 + 6 : 0) +
    columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 0), 0) +
    (columns.length - 1) * 6 +
    20;
  const header = (c: Column) => {
    if (!c.sort)
      return (
        <span key={c.key} role="columnheader" className="vtable-th">
          {t(c.title)}
        </span>
      );
    const { key, first } = c.sort;
    const state = sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : 'none';
    return (
      <span key={c.key} role="columnheader" aria-sort={state} className="vtable-th">
        <Tooltip title={t('clients.sortBy')} mouseEnterDelay={0.6}>
          <button
            type="button"
            className={`vtable-sort vtable-sort-${state}`}
            onClick={() => onSort(nextClientSort(sort, key, first))}
          >
            <span className="vtable-th-text">{t(c.title)}</span>
            <span className="vtable-sort-icons" aria-hidden>
              <CaretUpOutlined className={state === 'ascending' ? 'on' : ''} />
              <CaretDownOutlined className={state === 'descending' ? 'on' : ''} />
            </span>
          </button>
        </Tooltip>
      </span>
    );
  };

  return (
    <div className="vtable" role="table" aria-rowcount={data.total} aria-label={t('clients.listLabel')}>
      <div className="vtable-inner" style={{ minWidth }}>
        <div className="vtable-head" role="row" style={{ gridTemplateColumns: template }}>
          {selected && <span role="columnheader" />}
          {columns.map(header)}
        </div>
        <div ref={scrollRef} className="vtable-body">
          {data.total === 0 && !data.loading ? (
            (empty ?? <Empty className="vtable-empty" description={t('clients.empty')} />)
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = data.rowAt(item.index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 1}
                    className={`vtable-row${row && selected?.has(row.id) ? ' vtable-row-selected' : ''}`}
                    style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                    onDoubleClick={() => row && onOpen(row)}
                  >
                    {row ? (
                      <>
                        {selected && (
                          <span role="cell">
                            <Checkbox checked={selected.has(row.id)} onChange={() => onToggle(row.id)} aria-label={row.name} />
                          </span>
                        )}
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
