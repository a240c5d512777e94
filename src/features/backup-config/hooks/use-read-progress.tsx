import { createContext, useContext, type ReactNode } from 'react';

/** How many user tenants' current values are read; `read === total` once complete. */
export interface ReadProgress {
  read: number;
  total: number;
}

const ReadProgressContext = createContext<ReadProgress | undefined>(undefined);
const ReadingContext = createContext(false);

/**
 * While the tenants are still being read the form is already editable; the few places that depend
 * on the complete picture (the Review button, "Current: …" hints) read the progress from here. A
 * context rather than a prop: the count moves with every answer, and only these small consumers
 * should re-render with it, not the whole form.
 */
export function ReadProgressProvider({
  value,
  children,
}: {
  value: ReadProgress | undefined;
  children: ReactNode;
}) {
  return (
    <ReadingContext.Provider value={value !== undefined}>
      <ReadProgressContext.Provider value={value}>{children}</ReadProgressContext.Provider>
    </ReadingContext.Provider>
  );
}

/** Whether the tenants are still being read: changes once, so most consumers use this. */
export function useIsReading(): boolean {
  return useContext(ReadingContext);
}

/** undefined once every tenant is read (or outside the form); else the count (moves per answer). */
export function useReadProgress(): ReadProgress | undefined {
  return useContext(ReadProgressContext);
}
