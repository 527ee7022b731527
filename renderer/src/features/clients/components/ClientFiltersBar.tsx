import { Button, Cascader, Input, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ClientFilters, ClientSort } from '../../../../../shared/contract/clients';
import {
  FUNNEL_LABELS,
  FUNNEL_STEPS,
  GRADES,
  LEVEL_LABELS,
  LEVELS,
  SOURCE_LABELS,
  SOURCES,
  STAGE_LABELS,
  STAGES,
} from '../../../../../shared/clients/classification';
import { useQuery } from '../../../api/useQuery';
import { useT } from '../../../i18n';
import { useLabel } from '../../../hooks/useLabel';
import { useStaffOptions } from '../../../hooks/useStaffOptions';

/** The list opens newest first; the manual's join-date order is one click away (header or this menu). */
export const DEFAULT_CLIENT_SORT: ClientSort = '-joinedOn';

export type ListFilters = Partial<Omit<ClientFilters, 'includeArchived'>> & { search: string };

type Props = { value: ListFilters; onChange: (next: ListFilters) => void };

/** Search and the list's filters: level, grade, owner, source, stage/funnel, region. */
export function ClientFiltersBar({ value, onChange }: Props) {
  const t = useT();
  const label = useLabel();
  const staff = useStaffOptions();
  const regions = useQuery('clients.regions');
  const [search, setSearch] = useState(value.search);
  useEffect(() => setSearch(value.search), [value.search]);
  // Typing pauses briefly before the list reloads, so each keystroke is not a query.
  useEffect(() => {
    if (search === value.search) return;
    const timer = setTimeout(() => onChange({ ...value, search }), 300);
    return () => clearTimeout(timer);
  }, [search, value, onChange]);

  const regionOptions = useMemo(() => {
    const byProvince = new Map<string, Set<string>>();
    for (const r of regions.data ?? []) byProvince.set(r.province, (byProvince.get(r.province) ?? new Set()).add(r.city));
    return [...byProvince].map(([province, cities]) => ({
      value: province,
      label: province,
      children: [...cities].filter(Boolean).map((city) => ({ value: city, label: city })),
    }));
  }, [regions.data]);

  const set = <K extends keyof ListFilters>(key: K, v: ListFilters[K] | undefined): void => {
    const next = { ...value };
    if (v === undefined || v === null) delete next[key];
    else next[key] = v;
    onChange(next);
  };
  const active =
    Object.keys(value).some((k) => k !== 'search' && k !== 'sort' && value[k as keyof ListFilters] !== undefined) ||
    value.search !== '';

  return (
    <div className="client-filters">
      <Input.Search
        allowClear
        className="client-search"
        placeholder={t('clients.searchPlaceholder')}
        aria-label={t('clients.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(text) => onChange({ ...value, search: text })}
      />
      <Select
        allowClear
        className="filter-select"
        placeholder={t('clients.level')}
        aria-label={t('clients.level')}
        value={value.level}
        options={LEVELS.map((l) => ({ value: l, label: label(LEVEL_LABELS[l]) }))}
        onChange={(v) => set('level', v)}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        className="filter-select-narrow"
        placeholder={t('clients.grade')}
        aria-label={t('clients.grade')}
        value={value.grade}
        options={GRADES.map((g) => ({ value: g, label: g }))}
        onChange={(v) => set('grade', v)}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="filter-select"
        placeholder={t('clients.owner')}
        aria-label={t('clients.owner')}
        value={value.ownerStaffId}
        options={[{ value: 0, label: t('clients.unassigned') }, ...staff.options]}
        onChange={(v) => set('ownerStaffId', v)}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        className="filter-select"
        placeholder={t('clients.source')}
        aria-label={t('clients.source')}
        value={value.source}
        options={SOURCES.map((s) => ({ value: s, label: label(SOURCE_LABELS[s]) }))}
        onChange={(v) => set('source', v)}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        className="filter-select"
        placeholder={t('clients.stage')}
        aria-label={t('clients.stage')}
        value={value.stage ?? (value.funnel ? `funnel:${value.funnel}` : undefined)}
        options={[
          {
            label: t('clients.funnel'),
            options: FUNNEL_STEPS.map((f) => ({ value: `funnel:${f}`, label: label(FUNNEL_LABELS[f]) })),
          },
          {
            label: t('clients.stage'),
            options: STAGES.map((s, i) => ({ value: s, label: `${i + 1}. ${label(STAGE_LABELS[s])}` })),
          },
        ]}
        onChange={(v?: string) => {
          const next = { ...value };
          delete next.stage;
          delete next.funnel;
          if (v?.startsWith('funnel:')) next.funnel = v.slice(7) as ListFilters['funnel'];
          else if (v) next.stage = v as ListFilters['stage'];
          onChange(next);
        }}
        popupMatchSelectWidth={false}
      />
      <Cascader
        className="filter-select"
        placeholder={t('clients.region')}
        aria-label={t('clients.region')}
        options={regionOptions}
        changeOnSelect
        value={value.province ? [value.province, ...(value.city ? [value.city] : [])] : []}
        onChange={(path) => {
          const next = { ...value };
          delete next.province;
          delete next.city;
          const [province, city] = (path ?? []) as string[];
          if (province) next.province = province;
          if (city) next.city = city;
          onChange(next);
        }}
      />
      <Select
        className="filter-sort"
        aria-label={t('clients.sort')}
        value={value.sort ?? DEFAULT_CLIENT_SORT}
        options={[
          { value: '-joinedOn', label: t('clients.sortJoinedDesc') },
          { value: 'joinedOn', label: t('clients.sortJoinedAsc') },
          { value: 'name', label: t('clients.sortName') },
          { value: '-name', label: t('clients.sortNameDesc') },
          { value: 'level', label: t('clients.sortLevel') },
          { value: '-level', label: t('clients.sortLevelDesc') },
          { value: 'completeness', label: t('clients.sortCompleteness') },
          { value: '-completeness', label: t('clients.sortCompletenessDesc') },
        ]}
        onChange={(v) => set('sort', v)}
        popupMatchSelectWidth={false}
      />
      {active && (
        <Button type="link" onClick={() => onChange({ search: '', sort: value.sort ?? DEFAULT_CLIENT_SORT })}>
          {t('clients.clearFilters')}
        </Button>
      )}
    </div>
  );
}
