/**
 * In-page instrumentation, installed with `page.addInitScript(installProbe, spec)` so it runs before
 * the app. It must be self-contained (Playwright serialises the function).
 *
 * A MutationObserver stamps `performance.now()` the first time each watched field exists and is
 * enabled: with React's createRoot the DOM is committed with its handlers, so an enabled field in
 * the DOM is a field the user can use. Clicks are stamped from the event's own timestamp, and a
 * "gone" mark when an element that was there (a progress count) leaves the DOM.
 *
 * These are the page's own clock. Playwright's waits poll the page from outside and come late
 * while its main thread is busy (with 2 tenants the form was on screen about 0.48 s after the
 * click, but a Playwright wait saw it after about 1.0 s), so they time only the waiting.
 */

export interface ProbeMark {
  /** Key in `window.__bench.marks`. */
  name: string;
  /** Source of a RegExp matched against a field's label (labels, aria-label, aria-labelledby). */
  label: string;
}

export interface ProbeSpec {
  fields: ProbeMark[];
  /** Stamp `click:<name>` when a button whose text matches this pattern is clicked. */
  clicks: ProbeMark[];
  /** Stamp `name` when an element matching `selector` has been in the DOM and is no longer. */
  gone?: { name: string; selector: string }[];
}

export interface ProbeState {
  marks: Record<string, number>;
}

declare global {
  interface Window {
    __bench?: ProbeState;
  }
}

export function installProbe(spec: ProbeSpec): void {
  const state: ProbeState = { marks: {} };
  window.__bench = state;
  const labelOf = (element: Element): string => {
    const parts: string[] = [];
    const aria = element.getAttribute('aria-label');
    if (aria) parts.push(aria);
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      for (const id of labelledBy.split(/\s+/)) {
        const text = document.getElementById(id)?.textContent;
        if (text) parts.push(text);
      }
    }
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
      // `labels` is null on <input type=hidden>, whatever the DOM typings say.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      for (const label of Array.from(element.labels ?? [])) parts.push(label.textContent ?? '');
    }
    return parts.join(' ');
  };
  const fields = spec.fields.map((mark) => ({ ...mark, pattern: new RegExp(mark.label, 'i') }));
  const seen = new Set<string>();
  const check = () => {
    for (const mark of spec.gone ?? []) {
      if (state.marks[mark.name] !== undefined) continue;
      if (document.querySelector(mark.selector)) seen.add(mark.name);
      else if (seen.has(mark.name)) state.marks[mark.name] = performance.now();
    }
    for (const field of fields) {
      if (state.marks[field.name] !== undefined) continue;
      for (const input of Array.from(document.querySelectorAll('input, textarea, select'))) {
        if ((input as HTMLInputElement).disabled) continue;
        if (field.pattern.test(labelOf(input))) {
          state.marks[field.name] = performance.now();
          break;
        }
      }
    }
  };
  const observer = new MutationObserver(check);
  const start = () => {
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled', 'aria-label', 'aria-labelledby'],
    });
    check();
  };
  // An init script runs before the document has its root element, whatever the typings say.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });

  const clicks = spec.clicks.map((mark) => ({ ...mark, pattern: new RegExp(mark.label, 'i') }));
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest('button, [role="button"]');
      if (!button) return;
      const text = `${button.textContent} ${button.getAttribute('aria-label') ?? ''}`;
      for (const click of clicks) {
        if (click.pattern.test(text)) state.marks[`click:${click.name}`] = event.timeStamp;
      }
    },
    { capture: true },
  );
}
