import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetWarmDateInput, warmDateInput } from './warm-date-input';

describe('warmDateInput', () => {
  afterEach(() => {
    resetWarmDateInput();
    vi.restoreAllMocks();
  });

  it('lays out one hidden date input and removes it, once per page load', () => {
    const made: HTMLInputElement[] = [];
    const create = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation((tag: string) => {
      const element = create(tag);
      if (element instanceof HTMLInputElement) made.push(element);
      return element;
    });
    const before = document.body.innerHTML;
    warmDateInput();
    warmDateInput();
    expect(made).toHaveLength(1);
    const [input] = made;
    expect(input?.type).toBe('date');
    expect(input?.tabIndex).toBe(-1);
    expect(input).toHaveAttribute('aria-hidden', 'true');
    expect(input?.isConnected).toBe(false);
    expect(document.body.innerHTML).toBe(before);
  });
});
