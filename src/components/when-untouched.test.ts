import { describe, expect, it, vi } from 'vitest';
import { whenUntouched } from './when-untouched';

function button() {
  const element = document.createElement('button');
  document.body.append(element);
  return element;
}

const aTaskLater = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('whenUntouched', () => {
  it('runs at once for an element nobody is using, or none at all', () => {
    const run = vi.fn();
    whenUntouched(button(), run);
    whenUntouched(null, run);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('waits while the element has focus, and runs a task after focus leaves', async () => {
    const element = button();
    element.focus();
    const run = vi.fn();
    whenUntouched(element, run);
    await aTaskLater();
    expect(run).not.toHaveBeenCalled();
    element.blur();
    expect(run).not.toHaveBeenCalled();
    await aTaskLater();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('cancelled, it never runs', async () => {
    const element = button();
    element.focus();
    const run = vi.fn();
    whenUntouched(element, run)();
    element.blur();
    await aTaskLater();
    expect(run).not.toHaveBeenCalled();
  });
});
