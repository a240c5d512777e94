import { errors } from './errors';
import type { SimState } from './sim-state';

/** The obshell routes the dashboard touches (contract §3–§5). */
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** Decrypted body text ("" when none). */
  body: string;
}

export interface ApiRoute {
  method: string;
  pattern: RegExp;
  auth: boolean;
  handle(sim: SimState, req: ApiRequest): unknown;
}

export function route(
  method: string,
  path: string,
  auth: boolean,
  handle: ApiRoute['handle'],
): ApiRoute {
  const source = path.replace(/:(\w+)/g, '(?<$1>[^/]+)');
  return { method, pattern: new RegExp(`^${source}$`), auth, handle };
}

export function param(req: ApiRequest, name: string): string {
  const raw = req.params[name] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    // A broken %-escape is just an odd name: it then matches no tenant / no task.
    return raw;
  }
}

export function requireClusterAgent(sim: SimState): void {
  if (sim.options.identity !== 'CLUSTER AGENT') {
    const agent = master(sim);
    throw errors.notClusterAgent(`${agent.ip}:${agent.port}`, sim.options.identity);
  }
}

export function master(sim: SimState) {
  const agent = sim.options.agents[0];
  return agent ?? { ip: '127.0.0.1', port: 2886, zone: 'zone1' };
}

/** A JSON object body as gin binds it: "" → {} (obshell pads empty bodies), else parsed. */
export function jsonObject(body: string, struct: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = body.trim() === '' ? {} : JSON.parse(body);
  } catch (cause) {
    throw errors.bindJson(cause instanceof Error ? cause.message : 'invalid JSON');
  }
  if (parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw errors.bindJson(
      `json: cannot unmarshal ${Array.isArray(parsed) ? 'array' : typeof parsed} into Go value of type ${struct}`,
    );
  }
  return parsed as Record<string, unknown>;
}

/** An optional string field; a non-string → BindJsonFailed as Go's encoding/json says it. */
export function optionalString(
  body: Record<string, unknown>,
  field: string,
  struct: string,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw errors.bindJson(
      `json: cannot unmarshal ${typeof value === 'number' ? 'number' : typeof value} into Go struct field ${struct}.${field} of type string`,
    );
  }
  return value;
}
