import { describe, expect, it } from 'vitest';
import { readBatchAnswerSchema } from '../src/lib/obshell/read-batch-wire.ts';
import { postBatch, readsOf } from './testing/read-batch-client.ts';
import { testServers } from './testing/helpers.ts';

const { serve, upstream } = testServers();

/** The body's chunks as the page receives them, each as the read indexes of its lines. */
async function chunksOf(response: Response) {
  if (!response.body) throw new Error('no body');
  const decoder = new TextDecoder();
  const chunks: number[][] = [];
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    const text = decoder.decode(value, { stream: true });
    // Each chunk holds whole lines: the page never waits for the rest of one.
    expect(text.endsWith('\n')).toBe(true);
    chunks.push(
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => readBatchAnswerSchema.parse(JSON.parse(line)).index),
    );
  }
}

describe('read batch: the answer stream', () => {
  it('sends whole lines, answers that come together together, and a later one on its own at once', async () => {
    // Reads 0–3 are held until all four are at obshell, then answered at once; read 4 leaves when
    // the first of them is back, and takes 300 ms. (This does not pin the 10 ms coalescing: writes
    // in one tick leave together even without it, and spacing the answers makes the test flaky.)
    const held: (() => void)[] = [];
    const obshell = await upstream((request, response) => {
      const answer = () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"successful":true}');
      };
      if (request.url.endsWith('/t4/info')) setTimeout(answer, 300);
      else if (held.push(answer) === 4) {
        for (const release of held) release();
      }
    });
    const url = await serve({}, [{ id: 'default', name: 'prod', url: obshell.url }]);
    const chunks = await chunksOf(await postBatch(url, '/obshell-batch', { reads: readsOf(5) }));
    // One chunk, or two on a loaded machine; read 4 in its own, not with them all at the end.
    const first = chunks.slice(0, -1);
    expect(first.length).toBeLessThanOrEqual(2);
    expect(first.flat().sort()).toEqual([0, 1, 2, 3]);
    expect(chunks.at(-1)).toEqual([4]);
  });
});
