import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../lib/duration';

/** Property tests of obshell's ParseTime rules (contract §4), independent of the HTTP layer. */
const UNITS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
};

describe('parseDuration', () => {
  it('accepts one integer + one unit (any case) within [1ns, 365d]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(...Object.keys(UNITS)),
        fc.boolean(),
        (n, unit, upper) => {
          const text = `${n}${upper ? unit.toUpperCase() : unit}`;
          const seconds = n * (UNITS[unit] ?? 0);
          expect(parseDuration(text).ok).toBe(seconds <= 365 * 86400);
        },
      ),
    );
  });

  it('zero of any unit is below the minimum', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(UNITS)), (unit) => {
        expect(parseDuration(`0${unit}`)).toEqual({ ok: false, problem: 'min' });
      }),
    );
  });

  it('rejects compound, fractional, signed or padded forms', () => {
    for (const text of ['1h30m', '1.5h', '-1h', '+1h', ' 2h', '2h ', 'h', '12', '', '1 h']) {
      expect(parseDuration(text)).toEqual({ ok: false, problem: 'format' });
    }
    expect(parseDuration('3w')).toEqual({ ok: false, problem: 'unit' });
    expect(parseDuration('365d').ok).toBe(true);
    expect(parseDuration('8760h').ok).toBe(true);
    expect(parseDuration('8761h')).toEqual({ ok: false, problem: 'max' });
    expect(parseDuration('99999999999999999999999d')).toEqual({ ok: false, problem: 'max' });
  });
});
