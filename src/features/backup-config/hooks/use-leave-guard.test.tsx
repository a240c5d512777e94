import { MantineProvider } from '@mantine/core';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { theme } from '../../../app/theme';
import { LocaleProvider } from '../../../lib/i18n/locale';
import { LeaveModal } from '../components/leave-modal';
import { useLeaveGuard } from './use-leave-guard';

/** A page with unsent edits (`dirty`), the guard and its question, and a "save and go" button. */
function GuardedPage() {
  const [dirty, setDirty] = useState(true);
  const navigate = useNavigate();
  const guard = useLeaveGuard(dirty);
  return (
    <>
      <p>guarded page</p>
      <button
        onClick={() => {
          // As a successful save does: the guard switches off and the page moves on, same tick.
          setDirty(false);
          void navigate('/next');
        }}
      >
        save and go
      </button>
      <LeaveModal opened={guard.pendingHref !== null} onStay={guard.stay} onLeave={guard.leave} />
    </>
  );
}

function showGuardedPage() {
  const router = createMemoryRouter(
    [
      { path: '/before', element: <p>previous page</p> },
      { path: '/form', element: <GuardedPage /> },
      { path: '/next', element: <p>next page</p> },
    ],
    { initialEntries: ['/before', '/form'], initialIndex: 1 },
  );
  render(
    <MantineProvider theme={theme} env="test">
      <LocaleProvider initial="en">
        <RouterProvider router={router} />
      </LocaleProvider>
    </MantineProvider>,
  );
  return router;
}

describe('useLeaveGuard', () => {
  it('asks before Back; Stay keeps the page, Leave goes back', async () => {
    const user = userEvent.setup();
    const router = showGuardedPage();
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('dialog', { name: 'Leave without applying?' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/form');

    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(screen.getByText('guarded page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/form');

    await act(() => router.navigate(-1));
    await user.click(await screen.findByRole('button', { name: 'Leave and discard' }));
    expect(await screen.findByText('previous page')).toBeInTheDocument();
  });

  it('lets through a navigation started as the guard switches off (save, then go)', async () => {
    const user = userEvent.setup();
    const router = showGuardedPage();
    await user.click(screen.getByRole('button', { name: 'save and go' }));
    expect(await screen.findByText('next page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/next');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
