import { describe, expect, it, vi } from 'vitest';
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

describe('obshell client signing', () => {
  it('signs a queued request when its turn comes, not when it is queued', async () => {
    const { createObshellClient } = await import('./client');
    const { generateKeyPairSync } = await import('node:crypto');
    const { z } = await import('zod');
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const der = publicKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
    const envelope = (data: unknown) =>
      new Response(
        JSON.stringify({ successful: true, status: 200, timestamp: '', duration: 0, data }),
        { status: 200 },
      );
    // Once the key is known, the client reads the clock only to sign a request (its `ts`).
    let clockReads = 0;
    let holding = false;
    const gates: (() => void)[] = [];
    const client = createObshellClient({
      apiBase: 'http://obshell.test',
      getCredentials: () => ({ rootPassword: 'pw' }),
      getLocale: () => 'en',
      maxInFlight: 1,
      now: () => {
        clockReads++;
        return Date.now();
      },
      fetchImpl: async (input) => {
        if (typeof input === 'string' && input.endsWith('/api/v1/secret'))
          return envelope({ public_key: der });
        if (holding) await new Promise<void>((resolve) => gates.push(resolve));
        return envelope({});
      },
    });
    const read = () =>
      client.request({ method: 'GET', path: '/api/v1/obcluster/info', schema: z.object({}) });
    await read(); // fetches the key
    const before = clockReads;
    holding = true;
    const reads = Array.from({ length: 5 }, read);
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    // One request in flight, four waiting: only the one in flight has been signed.
    expect(clockReads - before).toBe(1);
    for (let sent = 1; sent <= 5; sent++) {
      await vi.waitFor(() => expect(gates).toHaveLength(1));
      expect(clockReads - before).toBe(sent);
      gates.shift()?.();
    }
    await Promise.all(reads);
    expect(clockReads - before).toBe(5);
  });
});

describe('createLimiter with weighted tasks (read batches)', () => {
  it('a task taking every slot waits for all running ones, and later ones do not overtake it', async () => {
    const limiter = createLimiter(4);
    const first = deferred();
    const order: string[] = [];
    const single = limiter.run(async () => {
      order.push('single');
      await first.promise;
    });
    const batch = limiter.run(
      async () => {
        order.push('batch');
        expect(limiter.inFlight).toBe(4);
        return Promise.resolve();
      },
      undefined,
      4,
    );
    const later = limiter.run(async () => {
      order.push('later');
      return Promise.resolve();
    });
    await Promise.resolve();
    // Three slots are free, yet neither the batch (needs 4) nor the later one (behind it) starts.
    expect(order).toEqual(['single']);
    expect(limiter.queued).toBe(2);
    first.resolve();
    await Promise.all([single, batch, later]);
    expect(order).toEqual(['single', 'batch', 'later']);
    expect(limiter.inFlight).toBe(0);
  });

  it('a waiting heavy task given up lets the lighter ones behind it start', async () => {
    const limiter = createLimiter(2);
    const gate = deferred();
    const running = limiter.run(() => gate.promise);
    const controller = new AbortController();
    const heavy = limiter.run(() => Promise.resolve('heavy'), controller.signal, 2);
    let lightStarted = false;
    const light = limiter.run(() => {
      lightStarted = true;
      return Promise.resolve('light');
    });
    await Promise.resolve();
    expect(lightStarted).toBe(false);
    controller.abort(new Error('left the page'));
    await expect(heavy).rejects.toThrow('left the page');
    await expect(light).resolves.toBe('light');
    expect(lightStarted).toBe(true);
    gate.resolve();
    await running;
  });

  it('a weight above max is capped to max instead of waiting forever', async () => {
    const limiter = createLimiter(2);
    await expect(limiter.run(() => Promise.resolve('ok'), undefined, 9)).resolves.toBe('ok');
  });
});
