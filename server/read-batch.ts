import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readBatchRequestSchema } from '../src/lib/obshell/read-batch-request.ts';
import {
  READ_BATCH_CONCURRENCY,
  READ_BATCH_MEDIA_TYPE,
  type ReadBatchAnswer,
} from '../src/lib/obshell/read-batch-wire.ts';
import { formatIssuePath } from '../src/lib/config-issues.ts';
import type { ClusterTarget } from './config.ts';
import { sendError } from './envelope.ts';
import { coalescedLines } from './coalesced-lines.ts';
import { mapLimited } from './map-limited.ts';
import { PROXY_BODY_LIMIT } from './proxy.ts';
import { proxyFailure } from './proxy-errors.ts';
import { csrfRefusal } from './same-origin.ts';
import { exchange, type UpstreamAgents } from './upstream.ts';

/** Fastify's own 4xx errors (bad JSON, too large, wrong type), in the envelope; never the body. */
function answerError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 500;
  if (status >= 500) throw error;
  const why =
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? `it is larger than ${PROXY_BODY_LIMIT / 1024} KiB`
      : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'send it as application/json'
        : 'it is not valid JSON';
  return sendError(reply, status, 'Batch.BadRequest', `Bad read batch: ${why}.`);
}

/**
 * `POST <base>obshell-batch` (one cluster) or `<base>clusters/<id>/obshell-batch`: signed obshell
 * GETs forwarded one by one, at most `concurrency` (≤ 4) at a time, each answer streamed back as a
 * JSON line as soon as obshell gives it (src/lib/obshell/read-batch-wire.ts). Reads only: a change
 * is always its own request. Nothing but each read's signature and the page's Accept-Language
 * reaches obshell.
 */
export async function registerReadBatch(
  app: FastifyInstance,
  options: {
    basePath: string;
    clusters: ClusterTarget[];
    timeoutMs: number;
    agents: UpstreamAgents;
  },
) {
  const { basePath, clusters, timeoutMs, agents } = options;
  const byId = new Map(clusters.map((cluster) => [cluster.id, cluster]));
  const single = clusters.length === 1 ? clusters[0] : undefined;

  async function forwardAll(request: FastifyRequest, reply: FastifyReply) {
    const params = request.params as { cluster?: string };
    const cluster = single ?? (params.cluster ? byId.get(params.cluster) : undefined);
    if (!cluster) {
      return sendError(reply, 404, 'Proxy.NoSuchCluster', 'No obshell is configured for this path');
    }
    const refusal = csrfRefusal(request);
    if (refusal) return sendError(reply, 403, 'Batch.Forbidden', `Refused: ${refusal}.`);
    const parsed = readBatchRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? formatIssuePath(issue.path) : '(top level)';
      return sendError(
        reply,
        400,
        'Batch.BadRequest',
        `Bad read batch: ${where}: ${issue?.message ?? 'invalid'}.`,
      );
    }
    const language = request.headers['accept-language'];
    const { reads, concurrency = READ_BATCH_CONCURRENCY } = parsed.data;
    const answers = coalescedLines();
    let gone = false;
    reply.raw.once('close', () => {
      gone = !reply.raw.writableFinished;
    });
    const forwardOne = async (
      read: (typeof reads)[number],
      index: number,
    ): Promise<ReadBatchAnswer> => {
      try {
        const answer = await exchange(agents, cluster, {
          method: 'GET',
          path: read.uri,
          headers: {
            'x-ocs-header': read.auth,
            ...(language ? { 'accept-language': language } : {}),
          },
          // Each read gets the whole timeout from when it leaves, as if it had come alone.
          deadline: Date.now() + timeoutMs,
        });
        return { index, ...answer };
      } catch (error) {
        const failure = proxyFailure(error, cluster);
        request.log.warn({ cluster: cluster.id, codes: failure.codes }, failure.logMessage);
        return { index, status: failure.status, body: JSON.stringify(failure.envelope) };
      }
    };
    void mapLimited(reads, concurrency, async (read, index) => {
      // The page went away: the rest are not sent (nobody would read their answers).
      if (gone) return;
      answers.add(JSON.stringify(await forwardOne(read, index)));
    }).finally(() => answers.end());
    // Each answer leaves as soon as obshell gives it; proxies in front are asked not to buffer.
    return reply
      .header('Cache-Control', 'no-store')
      .header('X-Accel-Buffering', 'no')
      .type(`${READ_BATCH_MEDIA_TYPE}; charset=utf-8`)
      .send(answers.stream);
  }

  await app.register((scope, _options, registered) => {
    scope.setErrorHandler(answerError);
    // JSON only: Fastify's text/plain parser would hand the schema a string, refused with "expected
    // object, received string" instead of the 415 that says what to send.
    scope.removeContentTypeParser('text/plain');
    const url = single ? `${basePath}obshell-batch` : `${basePath}clusters/:cluster/obshell-batch`;
    scope.post(url, { bodyLimit: PROXY_BODY_LIMIT }, forwardAll);
    registered();
  });
}
