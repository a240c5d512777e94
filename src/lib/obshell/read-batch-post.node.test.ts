import { describe, expect, it } from 'vitest';
import { batchAnswerReading, type Sent } from './answer';
import { ObshellError } from './envelope';
import { createBatchPoster } from './read-batch-post';

const envelope = (status: number) =>
  JSON.stringify({ successful: status < 400, status, data: { ok: status } });
const line = (index: number, status = 200) =>
  `${JSON.stringify({ index, status, body: envelope(status) })}\n`;

/** A poster whose fetch answers with `body` (chunks streamed one by one) and `init`. */
function posterAnswering(body: string[] | string, init: ResponseInit) {
  const fetchImpl: typeof fetch = () => {
    const chunks = typeof body === 'string' ? [body] : body;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    return Promise.resolve(new Response(stream, init));
  };
  return createBatchPoster({
    url: '/obshell-batch',
    fetchImpl,
    headers: () => ({}),
    reading: batchAnswerReading,
  });
}

const ndjson = { status: 200, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } };

async function post(poster: ReturnType<typeof createBatchPoster>, count: number) {
  const answers: (Sent | Error | undefined)[] = Array.from({ length: count }, () => undefined);
  const calls: number[] = [];
  const result = await poster({
    reads: Array.from({ length: count }, (_, i) => ({ uri: `/api/v1/r/${i}`, auth: 'x' })),
    concurrency: 4,
    waitMs: 5_000,
    onAnswer: (index, answer) => {
      calls.push(index);
      answers[index] = answer;
    },
  });
  return { result, answers, calls };
}

describe('createBatchPoster', () => {
  it('hands each answer to its read in the order the lines come, lines split across chunks', async () => {
    const text = line(2) + line(0, 404) + line(1);
    const chunks = [text.slice(0, 10), text.slice(10, 50), text.slice(50)];
    const { result, answers, calls } = await post(posterAnswering(chunks, ndjson), 3);
    expect(result).toBe('answered');
    expect(calls).toEqual([2, 0, 1]);
    expect(answers.map((a) => (a instanceof Error ? 'error' : a?.status))).toEqual([404, 200, 200]);
  });

  it('a read the stream never answered gets a bad-response error; junk and repeats are ignored', async () => {
    const body = `not json\n${line(0)}${line(0, 500)}{"index":9,"status":200,"body":""}\n`;
    const { answers, calls } = await post(posterAnswering(body, ndjson), 2);
    expect(calls).toEqual([0, 1]);
    expect(answers[0]).toMatchObject({ status: 200 });
    expect(answers[1]).toBeInstanceOf(ObshellError);
    expect(answers[1]).toMatchObject({ kind: 'bad-response' });
  });

  it("an answer that is not obshell's envelope fails only its read", async () => {
    const bad = `${JSON.stringify({ index: 1, status: 200, body: '<html>' })}\n`;
    const { answers } = await post(posterAnswering(line(0) + bad, ndjson), 2);
    expect(answers[0]).toMatchObject({ status: 200 });
    expect(answers[1]).toMatchObject({ kind: 'bad-response', status: 200 });
  });

  it('the route refusing the batch gives each read its envelope (the client reports it)', async () => {
    const refusal = JSON.stringify({
      successful: false,
      status: 403,
      error: { errCode: 'Batch.Forbidden', message: 'Refused: …' },
    });
    const { result, answers } = await post(
      posterAnswering(refusal, { status: 403, headers: { 'Content-Type': 'application/json' } }),
      2,
    );
    expect(result).toBe('answered');
    expect(answers).toEqual([
      { status: 403, json: JSON.parse(refusal) as unknown },
      { status: 403, json: JSON.parse(refusal) as unknown },
    ]);
  });

  it("a gateway's own error page makes each read a network error", async () => {
    const { answers } = await post(
      posterAnswering('<h1>Bad Gateway</h1>', {
        status: 502,
        headers: { 'Content-Type': 'text/html' },
      }),
      2,
    );
    expect(answers.map((a) => (a as ObshellError).kind)).toEqual(['network', 'network']);
  });

  it('no route where the page is served (404, or an HTML page with 200): unsupported, nothing answered', async () => {
    for (const init of [
      { status: 404, headers: { 'Content-Type': 'application/json' } },
      { status: 200, headers: { 'Content-Type': 'text/html' } },
      { status: 405 },
    ]) {
      const { result, calls } = await post(posterAnswering('<html></html>', init), 2);
      expect(result).toBe('unsupported');
      expect(calls).toEqual([]);
    }
  });

  it('a failed fetch makes every read a network error', async () => {
    const poster = createBatchPoster({
      url: '/obshell-batch',
      fetchImpl: () => Promise.reject(new TypeError('Failed to fetch')),
      headers: () => ({}),
      reading: batchAnswerReading,
    });
    const { answers } = await post(poster, 3);
    expect(answers.map((a) => (a as ObshellError).kind)).toEqual(['network', 'network', 'network']);
  });
});
