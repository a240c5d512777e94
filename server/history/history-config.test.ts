import { describe, expect, it } from 'vitest';
import { loadHistoryConfig } from './history-config.ts';
import { isTrusted, trustedProxyList, userFrom } from './trusted-user.ts';

describe('history settings from the environment', () => {
  it('has defaults: data/history.db under the working directory, 365 days, no trusted user', () => {
    expect(loadHistoryConfig({}, '/srv/dash')).toEqual({
      dbPath: '/srv/dash/data/history.db',
      retentionDays: 365,
      userHeader: undefined,
      trustedProxies: [],
    });
  });

  it('reads every variable', () => {
    expect(
      loadHistoryConfig(
        {
          HISTORY_DB: '/var/lib/obdash/h.db',
          HISTORY_RETENTION_DAYS: '90',
          TRUSTED_USER_HEADER: 'X-Forwarded-User',
          TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16 ::1',
        },
        '/srv/dash',
      ),
    ).toEqual({
      dbPath: '/var/lib/obdash/h.db',
      retentionDays: 90,
      userHeader: 'X-Forwarded-User',
      trustedProxies: ['10.0.0.5', '10.1.0.0/16', '::1'],
    });
  });

  it('explains each mistake', () => {
    expect(() =>
      loadHistoryConfig({
        HISTORY_RETENTION_DAYS: '0',
        TRUSTED_USER_HEADER: 'X User',
        TRUSTED_PROXIES: '10.0.0.0/33',
      }),
    ).toThrow(
      'Bad environment:\n' +
        '  HISTORY_RETENTION_DAYS: must be at least 1 day\n' +
        '  TRUSTED_USER_HEADER: must be an HTTP header name such as X-Forwarded-User\n' +
        '  TRUSTED_PROXIES: "10.0.0.0/33" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24)',
    );
    expect(() => loadHistoryConfig({ TRUSTED_USER_HEADER: 'X-Forwarded-User' })).toThrow(
      'TRUSTED_USER_HEADER: set TRUSTED_PROXIES too',
    );
  });
});

describe('trusted proxies', () => {
  const list = trustedProxyList(['10.0.0.5', '192.168.0.0/16', 'fd00::/8']);
  it.each([
    ['10.0.0.5', true],
    ['::ffff:10.0.0.5', true],
    ['10.0.0.6', false],
    ['192.168.44.1', true],
    ['fd12::1', true],
    ['fe80::1', false],
    [undefined, false],
  ])('%s → %s', (address, trusted) => {
    expect(isTrusted(list, address)).toBe(trusted);
  });

  it('cleans the header value and falls back to "unknown"', () => {
    const options = { userHeader: 'X-Forwarded-User', trusted: list };
    expect(userFrom({ 'x-forwarded-user': ' alice\u0000\n ' }, '10.0.0.5', options)).toBe('alice');
    expect(userFrom({ 'x-forwarded-user': ['a', 'b'] }, '10.0.0.5', options)).toBe('unknown');
    expect(userFrom({ 'x-forwarded-user': '   ' }, '10.0.0.5', options)).toBe('unknown');
    expect(
      userFrom({ 'x-forwarded-user': 'alice' }, '10.0.0.5', { ...options, userHeader: undefined }),
    ).toBe('unknown');
  });
});
