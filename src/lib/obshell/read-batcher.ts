import type { createLimiter } from './limiter';

/** What one HTTP exchange with obshell gave: its status and its (envelope) JSON. */
export interface Sent {
  status: number;
  json: unknown;
}

/** A read's fetch options once signed: its headers (X-OCS-Header among them). */
export interface SignedRead {
  headers?: Record<string, string>;
}

/**
 * What posting a batch gave: per read, its answer or why it failed; 'unsupported' when the page
 * is served without the read-batch route (then every read goes alone from now on).
 */
export type BatchOutcome = (Sent | Error)[] | 'unsupported';

interface Pending {
  uri: string;
  sign: () => Promise<SignedRead>;
  signal: AbortSignal | undefined;
  resolve: (sent: Sent) => void;
  reject: (error: unknown) => void;
}

export interface ReadBatcherOptions {
  limiter: ReturnType<typeof createLimiter>;
  /** The limiter's size: a batch holds every slot, since the server forwards that many at once. */
  slots: number;
  /** The most reads one batch may carry (the server's limit). */
  maxReads: number;
  now?: () => number;
  /** One read on its own (a batch of one, or no batch route). Called holding a slot. */
  sendOne: (uri: string, init: SignedRead, signal?: AbortSignal) => Promise<Sent>;
  /**
   * Many reads in one request; answers in the reads' order. `rounds`: how many times over the
   * server must fill its `slots` to send them all (the request may take that many reads' time).
   */
  postBatch: (reads: { uri: string; init: SignedRead }[], rounds: number) => Promise<BatchOutcome>;
}

const abortReason = (signal: AbortSignal) =>
  signal.reason instanceof Error ? signal.reason : new Error('aborted');

/**
 * How long one batch should take at most. A batch's answers arrive together, so against a slow
 * obshell (seconds per read) a full batch would hold every answer back for a minute: batches are
 * sized from the time a round of reads takes, so values still fill in about this often.
 */
const BATCH_TARGET_MS = 500;
/** Before any read was timed: enough to gain a lot, little enough not to hold answers back long. */
const FIRST_BATCH_ROUNDS = 4;

/**
 * Signed GETs that wait for a turn are sent together when it comes: one HTTP request for up to
 * `maxReads` of them instead of one each. Each read is signed at its turn (its `ts` starts then),
 * and its promise settles exactly as if it had been sent alone.
 */
export function createReadBatcher(options: ReadBatcherOptions) {
  const { limiter, slots, maxReads } = options;
  const now = options.now ?? (() => performance.now());
  const queue: Pending[] = [];
  let turnRequested = false;
  let unsupported = false;
  /** Smoothed time for `slots` reads sent at once (one read alone takes about as long). */
  let roundMs: number | undefined;

  function timed(ms: number, rounds: number) {
    const sample = ms / rounds;
    roundMs = roundMs === undefined ? sample : roundMs * 0.5 + sample * 0.5;
  }

  function batchSize() {
    const rounds =
      roundMs === undefined
        ? FIRST_BATCH_ROUNDS
        : Math.max(1, Math.floor(BATCH_TARGET_MS / Math.max(roundMs, 1)));
    return Math.min(maxReads, rounds * slots);
  }

  function alone(uri: string, sign: () => Promise<SignedRead>, signal?: AbortSignal) {
    return limiter.run(async () => options.sendOne(uri, await sign(), signal), signal);
  }

  function requestTurn() {
    if (turnRequested) return;
    turnRequested = true;
    let resend: Pending[] = [];
    const turn = async () => {
      turnRequested = false;
      const taken = queue.splice(0, batchSize());
      // What did not fit waits for the next turn, queued behind this one.
      if (queue.length > 0) requestTurn();
      try {
        resend = await sendTaken(taken);
      } catch (error) {
        // Not expected (sendTaken settles each read itself), but no read may wait forever.
        for (const read of taken) read.reject(error);
      }
    };
    void limiter.run(turn, undefined, slots).then(() => {
      for (const read of resend) {
        alone(read.uri, read.sign, read.signal).then(read.resolve, read.reject);
      }
    });
  }

  async function sendOneTaken(read: Pending) {
    try {
      const init = await read.sign();
      const started = now();
      const answer = await options.sendOne(read.uri, init, read.signal);
      timed(now() - started, 1);
      read.resolve(answer);
    } catch (error) {
      read.reject(error);
    }
  }

  /** Sends what this turn took; returns the reads to send alone (no batch route after all). */
  async function sendTaken(taken: Pending[]): Promise<Pending[]> {
    if (unsupported) return taken;
    if (taken.length <= 1) {
      if (taken[0]) await sendOneTaken(taken[0]);
      return [];
    }
    const signed = await Promise.all(
      taken.map((read) =>
        read.sign().then(
          (init) => ({ read, init }),
          (error: unknown) => {
            read.reject(error);
            return undefined;
          },
        ),
      ),
    );
    const ready = signed.filter((entry) => entry !== undefined);
    if (ready.length === 0) return [];
    let outcome: BatchOutcome;
    const rounds = Math.ceil(ready.length / slots);
    try {
      const started = now();
      outcome = await options.postBatch(
        ready.map(({ read, init }) => ({ uri: read.uri, init })),
        rounds,
      );
      timed(now() - started, rounds);
    } catch (error) {
      for (const { read } of ready) read.reject(error);
      return [];
    }
    if (outcome === 'unsupported') {
      unsupported = true;
      return ready.map(({ read }) => read);
    }
    ready.forEach(({ read }, index) => {
      const answer = outcome[index];
      if (answer === undefined)
        read.reject(new Error('the read batch gave no answer for this read'));
      else if (answer instanceof Error) read.reject(answer);
      else read.resolve(answer);
    });
    return [];
  }

  /** Resolves with the read's answer: through a batch when others wait too, else alone. */
  function read(uri: string, sign: () => Promise<SignedRead>, signal?: AbortSignal): Promise<Sent> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (unsupported) return alone(uri, sign, signal);
    return new Promise<Sent>((resolve, reject) => {
      const pending: Pending = { uri, sign, signal, resolve, reject };
      // Given up while waiting: leaves the queue unsent. Given up once sent: settles at once, its
      // answer is dropped when the batch returns (the others in it still need theirs).
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
