import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Lints fixture strings with the repo's own eslint.config.js (its file globs and rule options, not a
 * copy), as if they were files at the given paths, and returns the ids of the rules that fired.
 * Only the two rules under test run, without type information: building the TypeScript program for
 * the type-aware rules would take most of a minute on a busy machine and test nothing here.
 */
const root = path.resolve(import.meta.dirname, '..');
let eslint: ESLint;

async function rulesFired(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const BOUNDARY = 'local/import-boundaries';
const ZOD = '@typescript-eslint/no-restricted-imports';

describe('import boundaries (eslint.config.js)', { timeout: 60_000 }, () => {
  beforeAll(() => {
    eslint = new ESLint({
      cwd: root,
      ruleFilter: ({ ruleId }) => ruleId === BOUNDARY || ruleId === ZOD,
      overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
    });
  });

  it('fails a feature importing another feature', async () => {
    const code = "export { TasksPage } from '../../tasks/components/tasks-page';\n";
    expect(await rulesFired('src/features/backup-config/components/fixture.ts', code)).toContain(
      BOUNDARY,
    );
    const dynamic = "export const load = () => import('../../tasks/components/tasks-page');\n";
    expect(await rulesFired('src/features/backup-config/hooks/fixture.ts', dynamic)).toContain(
      BOUNDARY,
    );
  });

  it('fails shared code importing a feature', async () => {
    const code = "export { TasksPage } from '../features/tasks/components/tasks-page';\n";
    expect(await rulesFired('src/lib/fixture.ts', code)).toContain(BOUNDARY);
    expect(await rulesFired('src/components/fixture.ts', code)).toContain(BOUNDARY);
  });

  it('lets a feature import itself and shared code, and the app import features', async () => {
    const own = "export { TaskStateBadge } from '../components/state-badge';\n";
    expect(await rulesFired('src/features/tasks/hooks/fixture.ts', own)).not.toContain(BOUNDARY);
    const shared = "export { isTransient } from '../../../lib/obshell/is-transient';\n";
    expect(await rulesFired('src/features/tasks/hooks/fixture.ts', shared)).not.toContain(BOUNDARY);
    const app = "export { TasksPage } from '../features/tasks/components/tasks-page';\n";
    expect(await rulesFired('src/app/fixture.ts', app)).not.toContain(BOUNDARY);
  });

  it('fails browser code importing server/ or sim/; the server may import a pure src/lib module', async () => {
    const server = "export { outcomeSchema } from '../../server/history/entry-schema';\n";
    expect(await rulesFired('src/lib/fixture.ts', server)).toContain(BOUNDARY);
    const sim = "export { startSimulator } from '../../../../sim/start';\n";
    expect(await rulesFired('src/features/tasks/api/fixture.ts', sim)).toContain(BOUNDARY);
    expect(await rulesFired('src/app/fixture.ts', "import '../../server/app';\n")).toContain(
      BOUNDARY,
    );
    const pure = "export { HISTORY_OUTCOMES } from '../../src/lib/history-outcomes.ts';\n";
    expect(await rulesFired('server/history/fixture.ts', pure)).not.toContain(BOUNDARY);
    // A test runs in Node and may start the simulator it talks to.
    expect(await rulesFired('src/features/tasks/api/fixture.test.ts', sim)).not.toContain(BOUNDARY);
  });

  it('keeps full zod off the first screen, type imports aside', async () => {
    const full = "import { z } from 'zod';\nexport const s = z.string();\n";
    expect(await rulesFired('src/features/connection/fixture.ts', full)).toContain(ZOD);
    expect(await rulesFired('src/lib/fixture.ts', full)).toContain(ZOD);
    expect(await rulesFired('src/features/tasks/api/fixture.ts', full)).not.toContain(ZOD);
    const typeOnly = "import type { z } from 'zod';\nexport type S = z.ZodString;\n";
    expect(await rulesFired('src/lib/fixture.ts', typeOnly)).not.toContain(ZOD);
  });
});
