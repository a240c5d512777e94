import type { ProfilerOnRenderCallback } from 'react';

export const TIMELINE_RENDER_MEASURE = 'dag-timeline-render';
const KEEP = 500;

/**
 * Records each commit of the timeline as a User Timing measure (visible in DevTools' performance
 * panel, read by the e2e performance check). React calls this only in development and profiling
 * builds, so production pays nothing. Old entries are dropped so a long watch does not grow memory.
 */
export const recordTimelineRender: ProfilerOnRenderCallback = (
  _id,
  phase,
  actualDuration,
  baseDuration,
  startTime,
) => {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  if (performance.getEntriesByName(TIMELINE_RENDER_MEASURE).length >= KEEP) {
    performance.clearMeasures(TIMELINE_RENDER_MEASURE);
  }
  performance.measure(TIMELINE_RENDER_MEASURE, {
    start: startTime,
    duration: actualDuration,
    // baseDuration: what re-rendering the whole timeline would cost; actual/base shows how much
    // of it memoization skipped.
    detail: { phase, baseDuration },
  });
};
