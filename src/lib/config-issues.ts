/**
 * One way to tell a person what is wrong with a configuration, shared by the production server
 * (server/config.ts), the dev server (vite.config.ts), the runtime config the browser reads
 * (runtime-config.ts) and the simulator's command line. Pure (no zod, no Node, no DOM): zod's
 * issues fit `ConfigIssue` structurally, and so does anything a caller checks by hand.
 */
export interface ConfigIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** How the first path segment (a key) is shown: an env name, a CLI flag, a file key… */
export type NameOf = (key: string) => string;

/** `clusters[0].url`, `FRAME_ANCESTORS[1]`: the first segment through `nameOf`, then the rest. */
export function formatIssuePath(path: readonly PropertyKey[], nameOf: NameOf = (key) => key) {
  const [first, ...rest] = path;
  if (first === undefined) return '(top level)';
  return rest.reduce<string>(
    (label, segment) =>
      typeof segment === 'number' ? `${label}[${segment}]` : `${label}.${String(segment)}`,
    nameOf(String(first)),
  );
}

/**
 * Every issue on its own line, under a title:
 * ```
 * Bad configuration:
 *   PORT: expected a number, received "eighty"
 *   clusters[2].url: must be an http:// or https:// URL
 * ```
 */
export function formatConfigIssues(
  title: string,
  issues: readonly ConfigIssue[],
  nameOf?: NameOf,
): string {
  const lines = issues.map((issue) => `  ${formatIssuePath(issue.path, nameOf)}: ${issue.message}`);
  return [`${title}:`, ...lines].join('\n');
}
