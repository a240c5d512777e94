let warmed = false;

/**
 * Makes and lays out one date input, off screen, then removes it, once per page load. The first
 * `<input type="date">` a Chromium tab makes costs 5–10 ms more than the next ones (its date
 * format and field editor are set up then, once): the History filters' From and To would pay it
 * on the click that opens the page (issue 15: the first page's budget). Called where the page's
 * chunk is preloaded (idle, hover), so the cost falls where nobody waits. Removed in the same
 * task: never painted, never focusable, hidden from assistive technology.
 */
export function warmDateInput(doc: Document = document) {
  if (warmed) return;
  warmed = true;
  const input = doc.createElement('input');
  input.type = 'date';
  input.tabIndex = -1;
  input.setAttribute('aria-hidden', 'true');
  input.style.cssText = 'position:fixed;top:0;left:0;visibility:hidden;pointer-events:none';
  doc.body.append(input);
  // Layout now (the page is idle here): what the first date input costs is its layout as well.
  input.getBoundingClientRect();
  input.remove();
}

/** Tests: the next call warms again. */
export function resetWarmDateInput() {
  warmed = false;
}
