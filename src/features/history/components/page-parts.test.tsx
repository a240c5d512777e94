import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import {
  DefaultButton,
  fieldsetGroupClass,
  stackClass,
  textClass,
  tightGroupClass,
  titleClass,
} from './page-parts';

/**
 * The History page's frame copies Mantine's Stack, Group, Title, Text and Button markup onto
 * plain elements (issue 15). These tests compare the two, so a Mantine upgrade that changes its
 * markup fails here rather than changing the page's look unnoticed.
 */

/** Tag, Mantine's classes (`m_…`, focus/active helpers) and data attributes of an element and its children. */
function shape(element: Element): string {
  const data = [...element.attributes]
    .filter((a) => a.name.startsWith('data-'))
    .map((a) => `${a.name}=${a.value}`)
    .sort();
  const classes = [...element.classList]
    .filter((c) => c.startsWith('m_') || c === 'mantine-focus-auto' || c === 'mantine-active')
    .sort();
  // eslint-disable-next-line testing-library/no-node-access -- the markup itself is under test
  const children = [...element.children].map(shape).join(',');
  return `${element.tagName} ${classes.join('.')} ${data.join(' ')} [${children}]`;
}

const mantineClasses = (className: string) =>
  className.split(' ').filter((c) => c.startsWith('m_') || c === 'mantine-focus-auto');

describe('History page parts', () => {
  it('DefaultButton has the markup of Mantine’s default Button, enabled and disabled', async () => {
    const onClick = vi.fn();
    renderWithApp(
      <>
        <Button variant="default">Mantine</Button>
        <DefaultButton onClick={onClick}>Ours</DefaultButton>
        <Button variant="default" disabled>
          Mantine off
        </Button>
        <DefaultButton disabled onClick={onClick}>
          Ours off
        </DefaultButton>
      </>,
    );
    const [theirs, ours, theirsOff, oursOff] = ['Mantine', 'Ours', 'Mantine off', 'Ours off'].map(
      (name) => screen.getByRole('button', { name }),
    );
    expect(shape(ours!)).toBe(shape(theirs!));
    expect(shape(oursOff!)).toBe(shape(theirsOff!));
    expect(oursOff).toBeDisabled();
    await userEvent.click(ours!);
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('the frame’s classes are Mantine’s Stack, Group, Title and Text classes', () => {
    renderWithApp(
      <>
        <Stack data-testid="stack" />
        <Group data-testid="group" />
        <Title order={2}>Title</Title>
        <Text>Text</Text>
      </>,
    );
    const classOf = (element: HTMLElement) => mantineClasses(element.className);
    expect(mantineClasses(stackClass)).toEqual(classOf(screen.getByTestId('stack')));
    const group = classOf(screen.getByTestId('group'));
    expect(mantineClasses(tightGroupClass)).toEqual(group);
    expect(mantineClasses(fieldsetGroupClass)).toEqual(group);
    expect(mantineClasses(titleClass)).toEqual(classOf(screen.getByRole('heading')));
    expect(mantineClasses(textClass)).toEqual(classOf(screen.getByText('Text')));
  });
});
