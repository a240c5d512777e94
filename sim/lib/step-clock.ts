/**
 * The engine's only source of waiting. Auto mode: real timers, scaled by timeScale. Manual mode
 * (TEAM.md "manual clock"): every wait is parked until `/__sim/step` releases it, so a test decides
 * when a DAG moves and never races the machine's speed.
 */
export type ClockMode = 'auto' | 'manual';

interface Waiter {
  seq: number;
  /** Virtual due time (ms of scaled engine time): release order in manual mode. */
  due: number;
  resolve: () => void;
  timer: NodeJS.Timeout | undefined;
}

export class StepClock {
  private waiters = new Set<Waiter>();
  private seq = 0;
  /** Engine time in manual mode: advances to the due time of each released step. */
  private virtualNow = 0;
  private stopped = false;

  constructor(
    private mode: ClockMode,
    private readonly timeScale: () => number,
  ) {}

  get currentMode(): ClockMode {
    return this.mode;
  }

  get pending(): number {
    return this.mode === 'manual' ? this.waiters.size : 0;
  }

  /** Waits `baseMs` (× timeScale) in auto mode; until released by `step` in manual mode. */
  sleep(baseMs: number): Promise<void> {
    if (this.stopped) return new Promise(() => undefined);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        seq: this.seq++,
        due: this.virtualNow + Math.max(0, baseMs),
        resolve,
        timer: undefined,
      };
      this.waiters.add(waiter);
      if (this.mode === 'auto') this.arm(waiter, baseMs);
    });
  }

  /** Parked waits keep their order when switching to manual; switching to auto arms them. */
  setMode(mode: ClockMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    for (const waiter of this.waiters) {
      if (mode === 'manual') {
        clearTimeout(waiter.timer);
        waiter.timer = undefined;
      } else {
        this.arm(waiter, waiter.due - this.virtualNow);
      }
    }
  }

  /** Releases up to `count` parked waits, earliest due first; returns how many were released. */
  async step(count: number): Promise<number> {
    let released = 0;
    while (released < count && this.mode === 'manual') {
      const next = this.earliest();
      if (!next) break;
      this.virtualNow = Math.max(this.virtualNow, next.due);
      this.release(next);
      released++;
      await settle();
    }
    return released;
  }

  stop(): void {
    this.stopped = true;
    for (const waiter of this.waiters) clearTimeout(waiter.timer);
    this.waiters.clear();
  }

  private earliest(): Waiter | undefined {
    let best: Waiter | undefined;
    for (const waiter of this.waiters) {
      if (!best || waiter.due < best.due || (waiter.due === best.due && waiter.seq < best.seq)) {
        best = waiter;
      }
    }
    return best;
  }

  private arm(waiter: Waiter, baseMs: number): void {
    const ms = Math.max(0, baseMs * this.timeScale());
    waiter.timer = setTimeout(() => this.release(waiter), ms);
  }

  private release(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    // Auto-mode waits also advance engine time, so a later switch to manual keeps due order.
    this.virtualNow = Math.max(this.virtualNow, waiter.due);
    waiter.resolve();
  }
}

/** Lets every promise continuation the release triggered run (the engine awaits only sleeps). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
