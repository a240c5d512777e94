import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureHostEvents, emitHostEvent, rememberHostOrigin } from './host-events';

const ready = {
  type: 'obdash:ready',
  cluster: { id: 'a', name: 'A' },
  locale: 'en',
  theme: 'light',
} as const;

function framedBy(referrer: string) {
  const postMessage = vi.fn();
  vi.spyOn(window, 'parent', 'get').mockReturnValue({ postMessage } as unknown as Window);
  vi.spyOn(document, 'referrer', 'get').mockReturnValue(referrer);
  return postMessage;
}

afterEach(() => {
  vi.restoreAllMocks();
  configureHostEvents([]);
});

describe('emitHostEvent', () => {
  it('posts to an allow-listed framing origin, with that origin as target', () => {
    const postMessage = framedBy('https://portal.example.com/some/page');
    configureHostEvents(['https://portal.example.com']);
    expect(emitHostEvent(ready)).toBe(true);
    expect(postMessage).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'obdash:ready', source: 'obshell-backup-dashboard' }),
      'https://portal.example.com',
    );
  });

  it('sends nothing to a framing page that is not on the list, until an allowed one speaks', () => {
    const postMessage = framedBy('https://evil.example.net/');
    configureHostEvents(['https://portal.example.com']);
    expect(emitHostEvent(ready)).toBe(false);
    rememberHostOrigin('https://evil.example.net');
    expect(emitHostEvent(ready)).toBe(false);
    rememberHostOrigin('https://portal.example.com');
    expect(emitHostEvent(ready)).toBe(true);
    expect(postMessage).toHaveBeenCalledTimes(1);
    expect(postMessage.mock.calls[0]?.[1]).toBe('https://portal.example.com');
  });

  it('sends nothing when not framed', () => {
    configureHostEvents(['http://localhost:3000']);
    expect(emitHostEvent(ready)).toBe(false);
  });
});
