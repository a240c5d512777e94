import { describe, expect, it } from 'vitest';
import { formatConfigIssues, formatIssuePath } from './config-issues';

describe('formatConfigIssues', () => {
  it('puts every issue on its own line, naming the key the way the caller spells it', () => {
    const text = formatConfigIssues(
      'Bad configuration',
      [
        { path: ['port'], message: 'expected a number' },
        { path: ['frameAncestors', 1], message: 'must be an origin' },
        { path: ['clusters', 0, 'url'], message: 'is required' },
        { path: [], message: 'must be an object' },
      ],
      (key) => ({ port: 'PORT', frameAncestors: 'FRAME_ANCESTORS' })[key] ?? key,
    );
    expect(text).toBe(
      [
        'Bad configuration:',
        '  PORT: expected a number',
        '  FRAME_ANCESTORS[1]: must be an origin',
        '  clusters[0].url: is required',
        '  (top level): must be an object',
      ].join('\n'),
    );
  });

  it('formats a path on its own (for callers with their own layout)', () => {
    expect(formatIssuePath(['sim', 'port'], (key) => `--${key}`)).toBe('--sim.port');
  });
});
