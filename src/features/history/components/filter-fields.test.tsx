import { NativeSelect, TextInput } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { SelectField, TextField } from './filter-fields';

/**
 * The filter fields copy Mantine's NativeSelect/TextInput markup onto plain elements (issue 15).
 * These tests compare the two, so a Mantine upgrade that changes its markup fails here rather
 * than changing the History page's look unnoticed.
 */

/** Tag, classes and data attributes of an element and its ancestors up to the field's root. */
function shape(control: HTMLElement, levels: number): string[] {
  const out: string[] = [];
  let element: Element | null = control;
  for (let level = 0; level < levels && element; level += 1) {
    const data = [...element.attributes]
      .filter((a) => a.name.startsWith('data-'))
      .map((a) => `${a.name}=${a.value}`)
      .sort();
    // Mantine's own classes only (our module's are extra variables); `m_…` names are Mantine's.
    const classes = [...element.classList].filter((c) => c.startsWith('m_')).sort();
    out.push(`${element.tagName} ${classes.join('.')} ${data.join(' ')}`);
    // eslint-disable-next-line testing-library/no-node-access -- the markup itself is under test
    element = element.parentElement;
  }
  return out;
}

function labelShape(name: string): string {
  const label = screen.getByText(name, { selector: 'label' });
  return [...label.classList].filter((c) => c.startsWith('m_')).join('.');
}

const noop = () => undefined;

describe('History filter fields', () => {
  it('a select has the markup of Mantine’s NativeSelect', () => {
    const options = [{ value: 'a', label: 'A' }];
    renderWithApp(
      <>
        <NativeSelect label="Mantine" data={options} value="a" onChange={noop} />
        <SelectField label="Ours" options={options} value="a" onChange={noop} />
      </>,
    );
    const theirs = screen.getByRole('combobox', { name: 'Mantine' });
    const ours = screen.getByRole('combobox', { name: 'Ours' });
    expect(shape(ours, 3)).toEqual(shape(theirs, 3));
    expect(labelShape('Ours')).toBe(labelShape('Mantine'));
  });

  it('a text input has the markup of Mantine’s TextInput', () => {
    renderWithApp(
      <>
        <TextInput label="Mantine" value="" onChange={noop} />
        <TextField label="Ours" value="" onChange={noop} />
      </>,
    );
    const theirs = screen.getByRole('textbox', { name: 'Mantine' });
    const ours = screen.getByRole('textbox', { name: 'Ours' });
    expect(shape(ours, 3)).toEqual(shape(theirs, 3));
    expect(labelShape('Ours')).toBe(labelShape('Mantine'));
  });
});
