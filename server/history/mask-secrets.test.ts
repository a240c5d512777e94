import { describe, expect, it } from 'vitest';
import { maskChanges, maskSecretText } from './mask-secrets.ts';

describe('maskSecretText', () => {
  it.each([
    [
      'oss://b/d?host=h&access_id=AK&access_key=abc/def+g==',
      'oss://b/d?host=h&access_id=AK&access_key=******',
    ],
    ['s3://b/d?access_key=a b c&s3_region=r', 's3://b/d?access_key=******&s3_region=r'],
    ['cos://b/d?host=h&ACCESS_KEY=x&appid=1', 'cos://b/d?host=h&ACCESS_KEY=******&appid=1'],
    [
      'x?password=p1&root_password=p2&token=t&secret_key=s',
      'x?password=******&root_password=******&token=******&secret_key=******',
    ],
    ['ftp://user:pa55@host/x', 'ftp://user:******@host/x'],
    ['file:///data/backup', 'file:///data/backup'],
    ['oss://b/d?host=h&access_id=AK', 'oss://b/d?host=h&access_id=AK'],
  ])('%s', (input, masked) => {
    expect(maskSecretText(input)).toBe(masked);
  });
});

describe('maskChanges', () => {
  it('masks whole values of password-like fields and leaves other types alone', () => {
    expect(
      maskChanges([
        { field: 'root_password', old: 'a', new: 'b' },
        { field: 'credentials.secret', old: null, new: '' },
        { field: 'log_archive_concurrency', old: 1, new: 2 },
        { field: 'binding', old: 'OPTIONAL', new: 'MANDATORY' },
      ]),
    ).toEqual([
      { field: 'root_password', old: '******', new: '******' },
      { field: 'credentials.secret', old: null, new: '' },
      { field: 'log_archive_concurrency', old: 1, new: 2 },
      { field: 'binding', old: 'OPTIONAL', new: 'MANDATORY' },
    ]);
  });
});
