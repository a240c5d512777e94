import { describe, expect, it } from 'vitest';
import { median, percentile, round } from './stats';

describe('percentile', () => {
  it('is null for no samples', () => {
    expect(median([])).toBeNull();
    expect(percentile([], 95)).toBeNull();
  });

  it('takes the nearest rank, an observed value', () => {
    const samples = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile(samples, 100)).toBe(20);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('does not depend on input order and does not sort in place', () => {
    const samples = [9, 1, 5, 3, 7];
    expect(median(samples)).toBe(5);
    expect(samples).toEqual([9, 1, 5, 3, 7]);
  });

  it('refuses a percentile outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('round', () => {
  it('rounds to the given digits', () => {
    expect(round(1.26)).toBe(1.3);
    expect(round(1.234, 2)).toBe(1.23);
  });
});
