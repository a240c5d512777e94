import type { TooltipProps } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { cloneElement, isValidElement, useEffect, useState, type Ref } from 'react';
import type { Tooltip as LazyTooltip } from './hover-hint-tooltip';
import { preloadableChunk } from '../lib/chunk-load';
import { whenUntouched } from './when-untouched';

type TooltipComponent = typeof LazyTooltip;

// Loaded once for every hint; a failed load (offline, a stale deployment) is forgotten, so the
// next mount tries again, and until then the control works without its hint.
const tooltipChunk = preloadableChunk(() => import('./hover-hint-tooltip'));

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
  const [Tooltip, setTooltip] = useState<TooltipComponent | undefined>(
    () => tooltipChunk.current()?.Tooltip,
  );
  const [target, setTarget] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (Tooltip) return;
    let active = true;
    let cancelWait: (() => void) | undefined;
    tooltipChunk.load().then(
      ({ Tooltip: component }) => {
        if (!active) return;
        cancelWait = whenUntouched(target, () => {
          setTooltip(() => component);
        });
      },
      () => undefined,
    );
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
