import type { Sent } from './answer';
import type { createLimiter, Lease } from './limiter';
import type { BatchPost, BatchPostResult } from './read-batch-post';

export type { Sent } from './answer';

/** A read's fetch options once signed: its headers (X-OCS-Header among them). */
export interface SignedRead {
  headers?: Record<string, string>;
}

interface Pending {
  uri: string;
  sign: () => Promise<SignedRead>;
  signal: AbortSignal | undefined;
  resolve: (sent: Sent) => void;
  reject: (error: unknown) => void;
}

export interface ReadBatcherOptions {
  limiter: ReturnType<typeof createLimiter>;
  /** The limiter's size: the most reads one batch has at obshell at once. */
  slots: number;
  /** The most reads one batch may carry (the server's limit). */
  maxReads: number;
  /** How long one read may take at obshell (a batch may take that per round). */
  timeoutMs: number;
  now?: () => number;
  /** One read on its own (a batch of one, or no batch route). Called holding a slot. */
  sendOne: (uri: string, init: SignedRead, signal?: AbortSignal) => Promise<Sent>;
  postBatch: (post: BatchPost) => Promise<BatchPostResult>;
}

const abortReason = (signal: AbortSignal) =>
  signal.reason instanceof Error ? signal.reason : new Error('aborted');

/**
 * How long one batch should take at most. Against a slow obshell (seconds per read) a batch of 64
 * would keep its slots, and the reads queued behind it, for a minute: batches are sized from the
 * time a round of reads takes, so queued reads still get their turn about this often.
 */
const BATCH_TARGET_MS = 500;
/** Before any read was timed: enough to gain a lot, little enough not to hold others back long. */
const FIRST_BATCH_ROUNDS = 4;

/**
 * Signed GETs that wait for a turn are sent together when it comes: one HTTP request for up to
 * `maxReads` of them instead of one each. A batch takes every free slot (at least one), the server
 * has that many of its reads at obshell at once, and slots come back as its last reads are
 * answered. Each read is signed at its turn (its `ts` starts then), and its promise settles as
 * soon as its own answer arrives, exactly as if it had been sent alone.
 */
export function createReadBatcher(options: ReadBatcherOptions) {
  const { limiter, slots, maxReads } = options;
  const now = options.now ?? (() => performance.now());
  const queue: Pending[] = [];
  let turnRequested = false;
  let unsupported = false;
  /** Smoothed time for one round of reads at obshell (one read alone takes about as long). */
  let roundMs: number | undefined;

  function timed(ms: number, rounds: number) {
    const sample = ms / Math.max(rounds, 1);
    roundMs = roundMs === undefined ? sample : roundMs * 0.5 + sample * 0.5;
  }

  function batchSize(concurrency: number) {
    const rounds =
      roundMs === undefined
        ? FIRST_BATCH_ROUNDS
        : Math.max(1, Math.floor(BATCH_TARGET_MS / Math.max(roundMs, 1)));
    return Math.min(maxReads, rounds * concurrency);
  }

  function alone(read: Pending) {
    limiter
      .run(async () => options.sendOne(read.uri, await read.sign(), read.signal), read.signal)
      .then(read.resolve, read.reject);
  }

  function requestTurn() {
    if (turnRequested) return;
    turnRequested = true;
    void limiter.acquire({ min: 1, max: slots }).then(async (lease) => {
      turnRequested = false;
      const taken = queue.splice(0, batchSize(lease.held));
      // What did not fit waits for the next turn, queued behind this one.
      if (queue.length > 0) requestTurn();
      try {
        await sendTaken(taken, lease);
      } catch (error) {
        // Not expected (sendTaken settles each read itself), but no read may wait forever.
        for (const read of taken) read.reject(error);
      } finally {
        lease.release();
      }
    });
  }

  async function sendTaken(taken: Pending[], lease: Lease) {
    if (unsupported) {
      lease.release();
      taken.forEach(alone);
      return;
    }
    if (taken.length === 1 && taken[0]) {
      const [read] = taken;
      lease.release(lease.held - 1);
      const started = now();
      const answer = await options.sendOne(read.uri, await read.sign(), read.signal);
      timed(now() - started, 1);
      read.resolve(answer);
      return;
    }
    const signed = await Promise.all(
      taken.map((read) =>
        read.sign().then(
          (init) => ({ read, auth: init.headers?.['X-OCS-Header'] ?? '' }),
          (error: unknown) => {
            read.reject(error);
            return undefined;
          },
        ),
      ),
    );
    const ready = signed.filter((entry) => entry !== undefined);
    if (ready.length === 0) return;
    // The server has `concurrency` reads at obshell until fewer than that are left unanswered.
    const concurrency = Math.min(lease.held, ready.length);
    lease.release(lease.held - concurrency);
    const rounds = Math.ceil(ready.length / concurrency);
    let unanswered = ready.length;
    const started = now();
    const result = await options.postBatch({
      reads: ready.map(({ read, auth }) => ({ uri: read.uri, auth })),
      concurrency,
      waitMs: options.timeoutMs * rounds,
      onAnswer: (index, answer) => {
        const read = ready[index]?.read;
        if (!read) return;
        if (answer instanceof Error) read.reject(answer);
        else read.resolve(answer);
        unanswered -= 1;
        if (unanswered < lease.held) lease.release(lease.held - unanswered);
      },
    });
    if (result === 'unsupported') {
      unsupported = true;
      lease.release();
      ready.forEach(({ read }) => alone(read));
      return;
    }
    timed(now() - started, rounds);
  }

  /** Resolves with the read's answer: through a batch when others wait too, else alone. */
  function read(uri: string, sign: () => Promise<SignedRead>, signal?: AbortSignal): Promise<Sent> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<Sent>((resolve, reject) => {
      const pending: Pending = { uri, sign, signal, resolve, reject };
      // Given up while waiting: leaves the queue unsent. Given up once sent: settles at once, its
      // answer is dropped when it arrives.
      const onAbort = () => {
        const at = queue.indexOf(pending);
        if (at >= 0) queue.splice(at, 1);
        if (signal) reject(abortReason(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle =
        <A>(done: (value: A) => void) =>
        (value: A) => {
          signal?.removeEventListener('abort', onAbort);
          done(value);
        };
      pending.resolve = settle(resolve);
      pending.reject = settle(reject);
      if (unsupported) {
        alone(pending);
        return;
      }
      queue.push(pending);
      requestTurn();
    });
  }

  return {
    read,
    /** True once the page was found to be served without the read-batch route. */
    get unsupported() {
      return unsupported;
    },
  };
}
