import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';
import { createReadBatcher, type BatchOutcome, type SignedRead } from './read-batcher';

const sent = (uri: string) => ({ status: 200, json: { uri } });

/** A batcher over fakes that record what was sent alone and in which batches. */
function setup(options: { maxReads?: number; outcome?: (uris: string[]) => BatchOutcome } = {}) {
  const limiter = createLimiter(4);
  const alone: string[] = [];
  const batches: string[][] = [];
  const signed: string[] = [];
  const batcher = createReadBatcher({
    limiter,
    slots: 4,
    maxReads: options.maxReads ?? 64,
    sendOne: (uri, init) => {
      expect(init.headers?.['X-OCS-Header']).toBe(`signed ${uri}`);
      alone.push(uri);
      return Promise.resolve(sent(uri));
    },
    postBatch: (reads) => {
      const uris = reads.map((read) => read.uri);
      batches.push(uris);
      return Promise.resolve(options.outcome ? options.outcome(uris) : uris.map(sent));
    },
  });
  const sign = (uri: string) => (): Promise<SignedRead> => {
    signed.push(uri);
    return Promise.resolve({ headers: { 'X-OCS-Header': `signed ${uri}` } });
  };
  const read = (uri: string, signal?: AbortSignal) => batcher.read(uri, sign(uri), signal);
  return { limiter, batcher, alone, batches, signed, read };
}

const uris = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `/api/v1/r/${i + from}`);

describe('createReadBatcher', () => {
  it('sends the first read alone and the ones waiting behind it together, each with its answer', async () => {
    const { read, alone, batches } = setup();
    const all = uris(10);
    const answers = await Promise.all(all.map((uri) => read(uri)));
    expect(answers.map((answer) => (answer.json as { uri: string }).uri)).toEqual(all);
    expect(alone).toEqual([all[0]]);
    expect(batches).toEqual([all.slice(1)]);
  });

  it('never puts more than maxReads in one batch', async () => {
    const { read, batches } = setup({ maxReads: 3 });
    await Promise.all(uris(8).map((uri) => read(uri)));
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 1].filter((n) => n > 1));
  });

  it('holds every slot while a batch is out, so a request after it waits', async () => {
    const limiter = createLimiter(4);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inFlightDuringBatch = -1;
    const batcher = createReadBatcher({
      limiter,
      slots: 4,
      maxReads: 64,
      sendOne: (uri) => Promise.resolve(sent(uri)),
      postBatch: async (reads) => {
        inFlightDuringBatch = limiter.inFlight;
        await gate;
        return reads.map((r) => sent(r.uri));
      },
    });
    const sign = () => Promise.resolve({ headers: { 'X-OCS-Header': 'x' } });
    const reads = uris(5).map((uri) => batcher.read(uri, sign));
    await new Promise((resolve) => setTimeout(resolve, 10));
    let otherRan = false;
    const other = limiter.run(() => {
      otherRan = true;
      return Promise.resolve();
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(inFlightDuringBatch).toBe(4);
    expect(otherRan).toBe(false);
    release();
    await Promise.all([...reads, other]);
    expect(otherRan).toBe(true);
  });

  it('signs each read when its batch leaves, not when it is queued', async () => {
    const { read, signed } = setup();
    const pending = uris(3).map((uri) => read(uri));
    // The first has its turn at once; the two behind it are signed only when their batch leaves.
    expect(signed).toEqual(uris(1));
    await Promise.all(pending);
    expect(signed).toEqual(uris(3));
  });

  it('a read that cannot be signed fails alone; the rest of its batch is sent', async () => {
    const { batcher, batches } = setup();
    const ok = (uri: string) => () =>
      Promise.resolve({ headers: { 'X-OCS-Header': `signed ${uri}` } });
    const first = batcher.read('/api/v1/a', ok('/api/v1/a'));
    const broken = batcher.read('/api/v1/b', () => Promise.reject(new Error('crypto failed')));
    const third = batcher.read('/api/v1/c', ok('/api/v1/c'));
    const fourth = batcher.read('/api/v1/d', ok('/api/v1/d'));
    await expect(broken).rejects.toThrow('crypto failed');
    await expect(Promise.all([first, third, fourth])).resolves.toHaveLength(3);
    expect(batches).toEqual([['/api/v1/c', '/api/v1/d']]);
  });

  it('one failed answer rejects only its own read', async () => {
    const { read } = setup({
      outcome: (list) =>
        list.map((uri) => (uri.endsWith('/2') ? new Error('bad answer') : sent(uri))),
    });
    const results = await Promise.allSettled(uris(4).map((uri) => read(uri)));
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
  });

  it('without a batch route, the waiting reads go alone and so does every later one', async () => {
    const { read, batcher, alone, batches } = setup({ outcome: () => 'unsupported' });
    const first = uris(4);
    await Promise.all(first.map((uri) => read(uri)));
    expect(batcher.unsupported).toBe(true);
    expect(batches).toHaveLength(1);
    expect([...alone].sort()).toEqual([...first].sort());
    const later = uris(3, 10);
    await Promise.all(later.map((uri) => read(uri)));
    expect(batches).toHaveLength(1);
    expect(alone).toHaveLength(7);
  });

  it('a failed batch request fails the reads in it', async () => {
    const limiter = createLimiter(4);
    const batcher = createReadBatcher({
      limiter,
      slots: 4,
      maxReads: 64,
      sendOne: (uri) => Promise.resolve(sent(uri)),
      postBatch: () => Promise.reject(new Error('Cannot reach obshell (network error)')),
    });
    const sign = () => Promise.resolve({});
    const results = await Promise.allSettled(uris(3).map((uri) => batcher.read(uri, sign)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(limiter.inFlight).toBe(0);
  });

  it('a read given up while waiting is never sent', async () => {
    const { read, alone, batches, signed } = setup();
    const controller = new AbortController();
    const kept = read('/api/v1/kept');
    const dropped = read('/api/v1/dropped', controller.signal);
    const other = read('/api/v1/other');
    const third = read('/api/v1/third');
    controller.abort(new Error('left the page'));
    await expect(dropped).rejects.toThrow('left the page');
    await Promise.all([kept, other, third]);
    expect([...alone, ...batches.flat()]).not.toContain('/api/v1/dropped');
    expect(signed).not.toContain('/api/v1/dropped');
  });

  it('sizes batches from how long reads take, so a slow obshell still fills values in often', async () => {
    const sizes = async (msPerRound: number) => {
      let clock = 0;
      const batches: number[] = [];
      const batcher = createReadBatcher({
        limiter: createLimiter(4),
        slots: 4,
        maxReads: 64,
        now: () => clock,
        sendOne: (uri) => {
          clock += msPerRound;
          return Promise.resolve(sent(uri));
        },
        postBatch: (reads, rounds) => {
          clock += msPerRound * rounds;
          batches.push(reads.length);
          return Promise.resolve(reads.map((read) => sent(read.uri)));
        },
      });
      const sign = () => Promise.resolve({});
      await Promise.all(uris(100).map((uri) => batcher.read(uri, sign)));
      return batches;
    };
    // 2 s a read: one round (4 reads) per batch, as often as reads sent alone would answer.
    expect(new Set(await sizes(2_000))).toEqual(new Set([4, 3]));
    // 100 ms: five rounds fit in the half-second target.
    expect((await sizes(100))[0]).toBe(20);
    // 2 ms: as many as the server takes.
    expect((await sizes(2))[0]).toBe(64);
  });
});
