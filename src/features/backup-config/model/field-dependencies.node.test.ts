import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveBaseline } from './baseline';
import { dependentFields } from './field-dependencies';
import { createBackupConfigSchema } from './form-schema';
import { initialValues, type BackupConfigFormValues } from './form-values';
import { tenantSnapshot } from '../testing/tenant-snapshot';

const tenant = (id: number, base: string) => tenantSnapshot(`t${id}`, id, {}, base);

/** Every leaf the form edits, with values that cross the rules' bounds. */
const edits = fc.oneof(
  fc.record({
    name: fc.constant('destination.scheme'),
    value: fc.constantFrom('file', 's3', 'oss', 'cos'),
  }),
  ...(['path', 'host', 'access_id', 'access_key', 'appid', 's3_region'] as const).map((leaf) =>
    fc.record({
      name: fc.constant(`destination.${leaf}`),
      value: fc.constantFrom('', 'x', '/abs', 'a?b', 'a&b', 'bucket/dir', 'a b'),
    }),
  ),
  ...(['log_archive_concurrency', 'ha_low_thread_score'] as const).map((name) =>
    fc.record({ name: fc.constant(name), value: fc.constantFrom('', '0', '5', '101', '-1', 'x') }),
  ),
  fc.record({ name: fc.constant('binding'), value: fc.constantFrom('', 'OPTIONAL', 'MANDATORY') }),
  ...(
    ['piece_switch_interval', 'archive_lag_target', 'delete_policy.recovery_window'] as const
  ).map((name) =>
    fc.record({
      name: fc.constant(name),
      value: fc.constantFrom('', '1d', '2m', '30s', '1ns', '3h', '8d', 'x'),
    }),
  ),
  fc.record({ name: fc.constant('delete_policy.change'), value: fc.boolean() }),
);

function setPath(values: BackupConfigFormValues, name: string, value: unknown) {
  const next = structuredClone(values) as unknown as Record<string, Record<string, unknown>>;
  const [head, leaf] = name.split('.') as [string, string | undefined];
  if (leaf === undefined) (next as Record<string, unknown>)[head] = value;
  else next[head] = { ...next[head], [leaf]: value };
  return next as unknown as BackupConfigFormValues;
}

describe('dependentFields', () => {
  for (const base of ['file:///data/ob_backup', 's3://bucket/backup']) {
    it(`re-checking the edited field and its dependents gives the full messages (${base})`, () => {
      const baseline = deriveBaseline([tenant(1002, base), tenant(1004, base)], 1700000001);
      const schema = createBackupConfigSchema(baseline);
      const messages = (values: BackupConfigFormValues) => {
        const byPath = new Map<string, string>();
        for (const issue of schema.safeParse(values).error?.issues ?? []) {
          byPath.set(issue.path.join('.'), issue.message);
        }
        return byPath;
      };
      fc.assert(
        fc.property(fc.array(edits, { maxLength: 12 }), (steps) => {
          let values = initialValues(baseline);
          let shown = messages(values);
          for (const { name, value } of steps) {
            values = setPath(values, name, value);
            const full = messages(values);
            // What the form does: the edited field, then its dependents, nothing else.
            for (const path of [name, ...(dependentFields(name) ?? [...full.keys()])]) {
              const message = full.get(path);
              if (message === undefined) shown.delete(path);
              else shown.set(path, message);
            }
            expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(full));
            shown = new Map(shown);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
