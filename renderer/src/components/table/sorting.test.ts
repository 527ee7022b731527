import { describe, expect, it } from 'vitest';
import { nextClientSort } from '../../features/clients/components/VirtualClientTable';
import { byNumber, byText, sortFromTable, sortOrderOf } from './sorting';

describe('column sorting', () => {
  it('turns a header click into the order the core takes, and back', () => {
    expect(sortFromTable({ columnKey: 'amount', order: 'descend' }, '-signedOn')).toBe('-amount');
    expect(sortFromTable({ columnKey: 'client', order: 'ascend' }, '-signedOn')).toBe('client');
    // "No order" is the list's own default, never an unsorted list.
    expect(sortFromTable({ columnKey: 'client', order: null }, '-signedOn')).toBe('-signedOn');
    expect(sortOrderOf<'amount' | 'client'>('-amount', 'amount')).toBe('descend');
    expect(sortOrderOf<'amount' | 'client'>('-amount', 'client')).toBeNull();
  });

  it('sorts Chinese names in 拼音 order and leaves blanks last', () => {
    const names = ['赵磊', '', '安心', '张伟', '陈文员'];
    expect([...names].sort(byText((n: string) => n))).toEqual(['安心', '陈文员', '张伟', '赵磊', '']);
    expect([3, null, 1, 2].sort(byNumber((n: number | null) => n))).toEqual([1, 2, 3, null]);
  });

  it('flips the client list between a column’s two orders, starting where it makes sense', () => {
    expect(nextClientSort('-joinedOn', 'joinedOn', 'desc')).toBe('joinedOn');
    expect(nextClientSort('joinedOn', 'joinedOn', 'desc')).toBe('-joinedOn');
    expect(nextClientSort('-joinedOn', 'name', 'asc')).toBe('name');
    expect(nextClientSort('name', 'completeness', 'desc')).toBe('-completeness');
  });
});
