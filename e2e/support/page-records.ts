import type { Frame, Page } from '@playwright/test';

/**
 * What specs (and the portal page of e2e/prod-fixtures.ts) record in a page's `window`, typed
 * once. In code that runs in the browser (page.evaluate, addInitScript) write
 * `(window as RecordingWindow).x = …`: a plain narrowing of Window, no double cast. From a spec,
 * read with `readPageRecord(page, 'x')`.
 */
export interface PageRecords {
  /** Desktop notifications the app showed, recorded by a stand-in Notification. */
  __notifications: { title: string; body?: string | undefined }[];
  /** Every `data-state` each timeline step row showed, in order (recordStepStates). */
  __stepStates: Record<string, string[]>;
  /** Content-Security-Policy violations the page reported. */
  cspViolations: string[];
  /** Messages the portal received from the framed app. */
  hostEvents: Record<string, unknown>[];
  /** Set only by injected markup that ran: proof of an injection. */
  __xss: number;
  /** The portal's way to post a message to the framed app. */
  sendToApp: (message: unknown) => void;
}

/** The page's window with what specs may have recorded there (each key absent until set). */
export type RecordingWindow = Window & Partial<PageRecords>;

type Readable = Exclude<keyof PageRecords, 'sendToApp'>;

/** What the page recorded under `key`, or undefined when nothing was recorded. */
export async function readPageRecord<K extends Readable>(
  page: Page | Frame,
  key: K,
): Promise<PageRecords[K] | undefined> {
  const value = await page.evaluate((name: Readable) => {
    const recorded: Partial<Pick<PageRecords, Readable>> = window as RecordingWindow;
    return recorded[name];
  }, key);
  // The page answers for `key` only; TypeScript cannot follow a key through the evaluate call.
  return value as PageRecords[K] | undefined;
}

/** Posts `messages` to the framed app through the portal page's `sendToApp`, in order. */
export function sendToApp(page: Page, ...messages: unknown[]): Promise<void> {
  return page.evaluate((list) => {
    const send = (window as RecordingWindow).sendToApp;
    if (!send) throw new Error('this page is not the portal: no sendToApp');
    list.forEach((message) => send(message));
  }, messages);
}
