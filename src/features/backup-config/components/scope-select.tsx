import { Select } from '@mantine/core';
import { memo } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import type { Scope } from '../model/tenant-scope';
import { tenantMessages } from '../tenant-messages';

const CLUSTER = '__cluster__';

/**
 * Cluster level or one user tenant (sys is never listed: `tenants` are user tenant names only).
 * Memoized: the page re-renders with every tenant read, the list of names does not change.
 */
export const ScopeSelect = memo(function ScopeSelect({
  scope,
  tenants,
  onChange,
}: {
  scope: Scope;
  tenants: readonly string[];
  onChange: (scope: Scope) => void;
}) {
  const tt = useMessages(tenantMessages);
  return (
    <Select
      label={tt.scopeLabel}
      description={tt.scopeHelp}
      searchable
      allowDeselect={false}
      nothingFoundMessage={tt.scopeNothingFound}
      maw={480}
      value={scope.kind === 'tenant' ? scope.name : CLUSTER}
      onChange={(value) =>
        onChange(
          value === null || value === CLUSTER
            ? { kind: 'cluster' }
            : { kind: 'tenant', name: value },
        )
      }
      data={[
        { value: CLUSTER, label: tt.scopeCluster },
        { group: tt.scopeTenantGroup, items: [...tenants] },
      ]}
    />
  );
});
