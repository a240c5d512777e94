import { describe, expect, it } from 'vitest';
import { pageOf } from './paging';

const items = Array.from({ length: 120 }, (_, i) => i);

describe('pageOf', () => {
  it('cuts a list into pages of `size`, the last one shorter', () => {
    expect(pageOf(items, 1, 50)).toMatchObject({ pages: 3, current: 1 });
    expect(pageOf(items, 1, 50).slice).toEqual(items.slice(0, 50));
    expect(pageOf(items, 3, 50).slice).toEqual(items.slice(100));
  });

  it('keeps the page within the list when it shrank or the page is out of range', () => {
    expect(pageOf(items.slice(0, 60), 3, 50)).toMatchObject({ pages: 2, current: 2 });
    expect(pageOf(items, 0, 50).current).toBe(1);
    expect(pageOf([], 4, 50)).toEqual({ pages: 1, current: 1, slice: [] });
  });
});
