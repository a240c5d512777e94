import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import { createContext, useContext, useState, type ReactElement, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
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

// The app runs on a data router (useBlocker needs one). The router is made once per render; the
// rendered element reaches it through a context, so `rerender()` does not reset the history.
const UiContext = createContext<ReactNode>(null);
function Ui() {
  return useContext(UiContext);
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
    const [router] = useState(() =>
      createMemoryRouter([{ path: '*', Component: Ui }], { initialEntries: [route] }),
    );
    return (
      <MantineProvider theme={theme} env="test">
        <QueryClientProvider client={queryClient}>
          <LocaleProvider initial={locale}>
            <ObshellProvider value={value}>
              <UiContext.Provider value={children}>
                {/* Route changes render at once, as the MemoryRouter did: a transition render can
                    lag past findBy's timeout on a loaded machine. */}
                <RouterProvider router={router} useTransitions={false} />
              </UiContext.Provider>
            </ObshellProvider>
          </LocaleProvider>
        </QueryClientProvider>
      </MantineProvider>
    );
  }
  return { queryClient, connection: value, ...render(ui, { wrapper: Wrapper, ...rest }) };
}
