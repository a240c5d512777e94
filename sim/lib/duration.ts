import { errors, type DurationProblem } from './errors';

/**
 * obshell's `ParseTime`: one integer and one unit (ns, us, ms, s, m, h, d; case-insensitive),
 * value within [1ns, 365d]. "1h30m", "1.5h", " 2h" and "0s" are all rejected.
 */
const UNIT_NS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60n * 1_000_000_000n,
  h: 3_600n * 1_000_000_000n,
  d: 86_400n * 1_000_000_000n,
};

export const NS = UNIT_NS as Record<'ns' | 'us' | 'ms' | 's' | 'm' | 'h' | 'd', bigint>;
const MAX_NS = 365n * NS.d;

export type DurationResult = { ok: true; ns: bigint } | { ok: false; problem: DurationProblem };

export function parseDuration(text: string): DurationResult {
  const match = /^(\d+)([a-zA-Z]+)$/.exec(text);
  if (!match) return { ok: false, problem: 'format' };
  const unit = UNIT_NS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return { ok: false, problem: 'unit' };
  const ns = BigInt(match[1] ?? '0') * unit;
  if (ns < 1n) return { ok: false, problem: 'min' };
  if (ns > MAX_NS) return { ok: false, problem: 'max' };
  return { ok: true, ns };
}

/** Like `parseDuration`, but throws obshell's `Common.InvalidTimeDuration`. */
export function requireDuration(text: string): bigint {
  const result = parseDuration(text);
  if (!result.ok) throw errors.invalidDuration(text, result.problem);
  return result.ns;
}
