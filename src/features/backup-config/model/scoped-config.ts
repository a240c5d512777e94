import type { CurrentConfig } from '../hooks/use-current-config';
import { readingBaseline } from './baseline';
import { findScopeTenant, tenantBaseline, type Scope } from './tenant-scope';

/**
 * What the form edits for a scope: the whole cluster as read, or one tenant's own values.
 * undefined: the scope names a tenant that is not a user tenant (unknown, or sys).
 */
export function scopedConfig(config: CurrentConfig, scope: Scope): CurrentConfig | undefined {
  if (scope.kind === 'cluster') return config;
  const tenant = findScopeTenant(scope, config.tenants);
  if (!tenant) return undefined;
  return {
    cluster: config.cluster,
    tenants: [tenant],
    baseline: tenantBaseline(tenant, config.cluster.id),
  };
}

/**
 * What the form edits while the tenants are still being read: the scope's tenants, and a baseline
 * that knows nothing yet (readingBaseline). Never reviewed; replaced by `scopedConfig` of the
 * complete read.
 */
export function readingConfig(partial: CurrentConfig, scope: Scope): CurrentConfig | undefined {
  if (scope.kind === 'cluster') {
    return { cluster: partial.cluster, tenants: partial.tenants, baseline: readingBaseline() };
  }
  const tenant = findScopeTenant(scope, partial.tenants);
  if (!tenant) return undefined;
  return { cluster: partial.cluster, tenants: [tenant], baseline: readingBaseline(tenant.name) };
}
