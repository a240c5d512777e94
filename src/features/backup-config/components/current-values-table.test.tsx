import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { deriveBaseline, type TenantSnapshot } from '../model/baseline';
import { CurrentValuesTable } from './current-values-table';

const CLUSTER = 1700000001;

function tenants(count: number, concurrencyOf = (_i: number) => '0'): TenantSnapshot[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `tenant_${String(i + 1).padStart(4, '0')}`,
    tenantId: 1002 + i,
    storage: { archive_base_uri: '', data_base_uri: '' },
    parameters: { log_archive_concurrency: concurrencyOf(i) },
  }));
}

function renderTable(list: TenantSnapshot[], locale: 'en' | 'zh' = 'en') {
  renderWithApp(
    <CurrentValuesTable
      tenants={list}
      clusterId={CLUSTER}
      baseline={deriveBaseline(list, CLUSTER)}
    />,
    { locale },
  );
}

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Current values per tenant' }))
    .getAllByRole('row')
    .slice(1);

describe('CurrentValuesTable', () => {
  it('shows 50 tenants a page, and the column marked "differs" by a tenant on another page', async () => {
    const user = userEvent.setup();
    // Only the last tenant (page 3) has another log_archive_concurrency.
    const list = tenants(120, (i) => (i === 119 ? '8' : '0'));
    renderTable(list);
    expect(bodyRows()).toHaveLength(50);
    expect(screen.getByText('Tenants 1–50 of 120')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /log_archive_concurrency/ })).toHaveTextContent(
      'differs',
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Tenants 51–100 of 120')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(bodyRows()).toHaveLength(20);
    expect(bodyRows()[19]).toHaveTextContent('tenant_0120');
    expect(bodyRows()[19]).toHaveTextContent('8');
    expect(screen.getByText('Tenants 101–120 of 120')).toBeInTheDocument();
  });

  it('has no pager up to 50 tenants', () => {
    const list = tenants(50);
    renderTable(list);
    expect(bodyRows()).toHaveLength(50);
    expect(screen.queryByRole('button', { name: 'Next page' })).not.toBeInTheDocument();
  });

  it('names the pager in Chinese on a Chinese page', () => {
    const list = tenants(51);
    renderTable(list, 'zh');
    expect(screen.getByRole('button', { name: '下一页' })).toBeInTheDocument();
    expect(screen.getByText('第 1–50 个租户，共 51 个')).toBeInTheDocument();
  });
});
