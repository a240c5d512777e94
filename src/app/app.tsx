import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { LocaleProvider } from '../lib/i18n/locale';
import { createObshellConnection } from '../lib/obshell/connection';
import type { ObshellConnection } from '../lib/obshell/obshell-context';
import { configureHostEvents } from '../lib/host-events';
import {
  clientTimeoutFor,
  readRuntimeConfig,
  routerBasename,
  type RuntimeCluster,
  type RuntimeConfig,
} from '../lib/runtime-config';
import { ClustersProvider } from '../features/clusters/clusters-context';
import { EmbedProvider } from '../features/embed/embed-context';
import { readEmbedParams, sessionStorageOrUndefined } from '../features/embed/embed-params';
import { HostBridge } from '../features/embed/components/host-bridge';
import { createAppQueryClient } from './query-client';
import { SessionShell } from './session-shell';
import { cssVariablesResolver, theme } from './theme';

/** One connection per configured cluster, each with its own password store and client. */
function createConnection(cluster: RuntimeCluster): ObshellConnection {
  return createObshellConnection({
    clusterKey: cluster.id,
    label: cluster.name,
    apiBase: cluster.apiBase,
    timeoutMs: clientTimeoutFor(cluster),
  });
}

function ConnectedApp({ config }: { config: RuntimeConfig }) {
  // The cluster switch remounts everything under ClustersProvider (the router's state lives
  // outside it and survives), so no page keeps what was typed for another cluster.
  return (
    <ClustersProvider clusters={config.clusters} createConnection={createConnection}>
      <HostBridge clusters={config.clusters} />
      <SessionShell basename={routerBasename(config)} />
    </ClustersProvider>
  );
}

export function App() {
  const [queryClient] = useState(createAppQueryClient);
  // Runtime config (base path, clusters, embedding) from the production server; dev defaults in Vite.
  const [config] = useState(() => {
    const runtime = readRuntimeConfig();
    configureHostEvents(runtime.embedOrigins);
    return runtime;
  });
  const [embed] = useState(() =>
    readEmbedParams(window.location.search, sessionStorageOrUndefined()),
  );
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      cssVariablesResolver={cssVariablesResolver}
    >
      <QueryClientProvider client={queryClient}>
        <LocaleProvider initial={embed.locale}>
          <EmbedProvider value={embed}>
            <ConnectedApp config={config} />
          </EmbedProvider>
        </LocaleProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
