import Fastify from 'fastify';
import { registerReadBatch } from './read-batch.ts';
import { createUpstreamAgents } from './upstream.ts';

/**
 * The read-batch route for `npm run dev` (and the e2e dev server): its own Fastify on 127.0.0.1
 * forwarding to `target` (OBSHELL_URL or the embedded simulator) with the production server's
 * code. Vite proxies `/obshell-batch` to `url` WITHOUT changeOrigin, like the history API: the
 * same-origin check compares the page's Origin with the Host header.
 */
export async function startDevReadBatch(options: { target: string; timeoutMs?: number }) {
  const app = Fastify({ logger: false });
  const agents = createUpstreamAgents(app);
  await registerReadBatch(app, {
    basePath: '/',
    clusters: [{ id: 'default', name: 'obshell', url: options.target }],
    timeoutMs: options.timeoutMs ?? 30_000,
    agents,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
