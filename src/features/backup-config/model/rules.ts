import {
  NS_PER_UNIT,
  parseObDuration,
  type DurationProblem,
  type DurationUnit,
} from '../../../lib/backup-rules/duration';

/**
 * The server's validation rules for the cluster-level PATCH (contract §4), one function per field,
 * each answering with the reason a value would be refused. The form schema and the property tests
 * both use these, so "what the form accepts" has a single definition.
 */
export const INT_MIN = 0;
export const INT_MAX = 100;

export type IntProblem = 'int-format' | 'int-range';

/** log_archive_concurrency / ha_low_thread_score: a JSON integer in [0, 100]. */
export function checkIntField(
  text: string,
): { ok: true; value: number } | { ok: false; problem: IntProblem } {
  // obshell binds JSON into a Go int: no decimals, no exponent, no sign games. Digits only here.
  if (!/^\d+$/.test(text)) return { ok: false, problem: 'int-format' };
  const value = Number(text);
  if (value < INT_MIN || value > INT_MAX) return { ok: false, problem: 'int-range' };
  return { ok: true, value };
}

export interface DurationBounds {
  minNs: bigint;
  maxNs: bigint;
  /** How the bounds are shown ("24h", "168h"). */
  min: string;
  max: string;
}

const ns = (amount: bigint, unit: DurationUnit) => amount * NS_PER_UNIT[unit];

export const PIECE_SWITCH_BOUNDS: DurationBounds = {
  minNs: ns(24n, 'h'),
  maxNs: ns(168n, 'h'),
  min: '1d',
  max: '7d',
};

/** archive_lag_target: ParseTime's floor (1ns) up to 2h; 1m..2h when an s3:// URI is in the body. */
export const LAG_BOUNDS: DurationBounds = { minNs: 1n, maxNs: ns(2n, 'h'), min: '1ns', max: '2h' };
export const LAG_S3_BOUNDS: DurationBounds = { ...LAG_BOUNDS, minNs: ns(1n, 'm'), min: '1m' };

export type DurationCheck =
  | { ok: true; text: string; ns: bigint }
  | { ok: false; problem: DurationProblem | 'below-min' | 'above-max'; bounds?: DurationBounds };

export function checkDuration(text: string, bounds?: DurationBounds): DurationCheck {
  const parsed = parseObDuration(text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  if (bounds && parsed.ns < bounds.minNs) return { ok: false, problem: 'below-min', bounds };
  if (bounds && parsed.ns > bounds.maxNs) return { ok: false, problem: 'above-max', bounds };
  return { ok: true, text: parsed.text, ns: parsed.ns };
}

export function lagBounds(s3UriInBody: boolean): DurationBounds {
  return s3UriInBody ? LAG_S3_BOUNDS : LAG_BOUNDS;
}

export const BINDINGS = ['OPTIONAL', 'MANDATORY'] as const;
export type Binding = (typeof BINDINGS)[number];

/** The server upper-cases binding and takes "" as OPTIONAL. */
export function normalizeBinding(value: string): Binding | undefined {
  const upper = value.toUpperCase();
  if (upper === '') return 'OPTIONAL';
  return (BINDINGS as readonly string[]).includes(upper) ? (upper as Binding) : undefined;
}
