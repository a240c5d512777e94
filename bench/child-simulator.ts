import { spawn } from 'node:child_process';
import path from 'node:path';

export interface ChildSimulator {
  /** http://127.0.0.1:port, from the simulator's own banner. */
  url: string;
  pid: number | undefined;
  close(): Promise<void>;
}

/**
 * The simulator as its own process (`sim/cli.ts`), as obshell is its own program on its own
 * machine: its request handling (RSA header decryption, password check) does not share an event
 * loop with the production server or Playwright's driver, which would add their waits to every
 * request the page makes.
 */
export function startChildSimulator(root: string, password: string): Promise<ChildSimulator> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        // Diagnostics: SIM_CPU_PROF_DIR=dir writes the simulator's CPU profile there on exit.
        ...(process.env.SIM_CPU_PROF_DIR
          ? ['--cpu-prof', '--cpu-prof-dir', process.env.SIM_CPU_PROF_DIR]
          : []),
        '--import',
        'tsx',
        path.join(root, 'sim/cli.ts'),
        '--port',
        '0',
        '--password',
        password,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (!match?.[1]) return;
      resolve({
        url: match[1],
        pid: child.pid,
        close: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`simulator exited early (${String(code)})`)));
  });
}
