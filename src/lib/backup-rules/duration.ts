/**
 * obshell's duration strings (its `ParseTime`): exactly one integer and one unit, `^(\d+)([a-zA-Z]+)$`,
 * unit case-insensitive among ns/us/ms/s/m/h/d, value within [1ns, 365d]. Pure, so the form, the
 * timeline and tests can share it. Arithmetic is in BigInt: 365d in ns (3.15e16) exceeds 2^53.
 */
export const DURATION_UNITS = ['ns', 'us', 'ms', 's', 'm', 'h', 'd'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const NS_PER_UNIT: Record<DurationUnit, bigint> = {
  ns: 1n,
  us: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60n * 1_000_000_000n,
  h: 3_600n * 1_000_000_000n,
  d: 86_400n * 1_000_000_000n,
};

export const DURATION_MIN_NS = 1n;
export const DURATION_MAX_NS = 365n * NS_PER_UNIT.d;

/** Why a string is not an obshell duration; the UI turns each into a sentence. */
export type DurationProblem =
  | 'empty'
  | 'whitespace'
  | 'negative'
  | 'decimal'
  | 'compound'
  | 'missing-unit'
  | 'format'
  | 'unit'
  | 'zero'
  | 'too-large';

export type ParsedDuration =
  | { ok: true; amount: bigint; unit: DurationUnit; ns: bigint; text: string }
  | { ok: false; problem: DurationProblem };

const SHAPE = /^(\d+)([a-zA-Z]+)$/;

export function isDurationUnit(value: string): value is DurationUnit {
  return (DURATION_UNITS as readonly string[]).includes(value);
}

function classifyShape(input: string): DurationProblem {
  if (input === '') return 'empty';
  if (/\s/.test(input)) return 'whitespace';
  if (input.startsWith('-')) return 'negative';
  if (/^\d*\.\d*[a-zA-Z]*$/.test(input)) return 'decimal';
  if (/^(\d+[a-zA-Z]+){2,}$/.test(input)) return 'compound';
  if (/^\d+$/.test(input)) return 'missing-unit';
  return 'format';
}

/** Parses like obshell: the same strings are accepted, and `text` is the canonical form to send. */
export function parseObDuration(input: string): ParsedDuration {
  const match = SHAPE.exec(input);
  if (!match) return { ok: false, problem: classifyShape(input) };
  const unit = (match[2] ?? '').toLowerCase();
  if (!isDurationUnit(unit)) return { ok: false, problem: 'unit' };
  const amount = BigInt(match[1] ?? '0');
  const ns = amount * NS_PER_UNIT[unit];
  if (ns < DURATION_MIN_NS) return { ok: false, problem: 'zero' };
  if (ns > DURATION_MAX_NS) return { ok: false, problem: 'too-large' };
  return { ok: true, amount, unit, ns, text: `${amount}${unit}` };
}

/** The duration in nanoseconds, or undefined when obshell would refuse the string. */
export function durationNs(input: string): bigint | undefined {
  const parsed = parseObDuration(input);
  return parsed.ok ? parsed.ns : undefined;
}
