/**
 * The custom header the dashboard server's own APIs (change history, read batches) require of
 * every request, as their CSRF check (server/same-origin.ts): a cross-site form cannot send it,
 * and a cross-site fetch that does needs a CORS preflight the server never grants.
 */
export const CSRF_HEADER = 'X-Obdash-Request';
