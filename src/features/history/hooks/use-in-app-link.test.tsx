import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useInAppLink } from './use-in-app-link';

function Links() {
  const link = useInAppLink();
  const { pathname } = useLocation();
  return (
    <>
      <p>at {pathname}</p>
      <a href={link.href('/tasks/7')} data-to="/tasks/7" onClick={link.onClick}>
        Task 7
      </a>
    </>
  );
}

function renderAt(basename: string) {
  const router = createMemoryRouter([{ path: '*', element: <Links /> }], {
    basename,
    initialEntries: [`${basename}/history`],
  });
  render(<RouterProvider router={router} />);
}

describe('useInAppLink', () => {
  it('is a real link under the base path; a click (or Enter) navigates in the app', async () => {
    renderAt('/obdash');
    const link = screen.getByRole('link', { name: 'Task 7' });
    expect(link).toHaveAttribute('href', '/obdash/tasks/7');
    await userEvent.click(link);
    expect(screen.getByText('at /tasks/7')).toBeInTheDocument();
  });

  it('keyboard: Enter on the focused link navigates too', async () => {
    renderAt('');
    expect(screen.getByRole('link', { name: 'Task 7' })).toHaveAttribute('href', '/tasks/7');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByText('at /tasks/7')).toBeInTheDocument();
  });

  it('a click with a modifier key is left to the browser (new tab or window)', () => {
    renderAt('/obdash');
    const link = screen.getByRole('link', { name: 'Task 7' });
    // Whether the app took the click, seen after React's handler; then jsdom (which cannot open
    // tabs) is kept from following the link.
    const taken: boolean[] = [];
    const record = (event: Event) => {
      taken.push(event.defaultPrevented);
      event.preventDefault();
    };
    document.addEventListener('click', record);
    try {
      fireEvent.click(link, { ctrlKey: true });
      fireEvent.click(link, { metaKey: true });
      fireEvent.click(link, { shiftKey: true });
      expect(screen.getByText('at /history')).toBeInTheDocument();
      fireEvent.click(link);
    } finally {
      document.removeEventListener('click', record);
    }
    expect(taken).toEqual([false, false, false, true]);
  });
});
