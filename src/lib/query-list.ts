import {
  QueryObserver,
  type QueryClient,
  type QueryKey,
  type QueryObserverOptions,
} from '@tanstack/react-query';

/** One read of a list (e.g. one per tenant); the list may mix endpoints of one data type. */
export type QueryListOptions<T, K extends QueryKey = QueryKey> = QueryObserverOptions<
  T,
  Error,
  T,
  T,
  K
>;

/** What the list's reads hold, in the order given. The same object until one of them changes. */
export interface QueryListSnapshot<T> {
  /** Each read's data (undefined until its first answer). */
  data: readonly (T | undefined)[];
  /** Each read's dataUpdatedAt (0 before its first answer). */
  updatedAt: readonly number[];
  /** The first error of a read that has no data to show (undefined: none). */
  error: unknown;
  /** Some read failed on its last try (its earlier data, if any, is still shown). */
  failing: boolean;
  /** Fetches every read of the list again. */
  refetch: () => void;
}

// Only what the snapshot holds: a read starting or ending a fetch without new data is no news.
const NOTIFY_ON: QueryListOptions<unknown>['notifyOnChangeProps'] = [
  'data',
  'dataUpdatedAt',
  'error',
];

/**
 * One store over many reads (one react-query QueryObserver each, so freshness, refetch intervals,
 * focus refetches, retries and garbage collection work as for `useQuery`), instead of
 * `useQueries`: that one re-applies every query's options and builds every result again on each
 * render of its component (O(n) per answer, O(n²) for n tenants read one by one; most of the
 * status page's time with 200 tenants). Here an answer costs O(1) until the next flush, and
 * listeners hear of answers at most once per `intervalMs` while reads are still running; the
 * answer that ends the last running fetch is passed on at once.
 */
export class QueryListObserver<T, K extends QueryKey = QueryKey> {
  readonly #observers: QueryObserver<T, Error, T, T, K>[];
  readonly #intervalMs: number;
  readonly #listeners = new Set<() => void>();
  #unsubscribe: (() => void)[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerIsFinal = false;
  #lastFlush = Number.NEGATIVE_INFINITY;
  #snapshot: QueryListSnapshot<T>;

  constructor(client: QueryClient, options: readonly QueryListOptions<T, K>[], intervalMs: number) {
    this.#intervalMs = intervalMs;
    this.#observers = options.map(
      (o) => new QueryObserver(client, { ...o, notifyOnChangeProps: NOTIFY_ON }),
    );
    this.#snapshot = this.#read(undefined);
  }

  getSnapshot = (): QueryListSnapshot<T> => this.#snapshot;

  /** The first listener subscribes every read (which fetches what is missing or stale). */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) {
      this.#unsubscribe = this.#observers.map((o) => o.subscribe(this.#onUpdate));
      // What changed between the snapshot taken at construction and now.
      this.#snapshot = this.#read(this.#snapshot);
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size > 0) return;
      this.#unsubscribe.forEach((unsubscribe) => unsubscribe());
      this.#unsubscribe = [];
      clearTimeout(this.#timer);
      this.#timer = undefined;
    };
  };

  readonly #refetch = () => {
    for (const observer of this.#observers) void observer.refetch();
  };

  readonly #onUpdate = () => {
    const settled = this.#observers.every((o) => o.getCurrentResult().fetchStatus !== 'fetching');
    if (this.#timer !== undefined) {
      if (!settled || this.#timerIsFinal) return;
      clearTimeout(this.#timer);
    }
    this.#timerIsFinal = settled;
    const wait = settled ? 0 : Math.max(0, this.#lastFlush + this.#intervalMs - Date.now());
    this.#timer = setTimeout(this.#flush, wait);
  };

  readonly #flush = () => {
    this.#timer = undefined;
    this.#lastFlush = Date.now();
    const next = this.#read(this.#snapshot);
    if (next === this.#snapshot) return;
    this.#snapshot = next;
    this.#listeners.forEach((listener) => listener());
  };

  #read(previous: QueryListSnapshot<T> | undefined): QueryListSnapshot<T> {
    const results = this.#observers.map((o) => o.getCurrentResult());
    const data = results.map((r) => r.data);
    const updatedAt = results.map((r) => r.dataUpdatedAt);
    const error = results.find((r) => r.isError && r.data === undefined)?.error;
    const failing = results.some((r) => r.isError);
    const same =
      previous !== undefined &&
      previous.error === error &&
      previous.failing === failing &&
      data.every((d, i) => d === previous.data[i]) &&
      updatedAt.every((u, i) => u === previous.updatedAt[i]);
    if (same) return previous;
    return { data, updatedAt, error, failing, refetch: this.#refetch };
  }
}
