import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { LocaleProvider, type Locale } from '../lib/i18n/locale';
import { createObshellConnection } from '../lib/obshell/connection';
import { ObshellProvider, type ObshellConnection } from '../lib/obshell/obshell-context';
import { theme } from '../app/theme';

export interface RenderWithAppOptions extends Omit<RenderOptions, 'wrapper'> {
  locale?: Locale;
  route?: string;
  connection?: Partial<ObshellConnection>;
  queryClient?: QueryClient;
}

export function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
}

/** Renders a component inside the app's providers: Mantine (env=test), a fresh QueryClient, locale. */
export function renderWithApp(ui: ReactElement, options: RenderWithAppOptions = {}) {
  const {
    locale = 'en',
    route = '/',
    connection,
    queryClient = createTestQueryClient(),
    ...rest
  } = options;
  const value: ObshellConnection = {
    ...createObshellConnection(
      { clusterKey: 'test', label: 'test', apiBase: '' },
      { getLocale: () => locale, credentials: connection?.credentials },
    ),
    ...connection,
  };
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <MantineProvider theme={theme} env="test">
        <QueryClientProvider client={queryClient}>
          <LocaleProvider initial={locale}>
            <ObshellProvider value={value}>
              <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
            </ObshellProvider>
          </LocaleProvider>
        </QueryClientProvider>
      </MantineProvider>
    );
  }
  return { queryClient, connection: value, ...render(ui, { wrapper: Wrapper, ...rest }) };
}
