import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createLimiter', () => {
  it('never runs more than max tasks at once and starts the rest in order', async () => {
    const limiter = createLimiter(4);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 10 }, deferred);
    const all = gates.map((gate, i) =>
      limiter.run(async () => {
        order.push(i);
        active++;
        peak = Math.max(peak, active);
        await gate.promise;
        active--;
        return i;
      }),
    );
    await Promise.resolve();
    expect(limiter.inFlight).toBe(4);
    expect(limiter.queued).toBe(6);
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(4);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(limiter.inFlight).toBe(0);
  });

  it('a failing task frees its slot', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('a queued task aborted before it starts is never run', async () => {
    const limiter = createLimiter(1);
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limiter.run(() => {
      ran = true;
      return Promise.resolve();
    }, controller.signal);
    controller.abort(new Error('gone'));
    await expect(second).rejects.toThrow('gone');
    gate.resolve();
    await first;
    expect(ran).toBe(false);
    expect(limiter.queued).toBe(0);
  });
});

describe('obshell client', () => {
  it('has at most 4 requests to one obshell in flight', async () => {
    const { createObshellClient } = await import('./client');
    const { z } = await import('zod');
    let active = 0;
    let peak = 0;
    const client = createObshellClient({
      apiBase: 'http://obshell.test',
      getCredentials: () => null,
      getLocale: () => 'en',
      fetchImpl: async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        const body = { successful: true, status: 200, timestamp: '', duration: 0, data: {} };
        return new Response(JSON.stringify(body), { status: 200 });
      },
    });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        client.request({ method: 'GET', path: '/api/v1/info', auth: false, schema: z.object({}) }),
      ),
    );
    expect(peak).toBe(4);
  });
});
