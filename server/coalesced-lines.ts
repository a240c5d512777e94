import { PassThrough } from 'node:stream';

/**
 * How long an answer may wait for others to leave with it. The page handles each chunk it receives
 * as one update (one render); answers written one by one arrived as 64 chunks per batch.
 */
const COALESCE_MS = 10;

/** JSON lines written together when they come within COALESCE_MS of each other. */
export function coalescedLines(waitMs = COALESCE_MS) {
  const stream = new PassThrough();
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (pending.length > 0) stream.write(`${pending.join('\n')}\n`);
    pending = [];
  };
  return {
    stream,
    add(line: string) {
      pending.push(line);
      timer ??= setTimeout(flush, waitMs);
    },
    end() {
      clearTimeout(timer);
      flush();
      stream.end();
    },
  };
}
