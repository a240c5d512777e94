import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useThrottled } from './use-throttled';

describe('useThrottled', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes values on at most once per interval, the latest one last', () => {
    const { result, rerender } = renderHook(({ v, done }) => useThrottled(v, 100, done), {
      initialProps: { v: 0, done: false },
    });
    expect(result.current).toBe(0);
    rerender({ v: 1, done: false });
    act(() => {
      vi.advanceTimersByTime(0);
    });
    expect(result.current).toBe(1);
    rerender({ v: 2, done: false });
    rerender({ v: 3, done: false });
    act(() => {
      vi.advanceTimersByTime(50);
    });
    expect(result.current).toBe(1);
    act(() => {
      vi.advanceTimersByTime(60);
    });
    expect(result.current).toBe(3);
  });

  it('a final value is shown at once', () => {
    const { result, rerender } = renderHook(({ v, done }) => useThrottled(v, 100, done), {
      initialProps: { v: 0, done: false },
    });
    rerender({ v: 1, done: false });
    act(() => {
      vi.advanceTimersByTime(0);
    });
    rerender({ v: 2, done: true });
    expect(result.current).toBe(2);
  });
});
