import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseScope, TENANT_PARAM, type Scope } from '../model/tenant-scope';

/**
 * The form's scope, carried by the URL (`?tenant=<name>`) so a link opens it. Both values stay the
 * same objects while the URL does, so the memoized scope select is not re-rendered with every
 * tenant read.
 */
export function useScope(): [Scope, (scope: Scope) => void] {
  const [search, setSearch] = useSearchParams();
  const setScope = useCallback(
    (scope: Scope) => {
      const next = new URLSearchParams(search);
      if (scope.kind === 'tenant') next.set(TENANT_PARAM, scope.name);
      else next.delete(TENANT_PARAM);
      // Through the router, so the leave guard asks before unsent edits are dropped.
      setSearch(next);
    },
    [search, setSearch],
  );
  const scope = useMemo(() => parseScope(search), [search]);
  return [scope, setScope];
}
