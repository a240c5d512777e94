import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../cli-options';

describe('parseCli', () => {
  it('defaults', () => {
    const result = parseCli([], {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.options).toMatchObject({
      port: 2886,
      host: '127.0.0.1',
      rootPassword: 'demo-root-pw',
      agentPassword: null,
      keyBits: 1024,
      timeScale: 1,
      errorStyle: 'current',
    });
    expect(result.options.tenants.map((t) => t.name)).toEqual(['app_tenant', 'report_tenant']);
  });

  it('flags win over environment variables; env fills the rest', () => {
    const result = parseCli(['--port', '3000', '--password', ''], {
      SIM_PORT: '4000',
      SIM_KEY_BITS: '512',
      SIM_ERROR_STYLE: 'legacy',
      SIM_AGENT_PASSWORD: 'agent',
      SIM_TENANTS: 't1:1010',
      SIM_AGENTS: '10.0.0.1:2886@z1,10.0.0.2:2886@z2',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.options).toMatchObject({
      port: 3000,
      rootPassword: '',
      keyBits: 512,
      errorStyle: 'legacy',
      agentPassword: 'agent',
      tenants: [{ name: 't1', id: 1010 }],
    });
    expect(result.options.agents).toHaveLength(2);
  });

  it('--tenants "" means no user tenants', () => {
    const result = parseCli(['--tenants', ''], {});
    expect(result.ok && result.options.tenants).toEqual([]);
  });

  it.each([
    [['--port', '70000'], /port/],
    [['--port', 'abc'], /port must be an integer/],
    [['--key-bits', '4096'], /key-bits must be 512, 1024 or 2048/],
    [['--time-scale', '0'], /time-scale/],
    [['--time-scale', '-1'], /time-scale/],
    [['--error-style', 'old'], /error-style/],
    [['--agents', 'nohost'], /ip:port@zone/],
    [['--tenants', 'x'], /name:id/],
    [['--tenants', 'x:5'], /tenants/],
    [['--unknown'], /Unknown option/],
    [['positional'], /positional/i],
  ])('%j → a clear message', (argv, message) => {
    const result = parseCli(argv, {});
    expect(result.ok).toBe(false);
    if (result.ok || result.help) throw new Error('expected an error');
    expect(result.message).toMatch(message);
  });
});

function runCli(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve('sim/cli.ts'), ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('control API')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('npm run sim', () => {
  it('bad option → message on stderr, exit code 2', async () => {
    const { code, out } = await runCli(['--key-bits', '9']);
    expect(code).toBe(2);
    expect(out).toMatch(/key-bits must be 512, 1024 or 2048/);
  });

  it('prints its address and the demo credentials, stops cleanly on SIGTERM', async () => {
    const { code, out } = await runCli(['--port', '0', '--password', 'shown-pw']);
    expect(out).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/root@sys password: shown-pw/);
    expect(code).toBe(0);
  });
});
