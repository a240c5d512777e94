import { Button } from '@mantine/core';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../testing/render';
import { HoverHint } from './hover-hint';

// Isolated: the loaded Tooltip is module state, and this file needs it not loaded yet.

/** Lets the tooltip chunk's import settle and React commit what follows from it. */
async function tooltipArrived() {
  await act(async () => {
    await import('./hover-hint-tooltip');
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

describe('HoverHint', () => {
  it('keeps a focused control (same node, still focused) while its hint arrives, then adds the hint', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <>
        <HoverHint label="Forget the password on this tab">
          <Button>Lock</Button>
        </HoverHint>
        <Button>Elsewhere</Button>
      </>,
    );
    const lock = screen.getByRole('button', { name: 'Lock' });
    lock.focus();
    await tooltipArrived();
    expect(screen.getByRole('button', { name: 'Lock' })).toBe(lock);
    expect(lock).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await tooltipArrived();
    await user.hover(screen.getByRole('button', { name: 'Lock' }));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Forget the password on this tab');
  });
});
