import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import {
  emitHostEvent,
  isAllowedHostOrigin,
  rememberHostOrigin,
  type HostCluster,
} from '../../../lib/host-events';
import { useLocale } from '../../../lib/i18n/locale';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { watchDags } from '../dag-watch';
import { useEmbedParams } from '../embed-context';
import { hostMessageSchema, type HostMessage } from '../embed-params';

/**
 * Connects the app to the portal that frames it: applies theme/locale from the URL and from
 * allow-listed `postMessage`s, and reports ready / DAG started / DAG finished. Renders nothing.
 */
export function HostBridge({ clusters }: { clusters: readonly HostCluster[] }) {
  const params = useEmbedParams();
  const { setColorScheme } = useMantineColorScheme();
  // 'light' | 'dark' as shown (an 'auto' preference resolved), for the ready event.
  const shownScheme = useComputedColorScheme('light');
  const { locale, setLocale } = useLocale();
  const queryClient = useQueryClient();
  const { clusterKey, label } = useObshell();

  // The URL's theme wins once at start; the host can change it later by message.
  // (Once: Mantine's setter changes identity between renders, and re-applying the URL's theme
  // would undo what the host asked for since.)
  const applyUrlTheme = useEffectEvent(() => {
    if (params.theme) setColorScheme(params.theme);
  });
  useEffect(() => applyUrlTheme(), []);

  const currentCluster = useEffectEvent((): HostCluster => ({ id: clusterKey, name: label }));
  const sendReady = useEffectEvent(() =>
    emitHostEvent({
      type: 'obdash:ready',
      cluster: currentCluster(),
      locale,
      // The URL's theme is being applied in this same commit; report what the user will see.
      theme: params.theme ?? shownScheme,
    }),
  );
  const apply = useEffectEvent((message: HostMessage) => {
    switch (message.type) {
      case 'obdash:set-theme':
        setColorScheme(message.theme);
        break;
      case 'obdash:set-locale':
        setLocale(message.locale);
        break;
      case 'obdash:hello':
        sendReady();
        break;
    }
  });

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      if (!isAllowedHostOrigin(event.origin)) return;
      const message = hostMessageSchema.safeParse(event.data);
      if (!message.success) return;
      rememberHostOrigin(event.origin);
      apply(message.data);
    }
    window.addEventListener('message', onMessage);
    sendReady();
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(
    () =>
      watchDags(
        queryClient,
        (key) =>
          clusters.find((cluster) => key?.some((part) => part === cluster.id)) ?? currentCluster(),
        emitHostEvent,
      ),
    [queryClient, clusters],
  );
  return null;
}
