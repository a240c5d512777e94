import { useCallback, useMemo, type MouseEvent } from 'react';
import { useHref, useNavigate } from 'react-router';

/** What react-router's Link handles itself; anything else (new tab, download) is the browser's. */
const isPlainClick = (event: MouseEvent<HTMLAnchorElement>) =>
  event.button === 0 &&
  !event.defaultPrevented &&
  !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) &&
  (!event.currentTarget.target || event.currentTarget.target === '_self');

/**
 * Real `<a href>` links to in-app paths without a router Link each (the History table has 50:
 * issue 15's first-page budget). `href(path)`: the path under the deployment's base path. `onClick`:
 * one handler for them all, reading the in-app path from the link's `data-to`; a plain left click
 * (or Enter) navigates in the app as Link does, a click with a modifier key is the browser's.
 */
export interface InAppLink {
  href: (path: string) => string;
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void;
}

export function useInAppLink(): InAppLink {
  const navigate = useNavigate();
  const root = useHref('/').replace(/\/$/, '');
  const href = useCallback((path: string) => root + path, [root]);
  const onClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      const to = event.currentTarget.dataset.to;
      if (to === undefined || !isPlainClick(event)) return;
      event.preventDefault();
      void navigate(to);
    },
    [navigate],
  );
  return useMemo(() => ({ href, onClick }), [href, onClick]);
}
