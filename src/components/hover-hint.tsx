import type { TooltipProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Tooltip as LazyTooltip } from './hover-hint-tooltip';

type TooltipComponent = typeof LazyTooltip;

let loaded: TooltipComponent | undefined;
let loading: Promise<TooltipComponent | undefined> | undefined;

function loadTooltip(): Promise<TooltipComponent | undefined> {
  loading ??= import('./hover-hint-tooltip').then(
    (m) => (loaded = m.Tooltip),
    () => {
      // Offline or a stale deployment: the control works without its hint; try again next mount.
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}

/**
 * Mantine's Tooltip, fetched right after the first render instead of with the first screen: it is
 * a hover hint on controls that carry their own accessible name, and it brings the floating-ui
 * positioning code (~13 KB gzip). Until it arrives the control renders without the hint.
 */
export function HoverHint(props: TooltipProps) {
  const [Tooltip, setTooltip] = useState<TooltipComponent | undefined>(() => loaded);
  useEffect(() => {
    if (Tooltip) return;
    let active = true;
    void loadTooltip().then((component) => {
      if (active && component) setTooltip(() => component);
    });
    return () => {
      active = false;
    };
  }, [Tooltip]);
  return Tooltip ? <Tooltip {...props} /> : props.children;
}
