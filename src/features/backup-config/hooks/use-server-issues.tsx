import { createContext, useContext, type ReactNode } from 'react';
import type { ErrorTarget } from '../model/server-errors';

/**
 * Server rejections, per field. Kept apart from react-hook-form's errors because the form
 * re-validates on every keystroke, which would wipe a server error from a field the user has not
 * touched yet; here an error lasts until its own field's value changes.
 */
export interface ServerIssue {
  message: string;
  /** The field's value when obshell refused it (JSON). */
  value: string;
}

export type ServerIssues = Partial<Record<ErrorTarget, ServerIssue>>;

const ServerIssuesContext = createContext<ServerIssues>({});

export function ServerIssuesProvider({
  value,
  children,
}: {
  value: ServerIssues;
  children: ReactNode;
}) {
  return <ServerIssuesContext.Provider value={value}>{children}</ServerIssuesContext.Provider>;
}

/** The server's message for this field, while the field still holds the refused value. */
export function useServerIssue(name: string, currentValue: unknown): string | undefined {
  const issues = useContext(ServerIssuesContext);
  const issue = issues[name as ErrorTarget];
  return issue?.value === JSON.stringify(currentValue) ? issue.message : undefined;
}
