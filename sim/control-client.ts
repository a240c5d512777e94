/**
 * Client of the simulator's loopback-only control API (`/__sim/...`, see sim/README.md), for the
 * Node-side code that drives scenarios: unit tests, the e2e fixtures and the benchmark. Browser
 * code never imports it.
 */
export async function callSimControl<T = unknown>(
  simUrl: string,
  method: 'GET' | 'POST',
  route: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${simUrl}/__sim/${route}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`sim control ${route}: HTTP ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
