import { Badge, Group, Stack, Text } from '@mantine/core';
import { createElement, type CSSProperties, type ReactNode } from 'react';

/**
 * Mantine's Text, Stack, Group and Badge as the status rows use them, on plain elements: the same
 * tags, classes, data attributes and inline styles (row-parts.test.tsx compares them with
 * Mantine's own markup, attribute order included, so an upgrade that changes it fails there).
 * Plain functions, not components: no fiber, useProps, styles API or Box per piece. With 200
 * tenants the first page's 50 rows render ~250 times while reads arrive, ~14 Mantine components
 * each: most of the page's React time (bench profile, main thread: React render and commit
 * 670-760 -> 442 ms; the renderer's CPU 1315 -> 1175 ms, medians of 6 runs).
 */

type Style = Record<string, string | number>;
const style = (s: Style) => s as CSSProperties;

const textClass = ['mantine-focus-auto', Text.classes.root, 'mantine-Text-root'].join(' ');
const SM: Style = {
  '--text-fz': 'var(--mantine-font-size-sm)',
  '--text-lh': 'var(--mantine-line-height-sm)',
};
const XS: Style = {
  '--text-fz': 'var(--mantine-font-size-xs)',
  '--text-lh': 'var(--mantine-line-height-xs)',
};

/**
 * A Text look: `sm`/`xs` are `<Text size>`; `name` adds fw={600}; `alert` adds
 * c="var(--mantine-color-red-text)" and fw={700}; `dimmed` is c="dimmed"; `breakAll` and
 * `breakWord` add `style={{ wordBreak }}`.
 */
export type TextLook = 'sm' | 'xs' | 'name' | 'alert' | 'dimmed' | 'breakAll' | 'breakWord';

// Built once: React skips an unchanged style object when a row renders again.
const LOOKS: Record<TextLook, { size: 'sm' | 'xs'; style: CSSProperties }> = {
  sm: { size: 'sm', style: style(SM) },
  xs: { size: 'xs', style: style(XS) },
  name: { size: 'sm', style: style({ ...SM, fontWeight: 600 }) },
  alert: {
    size: 'sm',
    style: style({ ...SM, color: 'var(--mantine-color-red-text)', fontWeight: 700 }),
  },
  dimmed: { size: 'xs', style: style({ ...XS, color: 'var(--mantine-color-dimmed)' }) },
  breakAll: { size: 'xs', style: style({ ...XS, wordBreak: 'break-all' }) },
  breakWord: { size: 'xs', style: style({ ...XS, wordBreak: 'break-word' }) },
};

/** `<Text>` in one of the row's looks. */
export function text(look: TextLook, children: ReactNode) {
  const { size, style } = LOOKS[look];
  return (
    <p style={style} className={textClass} data-size={size}>
      {children}
    </p>
  );
}

const stackClass = [Stack.classes.root, 'mantine-Stack-root'].join(' ');
const STACK_STYLE = style({
  '--stack-gap': '0rem',
  '--stack-align': 'stretch',
  '--stack-justify': 'flex-start',
});

/** `<Stack gap={0}>` around `children` (each its own argument: no keys needed). */
export function stack(...children: ReactNode[]) {
  return createElement('div', { style: STACK_STYLE, className: stackClass }, ...children);
}

const groupClass = [Group.classes.root, 'mantine-Group-root'].join(' ');
const GROUP_STYLE = style({
  '--group-gap': 'calc(0.25rem * var(--mantine-scale))',
  '--group-align': 'center',
  '--group-justify': 'flex-start',
  '--group-wrap': 'wrap',
});

/** `<Group gap={4}>` (the children: an array of keyed elements). */
export function group(children: ReactNode) {
  return (
    <div style={GROUP_STYLE} className={groupClass}>
      {children}
    </div>
  );
}

const badgeClass = [Badge.classes.root, 'mantine-Badge-root'].join(' ');
const badgeLabelClass = [Badge.classes.label, 'mantine-Badge-label'].join(' ');
const BADGE_STYLE = style({
  '--badge-bg': 'var(--mantine-color-red-light)',
  '--badge-color': 'var(--mantine-color-red-light-color)',
  '--badge-bd': 'calc(0.0625rem * var(--mantine-scale)) solid transparent',
  textTransform: 'none',
});

/** `<Badge key={key} color="red" variant="light" tt="none">`. */
export function redBadge(key: string, children: ReactNode) {
  return (
    <div key={key} style={BADGE_STYLE} className={badgeClass} data-variant="light">
      <span className={badgeLabelClass}>{children}</span>
    </div>
  );
}
