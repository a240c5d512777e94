import { expect, type Page } from '@playwright/test';
import type { SimControl } from '../fixtures';
import { readPageRecord, type RecordingWindow } from './page-records';
import { openUnlocked } from './unlock';

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/** Requests the simulator answered on paths starting with `prefix` (control routes excluded). */
export function requestsTo(simControl: SimControl, prefix: string) {
  const query = new URLSearchParams({ path: prefix, limit: '5000' });
  return simControl.call<LoggedRequest[]>('GET', `requests?${query.toString()}`);
}

export const dagApiPath = (id: string) => `/api/v1/task/dag/${id}`;

/** A step row of the timeline, by its accessible name ("Step 2 of 5 · …"). */
export const stepRow = (page: Page, n: number) =>
  page.getByRole('listitem', { name: new RegExp(`^Step ${n} of \\d+`) });

export async function openTimeline(page: Page, id: string) {
  await openUnlocked(page, `/tasks/${encodeURIComponent(id)}`);
  await expect(stepRow(page, 1)).toBeVisible();
}

/**
 * Records, in the page, every state each step row shows (its `data-state`), in order, so a spec can
 * check that a step was seen running before it was seen succeeded.
 */
export async function recordStepStates(page: Page) {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as RecordingWindow).__stepStates = seen;
    const scan = () => {
      for (const row of Array.from(document.querySelectorAll('li[id^="dag-step-"][data-state]'))) {
        const states = (seen[row.id] ??= []);
        const state = row.getAttribute('data-state') ?? '';
        if (states[states.length - 1] !== state) states.push(state);
      }
    };
    scan();
    new MutationObserver(scan).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
}

/** What recordStepStates saw so far (nothing when it was not started on this page). */
export async function recordedStepStates(page: Page): Promise<Record<string, string[]>> {
  return (await readPageRecord(page, '__stepStates')) ?? {};
}

/** Emulates the tab going to the background / coming back (Page Visibility API). */
export async function setVisibility(page: Page, state: 'hidden' | 'visible') {
  await page.evaluate((next) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => next });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => next === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/**
 * Lets wall-clock time pass. Only for asserting that something does NOT happen over a period (no
 * requests while hidden or after the end), which no auto-waiting assertion can express.
 */
export function elapse(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}
