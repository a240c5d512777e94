import { Table } from '@mantine/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../testing/render';
import { DataCell, DataRow, DataRowHeader, DataTable, type DataColumn } from './data-table';

const columns: DataColumn[] = [
  { key: 'name', header: 'Name' },
  { key: 'state', header: 'State' },
];

describe('DataTable', () => {
  it('with fixedLayout, lays the table out from the header widths (rows may defer their content)', () => {
    renderWithApp(
      <>
        <DataTable
          columns={[{ ...columns[0]!, width: '7rem' }, columns[1]!]}
          label="Fixed"
          fixedLayout
        >
          <DataRow>
            <DataCell>a</DataCell>
            <DataCell>ok</DataCell>
          </DataRow>
        </DataTable>
        <DataTable columns={columns} label="Auto" />
      </>,
    );
    const fixed = screen.getByRole('table', { name: 'Fixed' });
    expect(fixed.style.getPropertyValue('--table-layout')).toBe('fixed');
    // A long unbroken value wraps in its fixed-width cell instead of running over the next one.
    expect(fixed.style.overflowWrap).toBe('anywhere');
    const [name, state] = within(fixed).getAllByRole('columnheader');
    expect(name?.style.width).toBe('7rem');
    expect(state?.style.width).toBe('');
    // Plain header cells wear Mantine's Table.Th look.
    const thClass = Table.classes.th ?? 'Table.Th class';
    expect(name).toHaveClass(thClass);
    expect(state).toHaveClass(thClass);
    const auto = screen.getByRole('table', { name: 'Auto' });
    expect(auto.style.getPropertyValue('--table-layout')).toBe('');
    expect(auto.style.overflowWrap).toBe('');
  });

  it('names the table by its caption or label, heads every column, renders the rows', () => {
    renderWithApp(
      <>
        <DataTable columns={columns} caption="Unfinished tasks">
          {['a', 'b'].map((name) => (
            <DataRow key={name} data-testid="row">
              <DataRowHeader>{name}</DataRowHeader>
              <DataCell>ok</DataCell>
            </DataRow>
          ))}
        </DataTable>
        <DataTable columns={columns} label="Tenants">
          {[]}
        </DataTable>
      </>,
    );
    const table = screen.getByRole('table', { name: 'Unfinished tasks' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'State']);
    expect(within(table).getByRole('rowheader', { name: 'a' })).toBeInTheDocument();
    expect(
      within(table)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['ok', 'ok']);
    // Mantine's table look on plain elements: striped, bordered, padded.
    const [first] = screen.getAllByTestId('row');
    expect(first).toHaveAttribute('data-striped', 'odd');
    expect(first?.className).toMatch(/\S/);
    // No rows and no empty text: just the header row.
    expect(within(screen.getByRole('table', { name: 'Tenants' })).getAllByRole('row')).toHaveLength(
      1,
    );
  });

  it('shows the empty text in one row spanning every column', () => {
    renderWithApp(
      <DataTable columns={columns} label="Tasks" empty="No tasks">
        {[]}
      </DataTable>,
    );
    const cell = within(screen.getByRole('table', { name: 'Tasks' })).getByRole('cell');
    expect(cell).toHaveTextContent('No tasks');
    expect(cell).toHaveAttribute('colspan', '2');
  });

  it('a sortable column: a button in its header, aria-sort on the sorted one only', async () => {
    const onSort = vi.fn();
    renderWithApp(
      <DataTable
        label="Tenants"
        columns={[
          { key: 'name', header: 'Name', sort: { direction: 'descending', onSort: vi.fn() } },
          { key: 'delay', header: 'Delay', sort: { direction: undefined, onSort } },
          { key: 'note', header: 'Note' },
        ]}
      >
        {[]}
      </DataTable>,
    );
    const [name, delay, note] = screen.getAllByRole('columnheader');
    expect(name).toHaveAttribute('aria-sort', 'descending');
    expect(delay).toHaveAttribute('aria-sort', 'none');
    expect(note).not.toHaveAttribute('aria-sort');
    await userEvent.click(within(delay!).getByRole('button', { name: 'Delay' }));
    expect(onSort).toHaveBeenCalledOnce();
    expect(within(note!).queryByRole('button')).not.toBeInTheDocument();
  });
});
