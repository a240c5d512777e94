import { z } from 'zod';

/** Everything that shapes a simulated agent. Shared by `startSimulator`, the CLI and `/__sim/reset`. */
export const agentSchema = z.object({
  ip: z.ipv4(),
  port: z.number().int().min(1).max(65535),
  zone: z.string().min(1),
});

export const tenantSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'tenant names are identifiers'),
  id: z.number().int().min(1002),
});

export const identitySchema = z.enum([
  'MASTER',
  'FOLLOWER',
  'SINGLE',
  'CLUSTER AGENT',
  'TAKE OVER MASTER',
  'TAKE OVER FOLLOWER',
  'SCALING OUT',
  'SCALING IN',
  'UNIDENTIFIED',
]);

export const keyBitsSchema = z.union([z.literal(512), z.literal(1024), z.literal(2048)]);
export const errorStyleSchema = z.enum(['current', 'legacy']);

export const DEFAULT_AGENTS: z.infer<typeof agentSchema>[] = [
  { ip: '127.0.0.1', port: 2886, zone: 'zone1' },
  { ip: '127.0.0.2', port: 2886, zone: 'zone2' },
  { ip: '127.0.0.3', port: 2886, zone: 'zone3' },
];

export const DEFAULT_TENANTS: z.infer<typeof tenantSchema>[] = [
  { name: 'app_tenant', id: 1002 },
  { name: 'report_tenant', id: 1004 },
];

export const simulatorOptionsSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(0),
  /** root@sys password; "" is a valid empty password; null = obshell has none yet. */
  rootPassword: z.string().nullable().default('demo-root-pw'),
  /** Agent password; set → `security: true` (a cluster agent still takes X-OCS-Header + root). */
  agentPassword: z.string().nullable().default(null),
  keyBits: keyBitsSchema.default(1024),
  /** Multiplies every DAG step duration; 1 ≈ 2–4 s a step, 0.01 for fast tests. */
  timeScale: z.number().positive().max(1000).default(1),
  errorStyle: errorStyleSchema.default('current'),
  identity: identitySchema.default('CLUSTER AGENT'),
  clusterName: z.string().min(1).default('obdemo'),
  clusterId: z.number().int().min(1).default(1700000001),
  obVersion: z.string().default('4.3.5.0'),
  agentVersion: z.string().default('4.5.0.0'),
  agents: z.array(agentSchema).min(1).default(DEFAULT_AGENTS),
  tenants: z.array(tenantSchema).default(DEFAULT_TENANTS),
  /** Backup base URI every user tenant starts with ("" → no backup configured). */
  initialBackupBaseUri: z.string().default('file:///data/ob_backup'),
  bodyLimitBytes: z
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Echo each request to stdout (the CLI turns this on with --verbose). */
  logRequests: z.boolean().default(false),
});

export type SimulatorOptions = z.infer<typeof simulatorOptionsSchema>;
export type SimulatorInput = z.input<typeof simulatorOptionsSchema>;
export type AgentSpec = z.infer<typeof agentSchema>;
export type TenantSpec = z.infer<typeof tenantSchema>;
export type ErrorStyle = z.infer<typeof errorStyleSchema>;

export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`)
    .join('; ');
}
