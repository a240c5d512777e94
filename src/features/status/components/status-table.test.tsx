import { MantineThemeProvider, Text } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { deriveRow, type TenantReads } from '../model/tenant-status';
import { StatusTable } from './status-table';

const healthy: TenantReads = {
  name: 'ok_t',
  tenantId: 1002,
  status: 'NORMAL',
  storage: { archive_base_uri: 'file:///b/clog', data_base_uri: 'file:///b/data' },
  parameters: { readable: true, values: { archive_lag_target: '2m' } },
  archive: [{ status: 'DOING', delay: 3, checkpoint: '2026-12-04T10:00:00Z' }],
  lastBackup: { status: 'COMPLETED', backup_type: 'FULL', start_timestamp: '2026-12-02T10:00:00Z' },
};

// Every kind of cell: loading, problems (badges), delay over target, a failed backup's comment.
const rows = [
  deriveRow(healthy),
  deriveRow({ name: 'loading_t', tenantId: 1003, status: null }),
  deriveRow({ ...healthy, name: 'off_t', status: 'LOCKED', archive: [] }),
  deriveRow({ ...healthy, name: 'late_t', archive: [{ status: 'DOING', delay: 9000 }] }),
  deriveRow({
    ...healthy,
    name: 'failed_t',
    lastBackup: { status: 'FAILED', result: -9081, comment: 'no space' },
  }),
];

describe('StatusTable', () => {
  // With 200 tenants the first page's rows render ~250 times while reads arrive; as Mantine
  // components they were most of the page's React time (see row-parts.tsx).
  it('renders its rows without Mantine Text, Stack, Group or Badge components', () => {
    const rendered = new Map<string, number>();
    const counted = (name: string) => ({
      defaultProps: () => {
        rendered.set(name, (rendered.get(name) ?? 0) + 1);
        return {};
      },
    });
    renderWithApp(
      <MantineThemeProvider
        theme={{
          components: {
            Text: counted('Text'),
            Stack: counted('Stack'),
            Group: counted('Group'),
            Badge: counted('Badge'),
          },
        }}
      >
        {/* The counter itself works: one Mantine Text, counted once. */}
        <Text>control</Text>
        <StatusTable rows={rows} />
      </MantineThemeProvider>,
    );
    expect(screen.getAllByTestId('status-row')).toHaveLength(rows.length);
    expect(screen.getByText('Archive delay over target')).toBeInTheDocument();
    expect(screen.getByText('result -9081 — no space')).toBeInTheDocument();
    expect(Object.fromEntries(rendered)).toEqual({ Text: 1 });
  });
});
