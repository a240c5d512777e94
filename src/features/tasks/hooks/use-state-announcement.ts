import { useState } from 'react';
import type { Dag } from '../../../lib/obshell/dag';
import { dagChanges } from '../model/dag-changes';
import type { TaskMessages } from '../messages';

/**
 * Text for the page's aria-live region: what changed since the previous poll ("Step 2, Set backup
 * config: Running"). Derived while rendering from the previous DAG, as React recommends for
 * "adjust state when a prop changes", so no effect re-renders the page a second time.
 */
export function useStateAnnouncement(dag: Dag | undefined, t: TaskMessages): string {
  const [previous, setPrevious] = useState(dag);
  const [announcement, setAnnouncement] = useState('');
  if (dag !== previous) {
    setPrevious(dag);
    if (dag) {
      const changes = dagChanges(previous, dag);
      if (changes.length > 0) {
        setAnnouncement(
          changes
            .map((c) =>
              c.kind === 'dag'
                ? t.announceDag(c.name, t.outcome(c.to))
                : t.announceStep(c.index + 1, c.name, t.state(c.to)),
            )
            .join('. '),
        );
      }
    }
  }
  return announcement;
}
