import type { SimControl } from '../fixtures';

/** One entry of the simulator's request log (`GET /__sim/requests`). */
export interface SimRequest {
  time: string;
  method: string;
  uri: string;
  path: string;
  status: number;
  body: unknown;
}

/** Requests the simulator received whose path starts with `prefix`, oldest first. */
export function simRequests(simControl: SimControl, prefix: string, limit = 200) {
  const query = new URLSearchParams({ path: prefix, limit: String(limit) });
  return simControl.call<SimRequest[]>('GET', `requests?${query.toString()}`);
}
