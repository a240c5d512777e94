import type { TooltipProps } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { cloneElement, isValidElement, useEffect, useState, type Ref } from 'react';
import type { Tooltip as LazyTooltip } from './hover-hint-tooltip';
import { whenUntouched } from './when-untouched';

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
 *
 * Wrapping the control in the Tooltip remounts it (a new parent), which would drop its focus or a
 * click pressed at that instant; so the wrap waits until the control is not hovered, pressed or
 * focused.
 */
export function HoverHint(props: TooltipProps) {
  const [Tooltip, setTooltip] = useState<TooltipComponent | undefined>(() => loaded);
  const [target, setTarget] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (Tooltip) return;
    let active = true;
    let cancelWait: (() => void) | undefined;
    void loadTooltip().then((component) => {
      if (!active || !component) return;
      cancelWait = whenUntouched(target, () => {
        setTooltip(() => component);
      });
    });
    return () => {
      active = false;
      cancelWait?.();
    };
  }, [Tooltip, target]);
  const { children } = props;
  const control = isValidElement<{ ref?: Ref<HTMLElement> }>(children) ? children : undefined;
  const ref = useMergedRef(control?.props.ref, setTarget);
  if (Tooltip) return <Tooltip {...props} />;
  return control ? cloneElement(control, { ref }) : children;
}
