/**
 * Events the dashboard posts to the portal page that frames it (README "Embedding"). Only to an
 * allow-listed origin: a DAG id and its outcome are not for any page that happens to frame us.
 */

import type { HistoryEntry } from './history-client';

export interface HostCluster {
  id: string;
  name: string;
}

export interface HostDag {
  id: string;
  name: string;
  state: string;
  operator?: string | undefined;
}

/** `passed`: ended SUCCEED + PASS, i.e. without applying the passed steps (never a plain success). */
export type DagOutcome = 'succeeded' | 'passed' | 'failed' | 'cancelled';

export type HostEvent =
  | { type: 'obdash:ready'; cluster: HostCluster; locale: string; theme: string }
  | { type: 'obdash:dag-started'; cluster: HostCluster; dag: HostDag }
  | { type: 'obdash:dag-finished'; cluster: HostCluster; dag: HostDag; outcome: DagOutcome }
  /** A change obshell accepted, as the change history recorded it (values masked). */
  | { type: 'obdash:change-applied'; cluster: HostCluster; entry: HistoryEntry };

let allowedOrigins: readonly string[] = [];
/** The framing page's origin, once known and allowed. */
let hostOrigin: string | undefined;

function parentWindow(): Window | null {
  if (typeof window === 'undefined' || window.parent === window) return null;
  return window.parent;
}

/** Best guess of who frames us, without asking: Chromium's ancestorOrigins, else the referrer. */
function guessHostOrigin(): string | undefined {
  const ancestors = window.location.ancestorOrigins;
  // Firefox has no ancestorOrigins, whatever the DOM typings say.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  if (ancestors && ancestors.length > 0) return ancestors[0];
  try {
    return document.referrer ? new URL(document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

export function configureHostEvents(origins: readonly string[]) {
  allowedOrigins = origins;
  const guess = parentWindow() ? guessHostOrigin() : undefined;
  hostOrigin = guess && origins.includes(guess) ? guess : undefined;
}

export function isAllowedHostOrigin(origin: string): boolean {
  return allowedOrigins.includes(origin);
}

/** A message from an allowed origin proves who the host is; later events go there only. */
export function rememberHostOrigin(origin: string) {
  if (isAllowedHostOrigin(origin)) hostOrigin = origin;
}

/**
 * Posts `event` to the framing page if it is allow-listed. Not framed, or framed by a page not on
 * the list: nothing is sent. Safe to call from anywhere, any number of times.
 */
export function emitHostEvent(event: HostEvent): boolean {
  const parent = parentWindow();
  if (!parent || !hostOrigin) return false;
  parent.postMessage({ source: 'obshell-backup-dashboard', version: 1, ...event }, hostOrigin);
  return true;
}
