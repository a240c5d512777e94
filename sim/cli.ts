import { parseCli, usage } from './cli-options';
import { startSimulator } from './start';

/** `npm run sim`: a stand-alone obshell simulator. Bad options → message on stderr, exit 2. */
const result = parseCli(process.argv.slice(2), process.env);
if (!result.ok) {
  if (result.help) {
    console.log(usage());
    process.exit(0);
  }
  console.error(`obshell-sim: ${result.message}\n\n${usage()}`);
  process.exit(2);
}

const { options } = result;
try {
  const sim = await startSimulator(options);
  // Before the banner: whoever reads it may stop us at once.
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(
    `obshell simulator (obshell ${options.agentVersion}, OceanBase ${options.obVersion}) listening on ${sim.url}`,
  );
  console.log(
    `  cluster ${options.clusterName} (${options.clusterId}), ${options.agents.length} agents, tenants: ${['sys', ...options.tenants.map((t) => t.name)].join(', ')}`,
  );
  console.log(
    `  root@sys password: ${options.rootPassword === null ? '(not initialized)' : options.rootPassword === '' ? '(empty)' : options.rootPassword}`,
  );
  if (options.agentPassword !== null)
    console.log(`  agent password:    ${options.agentPassword} (security on)`);
  console.log(`  control API (loopback only): ${sim.url}/__sim/state`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    `obshell-sim: cannot start: ${code === 'EADDRINUSE' ? `port ${options.port} is already in use` : (error as Error).message}`,
  );
  process.exit(2);
}
