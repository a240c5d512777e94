import { z } from 'zod';

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

export type SimTaskState = 'PENDING' | 'READY' | 'RUNNING' | 'FAILED' | 'SUCCEED';
export type SimClockMode = 'auto' | 'manual';

const taskStateSchema = z.enum(['PENDING', 'READY', 'RUNNING', 'FAILED', 'SUCCEED']);
const operatorSchema = z.enum(['RUN', 'RETRY', 'ROLLBACK', 'CANCEL', 'PASS']);

/** Answer of `POST /__sim/step` and `POST /__sim/run-until` (TEAM.md "manual clock"). */
export const simStepAnswerSchema = z.object({
  released: z.number().int(),
  pending: z.number().int(),
  dags: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      state: taskStateSchema,
      operator: operatorSchema,
      nodes: z.array(
        z.object({ name: z.string(), state: taskStateSchema, operator: operatorSchema }),
      ),
    }),
  ),
});
export type SimStepAnswer = z.infer<typeof simStepAnswerSchema>;

export interface RunUntilSpec {
  /** Generic DAG id ("11"); default: the newest DAG. */
  dag_id?: string;
  node?: string;
  state: SimTaskState;
  max_steps?: number;
}

/** Manual clock helpers: every DAG wait parks until a test releases it. */
export const simClock = {
  mode: (simUrl: string, mode: SimClockMode) =>
    callSimControl(simUrl, 'POST', 'clock-mode', { mode }),
  step: async (simUrl: string, count = 1): Promise<SimStepAnswer> =>
    simStepAnswerSchema.parse(await callSimControl(simUrl, 'POST', 'step', { count })),
  runUntil: async (simUrl: string, spec: RunUntilSpec): Promise<SimStepAnswer> =>
    simStepAnswerSchema.parse(await callSimControl(simUrl, 'POST', 'run-until', spec)),
};
