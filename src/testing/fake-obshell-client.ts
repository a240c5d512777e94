import * as core from 'zod/v4/core';
import type { ObshellClient, RequestOptions } from '../lib/obshell/client';
import { ObshellError } from '../lib/obshell/envelope';

/** What a test sees of a request: no schema, no signal. */
export interface FakeRequest {
  method: RequestOptions<core.$ZodType>['method'];
  path: string;
  query?: RequestOptions<core.$ZodType>['query'];
  body?: unknown;
  auth?: boolean;
}

/** Answers with obshell's (unwrapped) `data`, or throws (an ObshellError, usually). */
export type FakeHandler = (req: FakeRequest) => unknown;

/**
 * A typed stand-in for the obshell client: every answer goes through the caller's own zod schema,
 * as the real client does after unwrapping the envelope, so a fixture that drifts from what obshell
 * sends fails the test. Records every request.
 */
export function createFakeObshellClient(handler: FakeHandler) {
  const calls: FakeRequest[] = [];
  const client: ObshellClient = {
    async request<T extends core.$ZodType>(req: RequestOptions<T>): Promise<core.output<T>> {
      const seen: FakeRequest = { method: req.method, path: req.path, body: req.body };
      if (req.query !== undefined) seen.query = req.query;
      if (req.auth !== undefined) seen.auth = req.auth;
      calls.push(seen);
      // Never synchronous: the real client always answers on a later tick.
      await Promise.resolve();
      return core.parse(req.schema, await handler(seen));
    },
    resetKey: () => undefined,
    clockSkewMs: 0,
  };
  return { client, calls };
}

/**
 * A handler from a table keyed by "METHOD /path": a value is the answer, an Error is thrown, a
 * function computes the answer. A request with no entry fails like an unknown obshell route.
 */
export function routeTable(routes: Record<string, unknown>): FakeHandler {
  return (req) => {
    const key = `${req.method} ${req.path}`;
    if (!(key in routes)) {
      throw new ObshellError({ kind: 'server', status: 404, message: `no fake for ${key}` });
    }
    const answer = routes[key];
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return (answer as FakeHandler)(req);
    return answer;
  };
}
