import { Badge, Group, Stack, Text } from '@mantine/core';
import { screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { group, redBadge, stack, text, type TextLook } from './row-parts';

/**
 * The status rows copy Mantine's Text, Stack, Group and Badge markup onto plain elements
 * (row-parts.tsx). These tests compare the two, element for element, so a Mantine upgrade that
 * changes its markup fails here rather than changing the rows' look unnoticed.
 */

/** Mantine's element and ours, side by side; their outer HTML must be the same. */
function expectSame(theirs: ReactElement, ours: ReactElement) {
  renderWithApp(
    <>
      <div data-testid="theirs">{theirs}</div>
      <div data-testid="ours">{ours}</div>
    </>,
  );
  const html = (id: string) => screen.getByTestId(id).innerHTML;
  expect(html('ours')).toBe(html('theirs'));
  expect(html('ours')).toMatch(/class="[^"]*m_/);
}

const mantineText: Record<TextLook, ReactElement> = {
  sm: <Text size="sm">x</Text>,
  xs: <Text size="xs">x</Text>,
  name: (
    <Text size="sm" fw={600}>
      x
    </Text>
  ),
  alert: (
    <Text size="sm" fw={700} c="var(--mantine-color-red-text)">
      x
    </Text>
  ),
  dimmed: (
    <Text size="xs" c="dimmed">
      x
    </Text>
  ),
  breakAll: (
    <Text size="xs" style={{ wordBreak: 'break-all' }}>
      x
    </Text>
  ),
  breakWord: (
    <Text size="xs" style={{ wordBreak: 'break-word' }}>
      x
    </Text>
  ),
};

describe('status row parts', () => {
  it.each(Object.keys(mantineText) as TextLook[])('text(%s) is Mantine’s Text', (look) => {
    expectSame(mantineText[look], text(look, 'x'));
  });

  it('stack() is <Stack gap={0}>', () => {
    expectSame(
      <Stack gap={0}>
        <span>a</span>
        <span>b</span>
      </Stack>,
      stack(<span key="a">a</span>, <span key="b">b</span>),
    );
  });

  it('group() is <Group gap={4}>', () => {
    expectSame(
      <Group gap={4}>
        <span>a</span>
      </Group>,
      group([<span key="a">a</span>]),
    );
  });

  it('redBadge() is Mantine’s red light Badge in mixed case', () => {
    expectSame(
      <Badge color="red" variant="light" tt="none">
        Never backed up
      </Badge>,
      redBadge('never', 'Never backed up'),
    );
  });
});
