import { useSearchParams } from 'react-router';
import { parseScope, TENANT_PARAM, type Scope } from '../model/tenant-scope';

/** The form's scope, carried by the URL (`?tenant=<name>`) so a link opens it. */
export function useScope(): [Scope, (scope: Scope) => void] {
  const [search, setSearch] = useSearchParams();
  const setScope = (scope: Scope) => {
    const next = new URLSearchParams(search);
    if (scope.kind === 'tenant') next.set(TENANT_PARAM, scope.name);
    else next.delete(TENANT_PARAM);
    // Through the router, so the leave guard asks before unsent edits are dropped.
    setSearch(next);
  };
  return [parseScope(search), setScope];
}
