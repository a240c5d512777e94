import { ConfigError, loadConfig, type ClusterTarget } from './config.ts';
import { buildServer } from './app.ts';
import { installGracefulShutdown } from './shutdown.ts';

/** `npm start`: the built dashboard plus its obshell proxy. Configuration: README "Configuration". */
async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      console.error('See README.md, section "Configuration reference".');
      process.exit(2);
    }
    throw error;
  }

  let clusters: ClusterTarget[] = config.clusters;
  let stopSimulator: (() => Promise<void>) | undefined;
  if (clusters.length === 0) {
    // Nothing configured: run against the embedded simulator, as `npm run dev` does.
    const { startSimulator } = await import('../sim/start.ts');
    const password = process.env.SIM_PASSWORD ?? 'demo-root-pw';
    const sim = await startSimulator({ port: 0, rootPassword: password });
    stopSimulator = () => sim.close();
    clusters = [{ id: 'default', name: 'Simulator', url: sim.url }];
    console.log(
      `No CLUSTERS_FILE or OBSHELL_URL: using the embedded obshell simulator at ${sim.url}`,
    );
    console.log(`Demo root@sys password: ${password}`);
  }

  let app;
  try {
    app = await buildServer(config, { clusters });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stopSimulator?.();
    process.exit(2);
  }
  installGracefulShutdown(app, { timeoutMs: config.shutdownTimeoutMs, after: stopSimulator });
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace('0.0.0.0', '127.0.0.1');
  app.log.info(
    { clusters: clusters.map(({ id, name, url }) => ({ id, name, url })) },
    'dashboard ready',
  );
  console.log(`Dashboard: ${shown}${config.basePath}`);
  console.log(`Change history: ${config.historyDb}`);
}

await main();
