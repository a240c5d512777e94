import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  DEFAULT_AGENTS,
  DEFAULT_TENANTS,
  errorStyleSchema,
  identitySchema,
  simulatorOptionsSchema,
  type SimulatorOptions,
} from './lib/options';

/** `npm run sim -- <flags>`; every flag also reads from an environment variable. */
export const CLI_FLAGS = {
  port: { env: 'SIM_PORT', help: 'port to listen on (default 2886; 0 = any free port)' },
  host: { env: 'SIM_HOST', help: 'address to bind (default 127.0.0.1)' },
  password: { env: 'SIM_PASSWORD', help: 'root@sys password, may be empty (default demo-root-pw)' },
  'agent-password': { env: 'SIM_AGENT_PASSWORD', help: 'agent password; turns security on' },
  'key-bits': {
    env: 'SIM_KEY_BITS',
    help: 'RSA key size: 1024 (default), 512 (old agents) or 2048',
  },
  'time-scale': {
    env: 'SIM_TIME_SCALE',
    help: 'multiplies DAG step durations (default 1 ≈ 2–4 s a step)',
  },
  'error-style': {
    env: 'SIM_ERROR_STYLE',
    help: 'current (errCode, default) or legacy (integer codes, obshell < 4.3.1)',
  },
  identity: { env: 'SIM_IDENTITY', help: 'agent identity (default "CLUSTER AGENT")' },
  'cluster-name': { env: 'SIM_CLUSTER_NAME', help: 'cluster name (default obdemo)' },
  'cluster-id': { env: 'SIM_CLUSTER_ID', help: 'cluster id (default 1700000001)' },
  agents: {
    env: 'SIM_AGENTS',
    help: 'ip:port@zone,... (default 127.0.0.1:2886@zone1,127.0.0.2:2886@zone2,127.0.0.3:2886@zone3)',
  },
  tenants: {
    env: 'SIM_TENANTS',
    help: 'user tenants name:id,... ("" = none; default app_tenant:1002,report_tenant:1004)',
  },
} as const;

type FlagName = keyof typeof CLI_FLAGS;

const intText = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be an integer`)
    .transform(Number)
    .pipe(
      z.number().int().min(min, `${name} must be ≥ ${min}`).max(max, `${name} must be ≤ ${max}`),
    );

const agentsText = z.string().transform((text, ctx) => {
  const agents = text
    .split(',')
    .filter(Boolean)
    .map((item) => {
      const match = /^(\d+\.\d+\.\d+\.\d+):(\d+)@(\S+)$/.exec(item.trim());
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `agent "${item}" is not ip:port@zone` });
        return z.NEVER;
      }
      return { ip: match[1] ?? '', port: Number(match[2]), zone: match[3] ?? '' };
    });
  return agents;
});

const tenantsText = z.string().transform((text, ctx) =>
  text
    .split(',')
    .filter(Boolean)
    .map((item) => {
      const match = /^([A-Za-z_]\w*):(\d+)$/.exec(item.trim());
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `tenant "${item}" is not name:id` });
        return z.NEVER;
      }
      return { name: match[1] ?? '', id: Number(match[2]) };
    }),
);

const rawSchema = z.object({
  port: intText('port', 0, 65535).default(2886),
  host: z.string().min(1).default('127.0.0.1'),
  password: z.string().default('demo-root-pw'),
  'agent-password': z.string().min(1, 'agent-password must not be empty').optional(),
  'key-bits': z
    .enum(['512', '1024', '2048'], 'key-bits must be 512, 1024 or 2048')
    .transform(Number)
    .default(1024),
  'time-scale': z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'time-scale must be a positive number')
    .transform(Number)
    .pipe(z.number().positive('time-scale must be > 0').max(1000))
    .default(1),
  'error-style': errorStyleSchema.default('current'),
  identity: identitySchema.default('CLUSTER AGENT'),
  'cluster-name': z.string().min(1).default('obdemo'),
  'cluster-id': intText('cluster-id', 1, 2 ** 31).default(1700000001),
  agents: agentsText.optional(),
  tenants: tenantsText.optional(),
});

export type CliResult =
  | { ok: true; options: SimulatorOptions; verbose: boolean }
  | { ok: false; help: true }
  | { ok: false; help: false; message: string };

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    const flagOptions = Object.fromEntries(
      Object.keys(CLI_FLAGS).map((name) => [name, { type: 'string' as const }]),
    );
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...flagOptions,
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, help: false, message: (error as Error).message };
  }
  if (values.help) return { ok: false, help: true };
  const raw: Record<string, string> = {};
  for (const [name, spec] of Object.entries(CLI_FLAGS) as [FlagName, { env: string }][]) {
    const value = values[name] ?? env[spec.env];
    if (typeof value === 'string') raw[name] = value;
  }
  const parsed = rawSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = String(issue?.path[0] ?? '');
    const known = flag in CLI_FLAGS ? CLI_FLAGS[flag as FlagName] : undefined;
    const source = flag ? `--${flag} (${known?.env ?? ''})` : 'options';
    return { ok: false, help: false, message: `${source}: ${issue?.message ?? 'invalid'}` };
  }
  const v = parsed.data;
  const options = simulatorOptionsSchema.safeParse({
    port: v.port,
    host: v.host,
    rootPassword: v.password,
    agentPassword: v['agent-password'] ?? null,
    keyBits: v['key-bits'],
    timeScale: v['time-scale'],
    errorStyle: v['error-style'],
    identity: v.identity,
    clusterName: v['cluster-name'],
    clusterId: v['cluster-id'],
    agents: v.agents ?? DEFAULT_AGENTS,
    tenants: v.tenants ?? DEFAULT_TENANTS,
    logRequests: values.verbose === true,
  });
  if (!options.success) {
    const issue = options.error.issues[0];
    return {
      ok: false,
      help: false,
      message: `${issue?.path.join('.') ?? 'options'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  return { ok: true, options: options.data, verbose: values.verbose === true };
}

export function usage(): string {
  const lines = ['Usage: npm run sim -- [flags]', '', 'Flags (environment variable in brackets):'];
  for (const [name, spec] of Object.entries(CLI_FLAGS)) {
    lines.push(`  --${name.padEnd(16)} [${spec.env}] ${spec.help}`);
  }
  lines.push('  --verbose          log every /api request', '  -h, --help         this text');
  return lines.join('\n');
}
