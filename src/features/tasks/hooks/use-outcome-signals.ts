import { useEffect, useRef } from 'react';
import type { Dag } from '../../../lib/obshell/dag';
import { isOutcome } from '../model/dag-changes';
import { toDisplayState } from '../model/display-state';
import type { TaskMessages } from '../messages';

/**
 * The tab title carries the DAG's state (so a DBA sees the outcome from another tab), and when the
 * DAG reaches an outcome while the page is in the background, a desktop notification says so — if
 * the user allowed notifications. Titles and notifications are outside React, hence the effects.
 */
export function useOutcomeSignals(dag: Dag | undefined, t: TaskMessages) {
  const state = dag ? toDisplayState(dag.state, dag.operator) : undefined;
  const name = dag?.name;

  useEffect(() => {
    const original = document.title;
    return () => {
      document.title = original;
    };
  }, []);

  useEffect(() => {
    if (!state || !name) return;
    const title = t.titleOutcome(t.outcome(state), name);
    document.title = title;
    // The shell sets its own title when the locale changes, in an effect that runs after this one
    // (parents' effects run last); set ours again once it has.
    const again = setTimeout(() => {
      document.title = title;
    }, 0);
    return () => clearTimeout(again);
  }, [state, name, t]);

  // Only a change seen on this page notifies: opening an old, finished DAG does not.
  const previous = useRef(state);
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    if (!state || !name || before === undefined || before === state || !isOutcome(state)) return;
    const inBackground = document.visibilityState === 'hidden' || !document.hasFocus();
    if (!inBackground || typeof Notification === 'undefined') return;
    if (Notification.permission !== 'granted') return;
    new Notification(t.titleOutcome(t.outcome(state), name), {
      body: t.notifyBody(name, t.outcome(state)),
    });
  }, [state, name, t]);
}
