import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Filled buttons: white on blue.6 is 3.6:1; shade 8 reaches 4.5:1 (WCAG AA). Where white text
  // still falls short (orange, yellow, teal fills) autoContrast switches it to dark text.
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.2,
  defaultRadius: 'md',
  // Users who ask their OS for less motion get dialogs and transitions without animation.
  respectReducedMotion: true,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", sans-serif',
});

/**
 * WCAG AA contrast (4.5:1, checked by e2e/a11y.spec.ts with axe): Mantine's default dimmed text
 * (gray.6 on white 3.3:1, dark.2 on dark.7 4.0:1) and "light" variant text (blue.6 on its tint
 * 3.2:1, teal 2.3:1) are too faint. Darker text in light scheme, lighter dimmed text in dark.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    '--mantine-color-blue-text': 'var(--mantine-color-blue-9)',
    '--mantine-color-red-text': 'var(--mantine-color-red-9)',
    '--mantine-color-teal-text': '#066649',
    '--mantine-color-green-text': '#1f6b32',
    '--mantine-color-orange-text': '#a8430a',
    '--mantine-color-yellow-text': '#7c5800',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-red-light-color': '#b02525',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
    '--mantine-color-teal-light-color': '#066649',
    '--mantine-color-green-light-color': '#1f6b32',
    '--mantine-color-orange-light-color': '#a8430a',
    '--mantine-color-yellow-light-color': '#7c5800',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  },
});
