import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalescedLines } from './coalesced-lines.ts';

afterEach(() => {
  vi.useRealTimers();
});

function chunksOf(lines: ReturnType<typeof coalescedLines>) {
  const chunks: string[] = [];
  lines.stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return chunks;
}

describe('coalescedLines', () => {
  it('writes lines that come within the wait as one chunk, and a later line in its own', () => {
    vi.useFakeTimers();
    const lines = coalescedLines(10);
    const chunks = chunksOf(lines);
    lines.add('{"index":0}');
    vi.advanceTimersByTime(4);
    lines.add('{"index":1}');
    expect(chunks).toEqual([]);
    vi.advanceTimersByTime(6);
    expect(chunks).toEqual(['{"index":0}\n{"index":1}\n']);
    vi.advanceTimersByTime(50);
    lines.add('{"index":2}');
    vi.advanceTimersByTime(10);
    expect(chunks).toEqual(['{"index":0}\n{"index":1}\n', '{"index":2}\n']);
  });

  it('end() sends what waits at once and ends the stream', async () => {
    const lines = coalescedLines(60_000);
    const chunks = chunksOf(lines);
    const ended = new Promise((resolve) => lines.stream.on('end', resolve));
    lines.add('{"index":0}');
    lines.end();
    await ended;
    expect(chunks).toEqual(['{"index":0}\n']);
  });
});
