import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ChunkLoadError } from '../lib/chunk-load';
import { LocaleProvider, type Locale } from '../lib/i18n/locale';
import { RootErrorBoundary, RouteErrorBoundary } from './error-boundaries';
import { theme } from './theme';

function Throws({ error }: { error: unknown }): never {
  throw error;
}

/** A shell route (with a nav line) and one page, as the app's route table has them. */
function renderFailing(where: 'page' | 'shell', error: unknown, locale: Locale = 'en') {
  const router = createMemoryRouter(
    [
      {
        element:
          where === 'shell' ? (
            <Throws error={error} />
          ) : (
            <>
              <nav>shell navigation</nav>
              <Outlet />
            </>
          ),
        ErrorBoundary: RootErrorBoundary,
        children: [
          { path: '/page', element: <Throws error={error} />, ErrorBoundary: RouteErrorBoundary },
        ],
      },
    ],
    { initialEntries: ['/page'] },
  );
  render(
    <MantineProvider theme={theme} env="test">
      <LocaleProvider initial={locale}>
        <RouterProvider router={router} />
      </LocaleProvider>
    </MantineProvider>,
  );
}

describe('error boundaries', () => {
  it('a page chunk that failed to load: says what happened, offers Reload, keeps the shell', () => {
    renderFailing('page', new ChunkLoadError(new TypeError('Failed to fetch')));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The dashboard was updated or could not load',
    );
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(screen.getByText('shell navigation')).toBeInTheDocument();
  });

  it('recognises the browser’s own message for a dynamic import that failed', () => {
    renderFailing(
      'page',
      new TypeError('Failed to fetch dynamically imported module: /assets/tasks-page-abc.js'),
      'zh',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('控制台已更新或未能加载');
    expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument();
  });

  it('any other page failure: its text and Reload, never a blank page', () => {
    renderFailing('page', new Error('render exploded'));
    expect(screen.getByRole('alert')).toHaveTextContent('This page could not be shown');
    expect(screen.getByRole('alert')).toHaveTextContent('render exploded');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });

  it('the shell itself failing lands on the root boundary', () => {
    renderFailing('shell', new Error('layout exploded'));
    expect(screen.getByRole('heading', { name: 'OceanBase backup' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('layout exploded');
  });
});
