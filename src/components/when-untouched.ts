const EVENTS = ['pointerleave', 'focusout', 'click'] as const;

/**
 * Runs `run` once `element` is neither hovered, pressed nor focused: at once when it is none of
 * them, else after the interaction ends (checked a task later, so a click completes first).
 * Returns a function that cancels the wait.
 */
export function whenUntouched(element: Element | null, run: () => void): () => void {
  const busy = () =>
    element !== null && element.isConnected && element.matches(':hover, :active, :focus-within');
  if (!element || !busy()) {
    run();
    return () => undefined;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    for (const name of EVENTS) element.removeEventListener(name, check);
  };
  function check() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (busy()) return;
      stop();
      run();
    }, 0);
  }
  for (const name of EVENTS) element.addEventListener(name, check);
  return stop;
}
