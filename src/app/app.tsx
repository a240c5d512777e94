import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { LocaleProvider, documentLocale } from '../lib/i18n/locale';
import { createObshellClient } from '../lib/obshell/client';
import { createCredentialStore } from '../lib/obshell/credentials';
import { ObshellProvider, type ObshellConnection } from '../lib/obshell/obshell-context';
import { createAppQueryClient } from './query-client';
import { AppRoutes } from './router';
import { theme } from './theme';

function ConnectedApp() {
  const [connection] = useState<ObshellConnection>(() => {
    const credentials = createCredentialStore();
    return {
      clusterKey: 'default',
      label: 'obshell',
      credentials,
      client: createObshellClient({
        apiBase: '',
        getCredentials: credentials.get,
        getLocale: documentLocale,
      }),
    };
  });
  return (
    <ObshellProvider value={connection}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </ObshellProvider>
  );
}

export function App() {
  const [queryClient] = useState(createAppQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <ConnectedApp />
        </LocaleProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
