/**
 * How a recorded change's task ended: the one list the browser's history client
 * (src/lib/history-client.ts) and the production server's schema (server/history/entry-schema.ts)
 * both build on. Plain strings, no zod, no DOM, no Node: the server may import this module (the
 * one-way dependency the house style allows: server → pure modules of src/lib, as it already does
 * for mask-secrets.ts and config-issues.ts), while browser code never imports server/
 * (eslint-rules/import-boundaries.js refuses it).
 */
export const HISTORY_OUTCOMES = [
  'pending',
  'succeeded',
  'failed',
  'passed',
  'cancelled',
  'rolled_back',
] as const;

export type HistoryOutcome = (typeof HISTORY_OUTCOMES)[number];
