import { useEffect, useRef, useState } from 'react';
import { useHref, useNavigate } from 'react-router';

/**
 * Unsaved-changes guard. The app uses <BrowserRouter>, where react-router's useBlocker is not
 * available, so in-app links are intercepted at the document (capture phase, before the router's
 * own handler) and tab close / reload goes through `beforeunload`.
 */
export function useLeaveGuard(active: boolean) {
  const navigate = useNavigate();
  // The router's basename as an href ("/" or "/ops/backup/"), to turn a link's path back into a route.
  const base = useHref('/');
  const [pendingHref, setPendingHref] = useState<string | null>(null);
  const activeRef = useRef(active);
  useEffect(() => {
    activeRef.current = active;
  }, [active]);

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show their own prompt.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (!activeRef.current || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank') return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      const here = window.location.pathname + window.location.search;
      const there = url.pathname + url.search;
      if (there === here) return;
      event.preventDefault();
      event.stopPropagation();
      setPendingHref(there + url.hash);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [active]);

  return {
    pendingHref,
    stay: () => setPendingHref(null),
    leave: () => {
      const href = pendingHref;
      activeRef.current = false;
      setPendingHref(null);
      if (href === null) return;
      const prefix = base.endsWith('/') ? base : `${base}/`;
      void navigate(href.startsWith(prefix) ? `/${href.slice(prefix.length)}` : href);
    },
  };
}
