import type { FastifyInstance } from 'fastify';

/**
 * SIGTERM/SIGINT: stop accepting, let in-flight requests (a PATCH that starts a DAG, say) finish,
 * then run `after` (stop the embedded simulator) and exit. A second signal or the timeout forces it.
 */
export function installGracefulShutdown(
  app: FastifyInstance,
  options: {
    timeoutMs: number;
    after?: () => Promise<void>;
    exit?: (code: number) => void;
    signals?: NodeJS.Signals[];
  },
) {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let closing: Promise<void> | undefined;

  const shutdown = (signal: string): Promise<void> => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return closing;
    }
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('in-flight requests did not finish in time: exiting');
      exit(1);
    }, options.timeoutMs);
    timer.unref();
    closing = app
      .close()
      .then(() => options.after?.())
      .then(() => {
        clearTimeout(timer);
        exit(0);
      })
      .catch((error: unknown) => {
        app.log.error(error, 'error while shutting down');
        exit(1);
      });
    return closing;
  };

  const handlers = signals.map((signal) => {
    const handler = () => void shutdown(signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return {
    shutdown,
    dispose: () => handlers.forEach(([signal, handler]) => process.off(signal, handler)),
  };
}
