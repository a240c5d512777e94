import { describe, expect, it } from 'vitest';
import { ObshellError } from '../../../lib/obshell/envelope';
import { deriveBaseline, parseLogArchiveDest } from './baseline';
import { analyzeChanges, buildPatchBody } from './changes';
import { initialValues } from './form-values';
import { tenantSnapshot } from '../testing/tenant-snapshot';
import { pythonSdkSnippet, maskedBodyJson } from './sdk-snippet';
import { mapServerError } from './server-errors';
import {
  composeUri,
  maskSecrets,
  parseUri,
  stripTenantSuffix,
  findUnsafeCharacter,
} from './storage-uri';

const tenant = tenantSnapshot;

describe('storage URIs', () => {
  it('composes what OceanBase expects per scheme', () => {
    const empty = {
      host: '',
      access_id: '',
      access_key: '',
      appid: '',
      s3_region: '',
      delete_mode: '',
    };
    expect(composeUri({ ...empty, scheme: 'file', path: '/data/backup' })).toBe(
      'file:///data/backup',
    );
    expect(
      composeUri({
        ...empty,
        scheme: 'oss',
        path: 'b/p',
        host: 'h',
        access_id: 'i',
        access_key: 'k',
      }),
    ).toBe('oss://b/p?host=h&access_id=i&access_key=k');
    expect(
      composeUri({
        ...empty,
        scheme: 'cos',
        path: 'b',
        host: 'h',
        access_id: 'i',
        access_key: 'k',
        appid: '12',
      }),
    ).toBe('cos://b?host=h&appid=12&access_id=i&access_key=k');
    expect(
      composeUri({
        ...empty,
        scheme: 's3',
        path: 'b',
        host: 'h',
        access_id: 'i',
        access_key: 'k',
        s3_region: 'r',
      }),
    ).toBe('s3://b?host=h&s3_region=r&access_id=i&access_key=k');
  });
  it('parses back what it composes and refuses shapes it cannot edit', () => {
    const uri = 's3://b/p?host=h&s3_region=r&access_id=i&access_key=k';
    expect(composeUri(parseUri(uri)!)).toBe(uri);
    expect(parseUri('oss://b?host=h&force_path_style=true')).toBeUndefined();
    expect(parseUri('hdfs://x')).toBeUndefined();
  });
  it('masks access_key values wherever they appear', () => {
    expect(maskSecrets('oss://b?host=h&access_id=i&access_key=s3cr3t')).toBe(
      'oss://b?host=h&access_id=i&access_key=******',
    );
    expect(maskSecrets('"x": "cos://b?access_key=abc&appid=1"')).toBe(
      '"x": "cos://b?access_key=******&appid=1"',
    );
  });
  it('masks a key with spaces or escaped quotes completely (the review JSON)', () => {
    expect(maskSecrets('oss://b?access_key=secret value&appid=1')).toBe(
      'oss://b?access_key=******&appid=1',
    );
    const json = JSON.stringify({ u: 'oss://b?access_key=a"b c' });
    expect(maskSecrets(json)).toBe('{"u":"oss://b?access_key=******"}');
  });
  it('strips the /<cluster>/<tenant>/clog suffix, before any parameters', () => {
    expect(stripTenantSuffix('file:///d/1700000001/1002/clog', 1700000001, 1002, 'clog')).toBe(
      'file:///d',
    );
    expect(stripTenantSuffix('oss://b/p/1/2/clog?host=h', 1, 2, 'clog')).toBe('oss://b/p?host=h');
    expect(stripTenantSuffix('file:///d/other', 1, 2, 'clog')).toBeUndefined();
  });
  it('names the character that would break obshell’s SQL', () => {
    expect(findUnsafeCharacter("a'b")).toBe('quote');
    expect(findUnsafeCharacter('a"b')).toBe('quote');
    expect(findUnsafeCharacter('a;b')).toBe('semicolon');
    expect(findUnsafeCharacter('a\nb')).toBe('newline');
    expect(findUnsafeCharacter('a b')).toBe('whitespace');
    expect(findUnsafeCharacter('/data/ok-1_2')).toBeUndefined();
  });
});

describe('baseline', () => {
  it('parses log_archive_dest', () => {
    expect(
      parseLogArchiveDest('LOCATION=file:///x BINDING=Optional PIECE_SWITCH_INTERVAL=1d'),
    ).toEqual({
      LOCATION: 'file:///x',
      BINDING: 'Optional',
      PIECE_SWITCH_INTERVAL: '1d',
    });
  });
  it('takes the common value where tenants agree and lists them where they differ', () => {
    const b = deriveBaseline(
      [tenant('a', 1002), tenant('b', 1004, { archive_lag_target: '5m' })],
      1700000001,
    );
    expect(b.backup_base_uri).toEqual({ kind: 'common', value: 'file:///data/ob_backup' });
    expect(b.binding).toEqual({ kind: 'common', value: 'OPTIONAL' });
    expect(b.piece_switch_interval).toEqual({ kind: 'common', value: '1d' });
    expect(b.archive_lag_target).toEqual({
      kind: 'differs',
      values: [
        { tenant: 'a', value: '2m' },
        { tenant: 'b', value: '5m' },
      ],
    });
  });
  it('falls back to LOCATION when storage is hidden (URI with credentials)', () => {
    const hidden = { ...tenant('a', 1002), storage: null };
    expect(deriveBaseline([hidden], 1700000001).backup_base_uri).toEqual({
      kind: 'common',
      value: 'file:///data/ob_backup',
    });
  });
});

describe('changes → PATCH body', () => {
  const baseline = deriveBaseline([tenant('a', 1002), tenant('b', 1004)], 1700000001);
  it('an untouched form sends nothing', () => {
    const values = initialValues(baseline);
    expect(buildPatchBody(values, analyzeChanges(values, baseline))).toEqual({});
  });
  it('sends only changed fields, normalized; the same duration in other words is no change', () => {
    const values = {
      ...initialValues(baseline),
      ha_low_thread_score: '035',
      archive_lag_target: '120s',
    };
    expect(buildPatchBody(values, analyzeChanges(values, baseline))).toEqual({
      ha_low_thread_score: 35,
    });
    values.archive_lag_target = '3M';
    expect(buildPatchBody(values, analyzeChanges(values, baseline))).toEqual({
      ha_low_thread_score: 35,
      archive_lag_target: '3m',
    });
  });
  it('binding or piece_switch_interval pull the current URI into the body', () => {
    const values = { ...initialValues(baseline), binding: 'MANDATORY' as const };
    const analysis = analyzeChanges(values, baseline);
    expect(analysis.uriRequiredBy).toEqual(['binding']);
    expect(analysis.dirty.has('backup_base_uri')).toBe(false);
    expect(buildPatchBody(values, analysis)).toEqual({
      binding: 'MANDATORY',
      backup_base_uri: 'file:///data/ob_backup',
    });
  });
  it('sends the delete policy only when asked to replace it', () => {
    const values = initialValues(baseline);
    values.delete_policy = { change: true, policy: 'default', recovery_window: '7D' };
    expect(buildPatchBody(values, analyzeChanges(values, baseline))).toEqual({
      delete_policy: { policy: 'default', recovery_window: '7d' },
    });
  });
});

describe('server errors → fields', () => {
  const err = (init: Partial<ConstructorParameters<typeof ObshellError>[0]>) =>
    new ObshellError({ kind: 'server', status: 400, message: '', ...init });
  it('maps errCode', () => {
    expect(
      mapServerError(err({ errCode: 'OB.Backup.ArchiveLagTargetForS3.Invalid' }), {})?.target,
    ).toBe('archive_lag_target');
    expect(mapServerError(err({ errCode: 'OB.Storage.URI.Invalid' }), {})?.target).toBe(
      'destination.path',
    );
    expect(mapServerError(err({ errCode: 'OB.Backup.NoUserTenants' }), {})).toBeUndefined();
  });
  it('finds which duration obshell quoted', () => {
    const e = err({
      errCode: 'Common.InvalidTimeDuration',
      message: "Time duration '0S' is invalid: x",
    });
    expect(
      mapServerError(e, {
        piece_switch_interval: '1d',
        delete_policy: { policy: 'default', recovery_window: '0s' },
      }),
    ).toEqual({
      target: 'delete_policy.recovery_window',
      errCode: 'Common.InvalidTimeDuration',
      quoted: '0S',
    });
  });
  it('maps legacy envelopes (integer code, message only)', () => {
    const e = err({
      code: 1001,
      message: 'Illegal argument: ha_low_thread_score must be between 0 and 100',
    });
    expect(mapServerError(e, {})).toEqual({
      target: 'ha_low_thread_score',
      errCode: 'OB.Backup.HaLowThreadScore.Invalid',
    });
    const s3 = err({
      code: 1001,
      message: 'Illegal argument: archive_lag_target must be greater than 1m0s for S3',
    });
    expect(mapServerError(s3, {})?.errCode).toBe('OB.Backup.ArchiveLagTargetForS3.Invalid');
  });
  it('leaves 401/500/network to the form-level alert', () => {
    expect(
      mapServerError(err({ status: 401, errCode: 'Security.Authentication.Expired' }), {}),
    ).toBeUndefined();
    expect(
      mapServerError(new ObshellError({ kind: 'network', status: 0, message: 'x' }), {}),
    ).toBeUndefined();
  });
});

describe('review texts', () => {
  const body = {
    backup_base_uri: 'oss://b?host=h&access_id=i&access_key=TOPSECRET',
    delete_policy: { policy: 'default', recovery_window: '7d' },
  };
  it('masks secrets in the JSON and the SDK call', () => {
    expect(maskedBodyJson(body)).not.toContain('TOPSECRET');
    const snippet = pythonSdkSnippet(body, { host: '127.0.0.1', port: 2886 });
    expect(snippet).not.toContain('TOPSECRET');
    expect(snippet).toContain('client.v1.patch_cluster_backup_config(');
    expect(snippet).toContain('delete_policy="default"');
    expect(snippet).toContain('delete_recovery_window="7d"');
  });
});
