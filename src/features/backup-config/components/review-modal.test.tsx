import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { BASELINE_FIELDS, type BaselineField, type FieldBaseline } from '../model/baseline';
import type { BackupConfigPatch, ChangeAnalysis } from '../model/changes';
import { ReviewModal, type ReviewProps } from './review-modal';

const baseline = Object.fromEntries(
  BASELINE_FIELDS.map((field) => [field, { kind: 'common', value: '0' }]),
) as Record<BaselineField, FieldBaseline>;

function props(body: BackupConfigPatch, overrides: Partial<ReviewProps> = {}): ReviewProps {
  const analysis: ChangeAnalysis = {
    dirty: new Set(Object.keys(body) as (keyof BackupConfigPatch)[]),
    uriKey: 'backup_base_uri',
    dataUri: undefined,
    destinationFilled: body.backup_base_uri !== undefined,
    uriRequiredBy: [],
    uriSent: body.backup_base_uri !== undefined,
    composedUri: body.backup_base_uri,
  };
  return {
    opened: true,
    onClose: vi.fn(),
    body,
    analysis,
    baseline,
    clusterName: 'obdemo',
    tenantNames: ['app_tenant', 'report_tenant'],
    runningDagIds: [],
    agent: { host: '127.0.0.1', port: 2886 },
    pending: false,
    onConfirm: vi.fn(),
    ...overrides,
  };
}

describe('ReviewModal', () => {
  it('names the cluster the change lands on, with the configured target when it differs', async () => {
    renderWithApp(<ReviewModal {...props({ ha_low_thread_score: 3 })} />, {
      connection: { label: 'prod-east' },
    });
    const dialog = await screen.findByRole('dialog', { name: 'Review the change' });
    expect(within(dialog).getByTestId('review-cluster')).toHaveTextContent(
      'Cluster: obdemo (target “prod-east”)',
    );
  });

  it('names the cluster once when the target is named after it, in Chinese too', async () => {
    renderWithApp(<ReviewModal {...props({ ha_low_thread_score: 3 })} />, {
      locale: 'zh',
      connection: { label: 'obdemo' },
    });
    const dialog = await screen.findByRole('dialog', { name: '确认变更' });
    expect(within(dialog).getByTestId('review-cluster')).toHaveTextContent(/^集群:\s*obdemo$/);
  });

  it('requires the cluster name before switching archiving off, and masks the access_key', async () => {
    const user = userEvent.setup();
    const key = 'AKsecret-1';
    const p = props({
      backup_base_uri: `oss://b/p?host=h&access_id=i&access_key=${key}`,
    });
    renderWithApp(<ReviewModal {...p} />, { connection: { label: 'prod-east' } });
    const dialog = await screen.findByRole('dialog', { name: 'Review the change' });
    expect(dialog).not.toHaveTextContent(key);
    const apply = within(dialog).getByRole('button', { name: 'Apply change' });
    expect(apply).toBeDisabled();
    // The configured target name is not the cluster name.
    await user.type(within(dialog).getByLabelText(/Type the cluster name/), 'prod-east');
    expect(apply).toBeDisabled();
    await user.clear(within(dialog).getByLabelText(/Type the cluster name/));
    await user.type(within(dialog).getByLabelText(/Type the cluster name/), 'obdemo');
    await user.click(apply);
    expect(p.onConfirm).toHaveBeenCalledTimes(1);
  });
});
