import { z } from 'zod';
import { dagDto, genericId, parseGenericId } from './dag-model';
import {
  errorStyleSchema,
  formatZodIssues,
  keyBitsSchema,
  simulatorOptionsSchema,
  type SimulatorOptions,
} from './options';
import { applyScenario, generatedTenants, scenarioSchema } from './scenarios';
import type { SimState } from './sim-state';

/**
 * `/__sim/...`: test scenarios (absent from obshell), loopback only. Plain JSON, no envelope;
 * bad input → 400 {error}.
 */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const clockModeSchema = z.enum(['auto', 'manual']);

const resetSchema = z
  .object({
    rootPassword: z.string().nullable(),
    agentPassword: z.string().nullable(),
    timeScale: z.number().positive().max(1000),
    errorStyle: errorStyleSchema,
    keyBits: keyBitsSchema,
    clock: clockModeSchema,
    /** Generates this many user tenants (tenant_0001…), replacing `tenants`. */
    tenantCount: z.number().int().min(0).max(2000),
  })
  .partial()
  // Extensions beyond the shared shape: cluster layout and identity for edge cases.
  .extend(
    simulatorOptionsSchema
      .pick({ identity: true, tenants: true, agents: true, initialBackupBaseUri: true })
      .partial().shape,
  )
  .strict();

const failSchema = z
  .object({
    step: z.string().min(1),
    mode: z.enum(['once', 'always']),
    phase: z.number().int().min(1).max(6).optional(),
  })
  .strict();
const clockModeBodySchema = z.object({ mode: clockModeSchema }).strict();
const stepSchema = z.object({ count: z.number().int().min(1).max(100_000).optional() }).strict();
const taskStateSchema = z.enum(['PENDING', 'READY', 'RUNNING', 'FAILED', 'SUCCEED']);
const runUntilSchema = z
  .object({
    dag_id: z
      .string()
      .regex(/^1\d+$/, 'a generic DAG id such as "11"')
      .optional(),
    node: z.string().min(1).optional(),
    state: taskStateSchema,
    max_steps: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();
const latencySchema = z
  .object({ ms: z.number().int().min(0).max(120_000), path: z.string().startsWith('/').optional() })
  .strict();
const faultsSchema = z
  .object({
    kind: z.enum(['500', 'drop']),
    count: z.number().int().min(0).max(100_000),
    path: z.string().startsWith('/').optional(),
  })
  .strict();
const passwordSchema = z
  .object({
    rootPassword: z.string().nullable().optional(),
    agentPassword: z.string().nullable().optional(),
  })
  .strict();
const clockSchema = z.object({ offsetMs: z.number().int().min(-1e10).max(1e10) }).strict();
const timeScaleSchema = z.object({ scale: z.number().positive().max(1000) }).strict();
const maintenanceSchema = z.object({ on: z.boolean(), dag: z.string().min(1).optional() }).strict();
const dagSchema = z
  .object({
    nodes: z.number().int().min(1).max(500),
    name: z.string().min(1).optional(),
    state: taskStateSchema.optional(),
  })
  .strict();

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new ControlError(400, formatZodIssues(result.error));
  return result.data;
}

/** The answer of step / run-until: what moved, what is left, every DAG in brief. */
function stepAnswer(sim: SimState, released: number) {
  return {
    released,
    pending: sim.engine.clock.pending,
    dags: sim.engine.all().map((dag) => ({
      id: genericId(dag.dagId),
      name: dag.name,
      state: dag.state,
      operator: dag.operator,
      nodes: dag.nodes.map((node) => ({
        name: node.name,
        state: node.state,
        operator: node.operator,
      })),
    })),
  };
}

async function runUntil(sim: SimState, body: unknown) {
  const spec = parse(runUntilSchema, body);
  if (sim.engine.clock.currentMode !== 'manual') {
    throw new ControlError(409, 'run-until needs the manual clock (POST /__sim/clock-mode)');
  }
  const dag = spec.dag_id ? sim.engine.get(parseGenericId(spec.dag_id) ?? -1) : sim.engine.newest();
  if (!dag) throw new ControlError(404, `no DAG ${spec.dag_id ?? '(none created yet)'}`);
  const node = spec.node === undefined ? undefined : dag.nodes.find((n) => n.name === spec.node);
  if (spec.node !== undefined && !node) {
    throw new ControlError(404, `DAG ${genericId(dag.dagId)} has no node '${spec.node}'`);
  }
  const reached = () => (node ?? dag).state === spec.state;
  const max = spec.max_steps ?? 1000;
  let released = 0;
  while (!reached()) {
    if (released >= max) {
      throw new ControlError(
        409,
        `not ${spec.state} after ${max} steps (now ${(node ?? dag).state})`,
      );
    }
    if ((await sim.engine.clock.step(1)) === 0) {
      throw new ControlError(
        409,
        `no pending step left; ${node ? `node '${node.name}'` : `DAG ${genericId(dag.dagId)}`} is ${(node ?? dag).state}, not ${spec.state}`,
      );
    }
    released++;
  }
  return stepAnswer(sim, released);
}

function state(sim: SimState) {
  return {
    cluster: {
      name: sim.options.clusterName,
      id: sim.options.clusterId,
      ob_version: sim.options.obVersion,
      agent_version: sim.options.agentVersion,
      identity: sim.options.identity,
      security: sim.options.agentPassword !== null,
      time_scale: sim.options.timeScale,
      clock: sim.engine.clock.currentMode,
      degraded: sim.degraded,
      error_style: sim.options.errorStyle,
      key_bits: sim.key.bits,
      clock_offset_ms: sim.clockOffsetMs,
      under_maintenance: sim.maintenance,
      agents: sim.options.agents,
    },
    tenants: sim.tenants.map((t) => ({ ...t, parameters: { ...t.parameters } })),
    dags: sim.engine.all().map((dag) => dagDto(dag, true)),
  };
}

/** `initial` = what startSimulator was given; reset returns to it, then applies the body. */
export async function handleControl(
  sim: SimState,
  initial: SimulatorOptions,
  method: string,
  route: string,
  query: URLSearchParams,
  body: unknown,
): Promise<unknown> {
  const key = `${method} ${route}`;
  switch (key) {
    case 'POST reset': {
      const { clock, tenantCount, ...patch } = parse(resetSchema, body);
      const generated = tenantCount === undefined ? {} : { tenants: generatedTenants(tenantCount) };
      sim.reset({ ...initial, ...patch, ...generated }, clock ?? 'auto');
      return state(sim);
    }
    case 'POST scenario': {
      try {
        applyScenario(sim, parse(scenarioSchema, body));
      } catch (error) {
        if (error instanceof ControlError) throw error;
        throw new ControlError(400, error instanceof Error ? error.message : 'bad scenario');
      }
      return state(sim);
    }
    case 'POST clock-mode': {
      sim.engine.clock.setMode(parse(clockModeBodySchema, body).mode);
      return { mode: sim.engine.clock.currentMode, pending: sim.engine.clock.pending };
    }
    case 'POST step': {
      const { count = 1 } = parse(stepSchema, body);
      if (sim.engine.clock.currentMode !== 'manual') {
        throw new ControlError(409, 'step needs the manual clock (POST /__sim/clock-mode)');
      }
      return stepAnswer(sim, await sim.engine.clock.step(count));
    }
    case 'POST run-until': {
      return runUntil(sim, body);
    }
    case 'POST fail': {
      const rule = parse(failSchema, body);
      sim.failRules.push(rule);
      return { failRules: sim.failRules };
    }
    case 'POST latency': {
      const { ms, path = '/api' } = parse(latencySchema, body);
      sim.latency = sim.latency.filter((rule) => rule.path !== path);
      if (ms > 0) sim.latency.push({ path, ms });
      else if (path === '/api') sim.latency = [];
      return { latency: sim.latency };
    }
    case 'POST faults': {
      const { kind, count, path = '/api' } = parse(faultsSchema, body);
      if (count > 0) sim.faults.push({ kind, remaining: count, path });
      else sim.faults = sim.faults.filter((f) => f.path !== path || f.kind !== kind);
      return { faults: sim.faults };
    }
    case 'POST rotate-key': {
      sim.rotateKey();
      return { public_key: sim.key.publicKeyBase64 };
    }
    case 'POST password': {
      const patch = parse(passwordSchema, body);
      sim.options = {
        ...sim.options,
        ...(patch.rootPassword !== undefined ? { rootPassword: patch.rootPassword } : {}),
        ...(patch.agentPassword !== undefined ? { agentPassword: patch.agentPassword } : {}),
      };
      return { security: sim.options.agentPassword !== null };
    }
    case 'POST clock': {
      sim.clockOffsetMs = parse(clockSchema, body).offsetMs;
      return { offsetMs: sim.clockOffsetMs };
    }
    case 'POST time-scale': {
      sim.options = { ...sim.options, timeScale: parse(timeScaleSchema, body).scale };
      return { timeScale: sim.options.timeScale };
    }
    case 'POST maintenance': {
      const { on, dag } = parse(maintenanceSchema, body);
      sim.maintenance = on;
      sim.maintenanceDag = on ? (dag ?? null) : null;
      return { maintenance: sim.maintenance, dag: sim.maintenanceDag };
    }
    case 'POST dag': {
      const spec = parse(dagSchema, body);
      const agent = sim.options.agents[0] ?? { ip: '127.0.0.1', port: 2886, zone: 'zone1' };
      const dag = sim.engine.createSynthetic(
        spec.nodes,
        spec.name ?? 'Synthetic DAG',
        agent,
        spec.state,
      );
      return dagDto(dag, true);
    }
    case 'GET requests': {
      const prefix = query.get('path') ?? '';
      const limit = Number(query.get('limit') ?? '100');
      if (!Number.isInteger(limit) || limit < 1)
        throw new ControlError(400, 'limit: positive integer');
      return sim.requests.filter((r) => r.path.startsWith(prefix)).slice(-limit);
    }
    case 'GET state':
      return state(sim);
    case 'GET stats':
      return {
        total: sim.stats.total,
        byPath: Object.fromEntries(sim.stats.byPath),
        peakInFlight: sim.stats.peakInFlight,
      };
    default:
      throw new ControlError(404, `unknown control route ${method} /__sim/${route}`);
  }
}
