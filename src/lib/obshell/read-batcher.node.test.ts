import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';
import type { BatchPost, BatchPostResult } from './read-batch-post';
import { createReadBatcher, type SignedRead } from './read-batcher';

const sent = (uri: string) => ({ status: 200, json: { uri } });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

interface Setup {
  maxReads?: number;
  /** Answers a posted batch (default: every read at once, in order). */
  post?: (post: BatchPost) => Promise<BatchPostResult>;
  now?: () => number;
  sendOneMs?: () => void;
}

/** A batcher over fakes that record what was sent alone and in which batches. */
function setup(options: Setup = {}) {
  const limiter = createLimiter(4);
  const alone: string[] = [];
  const batches: BatchPost[] = [];
  const signed: string[] = [];
  const batcher = createReadBatcher({
    limiter,
    slots: 4,
    maxReads: options.maxReads ?? 64,
    timeoutMs: 1_000,
    ...(options.now ? { now: options.now } : {}),
    sendOne: (uri, init) => {
      expect(init.headers?.['X-OCS-Header']).toBe(`signed ${uri}`);
      options.sendOneMs?.();
      alone.push(uri);
      return Promise.resolve(sent(uri));
    },
    postBatch: (post) => {
      batches.push(post);
      if (options.post) return options.post(post);
      post.reads.forEach((read, index) => post.onAnswer(index, sent(read.uri)));
      return Promise.resolve('answered');
    },
  });
  const sign = (uri: string) => (): Promise<SignedRead> => {
    signed.push(uri);
    return Promise.resolve({ headers: { 'X-OCS-Header': `signed ${uri}` } });
  };
  const read = (uri: string, signal?: AbortSignal) => batcher.read(uri, sign(uri), signal);
  const batchUris = () => batches.map((post) => post.reads.map((r) => r.uri));
  return { limiter, batcher, alone, batches, batchUris, signed, read };
}

const uris = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `/api/v1/r/${i + from}`);

describe('createReadBatcher', () => {
  it('sends reads that wait together, each settling with its own answer; a lone read goes alone', async () => {
    const { read, alone, batchUris, batches } = setup();
    const all = uris(10);
    const answers = await Promise.all(all.map((uri) => read(uri)));
    expect(answers.map((answer) => (answer.json as { uri: string }).uri)).toEqual(all);
    expect(alone).toEqual([]);
    expect(batchUris()).toEqual([all]);
    // Each read carries its own signature over its own uri.
    expect(batches[0]?.reads[1]).toEqual({ uri: all[1], auth: `signed ${String(all[1])}` });
    await read('/api/v1/lone');
    expect(alone).toEqual(['/api/v1/lone']);
  });

  it('never puts more than maxReads in one batch', async () => {
    const { read, batchUris } = setup({ maxReads: 3 });
    await Promise.all(uris(8).map((uri) => read(uri)));
    expect(batchUris().map((batch) => batch.length)).toEqual([3, 3, 2]);
  });

  it('asks the server for as many reads at once as it holds free slots', async () => {
    const { read, limiter, batches } = setup();
    const gate = deferred();
    const busy = [limiter.run(() => gate.promise), limiter.run(() => gate.promise)];
    await Promise.all([...uris(6).map((uri) => read(uri)), tick().then(gate.resolve)]);
    await Promise.all(busy);
    expect(batches[0]?.concurrency).toBe(2);
  });

  it('a slow read holds back neither the other answers nor, once it is the last, more than its slot', async () => {
    const held = deferred();
    let finish!: () => void;
    const { read, limiter } = setup({
      post: (post) => {
        // Every read but the first is answered at once; the first only when the test says so.
        post.reads.forEach((r, index) => {
          if (index > 0) post.onAnswer(index, sent(r.uri));
        });
        return new Promise((resolve) => {
          finish = () => {
            post.onAnswer(0, sent(post.reads[0]?.uri ?? ''));
            resolve('answered');
          };
          held.resolve();
        });
      },
    });
    const all = uris(6);
    const reads = all.map((uri) => read(uri));
    await held.promise;
    const settled = await Promise.race([Promise.all(reads.slice(2)), tick().then(() => 'held')]);
    expect(settled).not.toBe('held');
    // One read is still out: the batch keeps one slot, the other three are free again.
    expect(limiter.inFlight).toBe(1);
    let otherRan = false;
    await limiter.run(() => {
      otherRan = true;
      return Promise.resolve();
    });
    expect(otherRan).toBe(true);
    finish();
    await Promise.all(reads);
    await tick();
    expect(limiter.inFlight).toBe(0);
  });

  it('signs each read when its batch leaves, not when it is queued', async () => {
    const { read, signed } = setup();
    const pending = uris(3).map((uri) => read(uri));
    // None is signed before its turn; the two behind the first are signed together.
    expect(signed).toEqual([]);
    await Promise.all(pending);
    expect(signed).toEqual(uris(3));
  });

  it('a read that cannot be signed fails alone; the rest of its batch is sent', async () => {
    const { batcher, batchUris } = setup();
    const ok = (uri: string) => () =>
      Promise.resolve({ headers: { 'X-OCS-Header': `signed ${uri}` } });
    const first = batcher.read('/api/v1/a', ok('/api/v1/a'));
    const broken = batcher.read('/api/v1/b', () => Promise.reject(new Error('crypto failed')));
    const third = batcher.read('/api/v1/c', ok('/api/v1/c'));
    const fourth = batcher.read('/api/v1/d', ok('/api/v1/d'));
    await expect(broken).rejects.toThrow('crypto failed');
    await expect(Promise.all([first, third, fourth])).resolves.toHaveLength(3);
    expect(batchUris()).toEqual([['/api/v1/a', '/api/v1/c', '/api/v1/d']]);
  });

  it('one failed answer rejects only its own read', async () => {
    const { read } = setup({
      post: (post) => {
        post.reads.forEach((r, index) =>
          post.onAnswer(index, r.uri.endsWith('/2') ? new Error('bad answer') : sent(r.uri)),
        );
        return Promise.resolve('answered');
      },
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
    const { read, batcher, alone, batches } = setup({
      post: () => Promise.resolve('unsupported'),
    });
    const first = uris(4);
    await Promise.all(first.map((uri) => read(uri)));
    expect(batcher.unsupported).toBe(true);
    expect(batches).toHaveLength(1);
    expect([...alone].sort()).toEqual([...first].sort());
    await Promise.all(uris(3, 10).map((uri) => read(uri)));
    expect(batches).toHaveLength(1);
    expect(alone).toHaveLength(7);
  });

  it('a read given up while waiting is never sent', async () => {
    const { read, alone, batchUris, signed } = setup();
    const controller = new AbortController();
    const kept = read('/api/v1/kept');
    const dropped = read('/api/v1/dropped', controller.signal);
    const others = [read('/api/v1/other'), read('/api/v1/third')];
    controller.abort(new Error('left the page'));
    await expect(dropped).rejects.toThrow('left the page');
    await Promise.all([kept, ...others]);
    expect([...alone, ...batchUris().flat()]).not.toContain('/api/v1/dropped');
    expect(signed).not.toContain('/api/v1/dropped');
  });

  it('sizes batches from how long reads take, so a slow obshell still frees slots often', async () => {
    let maxReads = 0;
    const sizes = async (msPerRound: number) => {
      let clock = 0;
      const { read, batches } = setup({
        now: () => clock,
        sendOneMs: () => (clock += msPerRound),
        post: (post) => {
          clock += msPerRound * Math.ceil(post.reads.length / post.concurrency);
          post.reads.forEach((r, index) => post.onAnswer(index, sent(r.uri)));
          return Promise.resolve('answered');
        },
      });
      await Promise.all(uris(100).map((uri) => read(uri)));
      maxReads = Math.max(maxReads, ...batches.map((post) => post.reads.length));
      return batches.map((post) => post.reads.length / post.concurrency);
    };
    // Rounds per batch (reads ÷ reads at once). Untimed, batches have four; once one was timed,
    // as many as fit in half a second. 2 s a read: one round per batch.
    const slow = await sizes(2_000);
    expect(slow[0]).toBe(4);
    const later = slow.slice(slow.length / 2);
    expect(later).toEqual(later.map(() => 1));
    // 100 ms: at most five rounds.
    expect(Math.max(...(await sizes(100)))).toBe(5);
    // 2 ms: as many reads as the server takes in one batch.
    maxReads = 0;
    await sizes(2);
    expect(maxReads).toBe(64);
  });
});
