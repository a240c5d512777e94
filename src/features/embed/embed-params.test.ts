import { describe, expect, it } from 'vitest';
import { hostMessageSchema, readEmbedParams } from './embed-params';

describe('readEmbedParams', () => {
  it('reads embed, theme and locale; ignores unknown values', () => {
    expect(readEmbedParams('?embed=1&theme=dark&locale=zh')).toEqual({
      embed: true,
      theme: 'dark',
      locale: 'zh',
    });
    expect(readEmbedParams('?embed=0&theme=purple&locale=fr')).toEqual({
      embed: false,
      theme: undefined,
      locale: undefined,
    });
  });

  it('remembers embed mode for the tab so a reload inside the iframe stays embedded', () => {
    window.sessionStorage.clear();
    expect(readEmbedParams('?embed=true', window.sessionStorage).embed).toBe(true);
    expect(readEmbedParams('', window.sessionStorage).embed).toBe(true);
    expect(readEmbedParams('?embed=false', window.sessionStorage).embed).toBe(false);
    expect(readEmbedParams('', window.sessionStorage).embed).toBe(false);
  });
});

describe('hostMessageSchema', () => {
  it('accepts the documented messages only', () => {
    expect(hostMessageSchema.safeParse({ type: 'obdash:set-theme', theme: 'dark' }).success).toBe(
      true,
    );
    expect(hostMessageSchema.safeParse({ type: 'obdash:set-locale', locale: 'zh' }).success).toBe(
      true,
    );
    expect(hostMessageSchema.safeParse({ type: 'obdash:set-theme', theme: 'x' }).success).toBe(
      false,
    );
    expect(hostMessageSchema.safeParse('obdash:hello').success).toBe(false);
  });
});
