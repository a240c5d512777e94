import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { csvHeader, csvRows } from './csv.ts';
import { sendError } from '../envelope.ts';
import { describeIssues, okEnvelope } from './envelope.ts';
import {
  entryIdParamsSchema,
  facetsQuerySchema,
  filterQuerySchema,
  listQuerySchema,
  newEntryBodySchema,
  outcomeBodySchema,
  reconcileBodySchema,
} from './entry-schema.ts';
import type { HistoryStore } from './history-store.ts';
import { csrfRefusal } from '../same-origin.ts';
import { trustedProxyList, userFrom } from './trusted-user.ts';

export interface HistoryRoutesOptions {
  store: HistoryStore;
  /** The server's BASE_PATH, ending in "/": routes live under `<basePath>history/`. */
  basePath: string;
  /** TRUSTED_PROXIES: addresses / CIDR ranges whose user header is believed. */
  trustedProxies: readonly string[];
  /** TRUSTED_USER_HEADER, e.g. X-Forwarded-User; unset → every entry's user is "unknown". */
  userHeader?: string | undefined;
  /** Configured cluster ids; entries for any other cluster are refused. */
  clusterIds?: readonly string[] | undefined;
}

export const HISTORY_BODY_LIMIT = 64 * 1024;

class BadInput extends Error {}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new BadInput(describeIssues(result.error, what));
  return result.data;
}

/** Fastify's own 4xx errors, answered in the envelope without echoing the body (it may hold a secret). */
function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof BadInput) return sendError(reply, 400, 'History.BadRequest', error.message);
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendError(
        reply,
        413,
        'History.TooLarge',
        `The request body is larger than ${HISTORY_BODY_LIMIT / 1024} KiB.`,
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendError(reply, 400, 'History.BadRequest', 'Bad request body: it is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendError(
        reply,
        415,
        'History.BadRequest',
        'Bad request body: send it as application/json.',
      );
  }
  const status = error.statusCode ?? 500;
  if (status < 500) {
    // Any error with a statusCode reaches this handler, not only Fastify's own: `code` may be absent.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    const code = error.code ?? status;
    return sendError(reply, status, 'History.BadRequest', `Bad request (${code}).`);
  }
  // The message of an SQLite or programming error, never the request.
  request.log.error({ code: error.code, message: error.message }, 'change history failed');
  return sendError(
    reply,
    503,
    'History.Unavailable',
    'The change history could not be read or written; see the server log.',
  );
}

/** The change-history API: see server/history/README.md for routes, bodies and answers. */
export async function registerHistoryRoutes(app: FastifyInstance, options: HistoryRoutesOptions) {
  const { store } = options;
  const trusted = trustedProxyList(options.trustedProxies);
  const knownClusters = options.clusterIds ? new Set(options.clusterIds) : undefined;
  const checkCluster = (clusterId: string) => {
    if (knownClusters && !knownClusters.has(clusterId)) {
      throw new BadInput(`Bad request body: clusterId: no cluster "${clusterId}" is configured`);
    }
  };

  await app.register(
    (scope, _opts, done) => {
      scope.setErrorHandler(answerError);
      scope.addHook('onRequest', async (request, reply) => {
        reply.header('Cache-Control', 'no-store');
        const refusal = csrfRefusal(request);
        if (refusal) return sendError(reply, 403, 'History.CrossSite', `Refused: ${refusal}.`);
      });
      const limits = { bodyLimit: HISTORY_BODY_LIMIT };

      scope.post('/entries', limits, (request, reply) => {
        const body = parse(newEntryBodySchema, request.body, 'request body');
        checkCluster(body.clusterId);
        const user = userFrom(request.headers, request.socket.remoteAddress, {
          userHeader: options.userHeader,
          trusted,
        });
        const { entry, created } = store.record(body, user);
        return reply.code(created ? 201 : 200).send(okEnvelope(created ? 201 : 200, { entry }));
      });

      scope.patch('/entries/:id/outcome', limits, (request, reply) => {
        const { id } = parse(entryIdParamsSchema, request.params, 'entry id');
        const body = parse(outcomeBodySchema, request.body, 'request body');
        const result = store.setOutcome(id, body);
        if (result.kind === 'not-found') {
          return sendError(
            reply,
            404,
            'History.NoSuchEntry',
            `No history entry ${id} (it may have been removed by retention).`,
          );
        }
        if (result.kind === 'conflict') {
          return sendError(
            reply,
            409,
            'History.OutcomeFinal',
            `History entry ${id} already ended as "${result.entry.outcome}"; obshell never changes that outcome.`,
          );
        }
        return reply.send(okEnvelope(200, { entry: result.entry }));
      });

      scope.post('/entries/reconcile', limits, (request, reply) => {
        const body = parse(reconcileBodySchema, request.body, 'request body');
        checkCluster(body.clusterId);
        return reply.send(okEnvelope(200, store.reconcile(body.clusterId, body.dags)));
      });

      scope.get('/entries', (request, reply) => {
        const { page, size, ...filter } = parse(listQuerySchema, request.query, 'query');
        return reply.send(okEnvelope(200, store.list(filter, page, size)));
      });

      scope.get('/facets', (request, reply) => {
        const { cluster } = parse(facetsQuerySchema, request.query, 'query');
        return reply.send(okEnvelope(200, store.facets(cluster)));
      });

      const fileName = (ext: string) =>
        `change-history-${new Date().toISOString().slice(0, 10)}.${ext}`;
      scope.get('/export.csv', (request, reply) => {
        const filter = parse(filterQuerySchema, request.query, 'query');
        const parts = [csvHeader()];
        for (const entry of store.exportEntries(filter)) parts.push(csvRows(entry));
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${fileName('csv')}"`)
          .send(parts.join(''));
      });

      scope.get('/export.json', (request, reply) => {
        const filter = parse(filterQuerySchema, request.query, 'query');
        const entries = Array.from(store.exportEntries(filter));
        return reply
          .type('application/json; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${fileName('json')}"`)
          .send(JSON.stringify({ exportedAt: new Date().toISOString(), filter, entries }, null, 2));
      });
      done();
    },
    { prefix: `${options.basePath.replace(/\/?$/, '/')}history` },
  );
}
