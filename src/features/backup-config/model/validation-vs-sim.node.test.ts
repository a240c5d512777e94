/**
 * The form's validation against the simulator's own (sim/lib, which follows obshell's server code):
 * over generated inputs on both sides of every bound, the form accepts exactly what obshell accepts,
 * except where it is deliberately stricter (characters that break obshell's SQL, values obshell
 * leaves for OceanBase to refuse inside the DAG) — and those exceptions are listed and checked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  archiveLagTargetProblem,
  bindBackupConfig,
  validateBackupConfig,
} from '../../../../sim/lib/backup-config';
import { parseDuration as simParseDuration } from '../../../../sim/lib/duration';
import { displayUri, parseStorageUri, tenantDestination } from '../../../../sim/lib/storage-uri';
import { DURATION_MAX_NS, NS_PER_UNIT, parseObDuration } from '../../../lib/backup-rules/duration';
import { deriveBaseline, type TenantSnapshot } from './baseline';
import { analyzeChanges, buildPatchBody } from './changes';
import { createBackupConfigSchema } from './form-schema';
import type { BackupConfigFormValues } from './form-values';
import { CHECK_STEP_ISSUES, destinationIssues } from './destination-rules';
import { initialValues } from './form-values';
import { decodeIssue } from './issue';
import { checkDuration, checkIntField, lagBounds, PIECE_SWITCH_BOUNDS } from './rules';
import {
  composeUri,
  findUnsafeCharacter,
  hasAcceptedScheme,
  paramNames,
  STORAGE_SCHEMES,
  type Destination,
} from './storage-uri';

const RUNS = { numRuns: 2000 };

/** The PATCH handler, then the "Check backup config" step's URI parse (contract §4). */
function simAcceptsWithCheck(body: { backup_base_uri?: string }): boolean {
  if (!simAccepts(body)) return false;
  const uri = body.backup_base_uri;
  return uri === undefined || uri === '' || parseStorageUri(uri).ok;
}

function simAccepts(body: unknown): boolean {
  try {
    validateBackupConfig(bindBackupConfig(JSON.stringify(body)), 'PATCH', 2);
    return true;
  } catch (error) {
    if (error instanceof Error && 'errCode' in error) return false;
    throw error;
  }
}

// Amounts just below, at and just above every bound, in every unit.
const BOUNDS_NS = [
  1n,
  NS_PER_UNIT.m,
  2n * NS_PER_UNIT.h,
  24n * NS_PER_UNIT.h,
  168n * NS_PER_UNIT.h,
  DURATION_MAX_NS,
];
const boundaryAmounts = Object.values(NS_PER_UNIT).flatMap((unitNs) =>
  BOUNDS_NS.flatMap((bound) => {
    const q = bound / unitNs;
    return [q - 1n, q, q + 1n].filter((n) => n >= 0n).map(String);
  }),
);
const amount = fc.oneof(
  fc.constantFrom(...boundaryAmounts, '0', '00', '007', '1'),
  fc.nat(1000).map(String),
  fc.bigInt(0n, 10n ** 22n).map(String),
);
const unit = fc.constantFrom(
  'ns',
  'us',
  'ms',
  's',
  'm',
  'h',
  'd',
  'NS',
  'Us',
  'MS',
  'H',
  'D',
  'x',
  'sec',
  'min',
  'w',
  'µs',
);
export const durationText = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(amount, unit).map(([a, u]) => a + u) },
  fc.tuple(amount, unit, amount, unit).map(([a, u, b, v]) => `${a}${u}${b}${v}`),
  fc.tuple(amount, amount, unit).map(([a, b, u]) => `${a}.${b}${u}`),
  fc.tuple(amount, unit).map(([a, u]) => `-${a}${u}`),
  fc.tuple(amount, unit, fc.constantFrom(' ', '\t', '\n')).map(([a, u, s]) => `${s}${a}${u}`),
  fc.tuple(amount, unit).map(([a, u]) => `${a} ${u}`),
  amount,
  fc.string({ maxLength: 8 }),
);

describe('durations: the form parses exactly like obshell ParseTime (sim)', () => {
  it('accepts the same strings with the same value', () => {
    fc.assert(
      fc.property(durationText, (text) => {
        const mine = parseObDuration(text);
        const sim = simParseDuration(text);
        expect(mine.ok).toBe(sim.ok);
        if (mine.ok && sim.ok) expect(mine.ns).toBe(sim.ns);
      }),
      RUNS,
    );
  });

  it('piece_switch_interval: same verdict as the PATCH handler', () => {
    fc.assert(
      fc.property(durationText, (text) => {
        const body = { backup_base_uri: 'file:///data/b', piece_switch_interval: text };
        // "" is not checked by obshell (contract §4, empty values); to the form an empty field
        // means "unchanged" and is not sent at all.
        if (text === '') {
          expect(simAccepts(body)).toBe(true);
          return;
        }
        expect(checkDuration(text, PIECE_SWITCH_BOUNDS).ok).toBe(simAccepts(body));
      }),
      RUNS,
    );
  });

  it('archive_lag_target with the URI in the body: same verdict, s3 floor included', () => {
    fc.assert(
      fc.property(durationText, fc.constantFrom(...STORAGE_SCHEMES), (text, scheme) => {
        const body = { backup_base_uri: `${scheme}://bucket/p`, archive_lag_target: text };
        if (text === '') {
          expect(simAccepts(body)).toBe(true);
          return;
        }
        expect(checkDuration(text, lagBounds(scheme === 's3')).ok).toBe(simAccepts(body));
      }),
      RUNS,
    );
  });

  it('archive_lag_target without the URI: obshell takes anything, the form takes what OceanBase will', () => {
    fc.assert(
      fc.property(durationText, fc.constantFrom('file:///d', 's3://b/p'), (text, current) => {
        expect(simAccepts({ archive_lag_target: text })).toBe(true);
        const oceanbaseOk = archiveLagTargetProblem(text.toLowerCase(), current) === undefined;
        expect(checkDuration(text, lagBounds(current.startsWith('s3://'))).ok).toBe(oceanbaseOk);
      }),
      RUNS,
    );
  });
});

describe('integers: log_archive_concurrency and ha_low_thread_score', () => {
  const field = fc.constantFrom('log_archive_concurrency', 'ha_low_thread_score');
  it('a typed integer is accepted exactly when obshell accepts the number', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -5, max: 105 }), fc.nat({ max: Number.MAX_SAFE_INTEGER })),
        field,
        (n, name) => {
          expect(checkIntField(String(n)).ok).toBe(simAccepts({ [name]: n }));
        },
      ),
      RUNS,
    );
  });
  it('whatever text the form accepts, obshell accepts as a number', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 5 }), fc.stringMatching(/^\d{1,4}$/)),
        field,
        (text, name) => {
          if (checkIntField(text).ok) expect(simAccepts({ [name]: Number(text) })).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('backup_base_uri', () => {
  const uri = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(
          'file://',
          'oss://',
          'cos://',
          's3://',
          'S3://',
          'file:/',
          'http://',
          'oss:',
          '',
          'hdfs://',
        ),
        fc.string({ maxLength: 12 }),
      )
      .map(([p, rest]) => p + rest),
    fc.string({ maxLength: 12 }),
  );
  it('scheme rule: same verdict for every URI without SQL-breaking characters', () => {
    fc.assert(
      fc.property(uri, (u) => {
        fc.pre(findUnsafeCharacter(u) === undefined);
        // PATCH backup_base_uri "" leaves the destinations unchanged; the form sends no URI then.
        if (u === '') {
          expect(simAccepts({ backup_base_uri: u })).toBe(true);
          return;
        }
        expect(hasAcceptedScheme(u)).toBe(simAccepts({ backup_base_uri: u }));
      }),
      RUNS,
    );
  });
});

// The whole form against the whole PATCH handler.
const defaultTenants: TenantSnapshot[] = [1002, 1004].map((id, i) => ({
  name: i === 0 ? 'app_tenant' : 'report_tenant',
  tenantId: id,
  storage: {
    archive_base_uri: `file:///data/ob_backup/1700000001/${id}/clog`,
    data_base_uri: `file:///data/ob_backup/1700000001/${id}/data`,
  },
  parameters: {
    log_archive_concurrency: '0',
    ha_low_thread_score: '0',
    archive_lag_target: '2m',
    log_archive_dest: `LOCATION=file:///data/ob_backup/1700000001/${id}/clog BINDING=OPTIONAL PIECE_SWITCH_INTERVAL=1d`,
  },
}));
const baseline = deriveBaseline(defaultTenants, 1700000001);
const schema = createBackupConfigSchema(baseline);

const text = (...values: string[]) => fc.constantFrom(...values);
/** Mostly unchanged or valid, sometimes wrong: enough bodies get through for the property to bite. */
const field = (valid: string[], wrong: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant('') },
    { weight: 3, arbitrary: text(...valid) },
    { weight: 1, arbitrary: wrong },
  );
const formValues: fc.Arbitrary<BackupConfigFormValues> = fc.record({
  destination: fc.record({
    scheme: fc.constantFrom(...STORAGE_SCHEMES),
    // Mostly no destination (nothing sent), so enough whole bodies get through.
    path: fc.oneof(
      { weight: 6, arbitrary: fc.constant('') },
      {
        weight: 4,
        arbitrary: text(
          '/data/ob_backup',
          '/data/new',
          'data/backup',
          'bucket/dir',
          'bucket',
          'bucket/dir?force_path_style=true',
          '/data/b?x',
          "a'b",
          'a b',
          'a;b',
        ),
      },
    ),
    host: text('', 'oss.example.com', 'h;x', 'h&x'),
    access_id: text('', 'AKID', 'id"x'),
    access_key: text('', 'secret', 'se cret'),
    appid: text('', '1250000000'),
    s3_region: text('', 'us-east-1'),
    delete_mode: text('', 'delete'),
  }),
  log_archive_concurrency: field(['0', '8', '100', '007'], text('101', '-1', '1.5', 'x')),
  ha_low_thread_score: field(['0', '35', '100'], text('101', '1e2')),
  binding: fc.constantFrom('' as const, 'OPTIONAL' as const, 'MANDATORY' as const),
  piece_switch_interval: field(['1d', '48h', '7d'], durationText),
  archive_lag_target: field(['2m', '30s', '2h'], durationText),
  delete_policy: fc.record({
    change: fc.boolean(),
    policy: fc.constant('default' as const),
    recovery_window: field(['7d'], durationText),
  }),
});

/** Issues where the form is stricter than obshell on purpose (see form-schema.ts). */
function isDeliberatelyStricter(path: PropertyKey[], key: string, uriSent: boolean): boolean {
  const field = path.join('.');
  if (field.startsWith('destination.')) {
    return (key.startsWith('unsafe.') || key.startsWith('uri.')) && !CHECK_STEP_ISSUES.has(key);
  }
  if (field === 'delete_policy.recovery_window') return true;
  // "1e2" or "x" typed into a number box: the text is refused, whatever Number() would make of it.
  if (key === 'int-format') return true;
  if (field === 'archive_lag_target') return !uriSent;
  return false;
}

describe('the whole form vs the PATCH handler', () => {
  it('every body the form lets through is accepted; every refusal is obshell’s or a documented extra', () => {
    const seen = { sent: 0, refusedLikeObshell: 0 };
    fc.assert(
      fc.property(formValues, (values) => {
        const analysis = analyzeChanges(values, baseline);
        const body = buildPatchBody(values, analysis);
        const result = schema.safeParse(values);
        const accepted = simAcceptsWithCheck(body);
        if (result.success) {
          expect(accepted).toBe(true);
          if (Object.keys(body).length > 0) seen.sent += 1;
          return;
        }
        if (!accepted) seen.refusedLikeObshell += 1;
        if (accepted) {
          for (const issue of result.error.issues) {
            const { key } = decodeIssue(issue.message);
            expect(
              isDeliberatelyStricter(issue.path, key, analysis.uriSent),
              `${issue.path.join('.')}: ${key}`,
            ).toBe(true);
          }
        }
      }),
      // A fixed seed: the coverage counts below are then the same on every run, instead of
      // failing now and then when a draw happens to send 49 bodies instead of 50.
      { ...RUNS, seed: 20261204 },
    );
    // The generator must exercise both outcomes, or the property says nothing.
    expect(seen.sent).toBeGreaterThan(50);
    expect(seen.refusedLikeObshell).toBeGreaterThan(50);
  });
});

const destination: fc.Arbitrary<Destination> = fc.record({
  scheme: fc.constantFrom(...STORAGE_SCHEMES),
  path: fc.oneof(
    fc.constantFrom(
      '/data/ob_backup',
      'data/backup',
      '/d?x',
      'bucket',
      'bucket/',
      'bucket/dir',
      'bucket/a/b/',
      '/bucket/dir',
      'bucket/dir?force_path_style=true',
      'bucket/dir?host=h',
      'a b/c',
    ),
    fc.stringMatching(/^[a-z/?=._-]{1,10}$/),
  ),
  host: text('', 'oss.example.com', 'h&x'),
  access_id: text('', 'AKID'),
  access_key: text('', 'secret', 'a+b'),
  appid: text('', '1250000000'),
  s3_region: text('', 'us-east-1'),
  delete_mode: text('', 'delete', 'tagging'),
});

/** What obshell renders back of a destination: no credentials, the key's trailing "/" trimmed. */
function shown(d: Destination) {
  const params = paramNames(d.scheme).filter((n) => n !== 'access_id' && n !== 'access_key');
  return {
    scheme: d.scheme,
    path: d.scheme === 'file' ? d.path : d.path.replace(/\/+$/, ''),
    ...Object.fromEntries(params.map((n) => [n, d[n]])),
  };
}

describe('destination vs the check step (sim/lib/storage-uri, rev. 2)', () => {
  it('what the form sends parses; what the form refuses as a check-step rule is refused', () => {
    const seen = { sent: 0, refused: 0 };
    fc.assert(
      fc.property(destination, (d) => {
        const issues = destinationIssues(d);
        const parsed = parseStorageUri(composeUri(d)).ok;
        if (issues.length === 0) {
          seen.sent += 1;
          expect(parsed, composeUri(d)).toBe(true);
        }
        if (issues.some(([, key]) => CHECK_STEP_ISSUES.has(key))) {
          seen.refused += 1;
          expect(parsed, composeUri(d)).toBe(false);
        }
      }),
      RUNS,
    );
    expect(seen.sent).toBeGreaterThan(50);
    expect(seen.refused).toBeGreaterThan(50);
  });

  it('read back after a cluster-level set (rendered, no credentials): the form sees no change', () => {
    fc.assert(
      fc.property(destination, (d) => {
        fc.pre(destinationIssues(d).length === 0);
        const stored = (id: number, dir: string) =>
          displayUri(tenantDestination(composeUri(d), 1700000001, id, dir));
        const tenants: TenantSnapshot[] = [1002, 1004].map((id) => ({
          name: `t${id}`,
          tenantId: id,
          storage: { archive_base_uri: stored(id, 'clog'), data_base_uri: stored(id, 'data') },
          parameters: {},
        }));
        const read = deriveBaseline(tenants, 1700000001);
        const values = initialValues(read);
        expect(shown(values.destination)).toEqual(shown(d));
        expect(analyzeChanges(values, read).dirty.has('backup_base_uri')).toBe(false);
      }),
      RUNS,
    );
  });
});
