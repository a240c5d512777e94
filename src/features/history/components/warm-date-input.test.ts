import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetWarmDateInput, warmDateInput } from './warm-date-input';

describe('warmDateInput', () => {
  afterEach(() => {
    resetWarmDateInput();
    vi.restoreAllMocks();
  });

  it('lays out one hidden date input and removes it, once per page load', () => {
    const create = vi.spyOn(document, 'createElement');
    const before = document.body.innerHTML;
    warmDateInput();
    warmDateInput();
    const made = create.mock.results
      .map((result) => result.value as unknown)
      .filter((element) => element instanceof HTMLInputElement);
    expect(made).toHaveLength(1);
    const [input] = made;
    expect(input?.type).toBe('date');
    expect(input?.tabIndex).toBe(-1);
    expect(input).toHaveAttribute('aria-hidden', 'true');
    expect(input?.isConnected).toBe(false);
    expect(document.body.innerHTML).toBe(before);
  });
});
