import type { SorterResult } from 'antd/es/table/interface';

/** A column sort as the core takes it: 'amount' ascending, '-amount' descending. */
export type SortValue<K extends string> = K | `-${K}`;

/** The antd sortOrder of one column under the current sort (controlled, so the arrow matches the data). */
export function sortOrderOf<K extends string>(sort: SortValue<K>, key: K): 'ascend' | 'descend' | null {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}

/**
 * The sort after a header click: antd cycles ascend → descend → none; "none" goes back to the
 * list's own default order rather than to an unsorted list.
 */
export function sortFromTable<K extends string, R>(
  sorter: SorterResult<R> | SorterResult<R>[],
  fallback: SortValue<K>,
): SortValue<K> {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!one?.order || one.columnKey === undefined) return fallback;
  const key = String(one.columnKey) as K;
  return one.order === 'descend' ? `-${key}` : key;
}

/** Chinese text in 拼音 order (the way an office expects 名称 to sort), numbers naturally. */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** A client-side antd `sorter` comparing text in 拼音 order; empty values last. */
export function byText<R>(get: (row: R) => string | null | undefined): (a: R, b: R) => number {
  return (a, b) => {
    const x = get(a) ?? '';
    const y = get(b) ?? '';
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return collator.compare(x, y);
  };
}

/** A client-side antd `sorter` comparing numbers; missing values last. */
export function byNumber<R>(get: (row: R) => number | null | undefined): (a: R, b: R) => number {
  return (a, b) => {
    const x = get(a);
    const y = get(b);
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return x - y;
  };
}
