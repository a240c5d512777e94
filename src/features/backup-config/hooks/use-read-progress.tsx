import { createContext, useContext, type ReactNode } from 'react';

/** How many user tenants' current values are read; `read === total` once complete. */
export interface ReadProgress {
  read: number;
  total: number;
}

const ReadProgressContext = createContext<ReadProgress | undefined>(undefined);

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
  return <ReadProgressContext.Provider value={value}>{children}</ReadProgressContext.Provider>;
}

/** undefined once every tenant is read (or outside the form); else the current count. */
export function useReadProgress(): ReadProgress | undefined {
  return useContext(ReadProgressContext);
}
