import { useCallback, useEffect } from 'react';
import { createPath, useBlocker, type BlockerFunction } from 'react-router';

/**
 * Unsaved-changes guard. Every in-app navigation (links, Back, Forward, `navigate()`) goes through
 * react-router's blocker, which asks before leaving; closing or reloading the tab goes through
 * `beforeunload` (the browser asks with its own words).
 *
 * `pendingHref` is where the user was going while the question is open (null otherwise); `stay`
 * and `leave` answer it.
 */
export function useLeaveGuard(active: boolean) {
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      active &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
    [active],
  );
  const blocker = useBlocker(shouldBlock);
  const blocked = blocker.state === 'blocked';

  // The router learns a new `active` only after a render, so a navigation started in the same
  // tick the guard switched off (a successful save goes on to its task) is blocked by the old
  // answer. It was never a question for the user: let it through.
  useEffect(() => {
    if (blocked && !active) blocker.proceed();
  }, [blocked, active, blocker]);

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show their own prompt.
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated, and still what they read
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);

  return {
    pendingHref: blocked && active ? createPath(blocker.location) : null,
    stay: () => blocker.reset?.(),
    leave: () => blocker.proceed?.(),
  };
}
