import type { Browser } from '@playwright/test';
import { BENCH_ROOT_PASSWORD, type BenchStack } from './stack';
import type { SizedFile } from './bundle';
import { failed, notBuilt, type Figure } from './figures';
import { labels } from './labels';
import { NotBuiltError, waitForMark } from './page-helpers';
import { installProbe } from './probe';
import { median, round } from './stats';
import { newContext } from './browser';

const CONNECTION = {
  id: 'startup.connectionInteractive',
  label: 'navigation → connection screen interactive',
};
const FORM = { id: 'startup.formInteractive', label: 'unlock → form interactive' };
const FIRST_JS = {
  id: 'startup.firstScreenJsGzip',
  label: 'JS fetched by the first screen (gzip)',
};

/**
 * Cold first visit (fresh context each run) to /backup: time from navigation start to an enabled
 * password field, then from the Unlock click to an enabled backup-form field.
 */
export async function measureStartup(
  browser: Browser,
  stack: BenchStack,
  runs: number,
  jsFiles: SizedFile[],
): Promise<Figure[]> {
  const connection: number[] = [];
  const form: number[] = [];
  let firstScreenJs: number | null = null;
  let formProblem: Figure | null = null;
  for (let run = 0; run < runs; run += 1) {
    const context = await newContext(browser, stack.appUrl);
    try {
      const page = await context.newPage();
      const fetched = new Set<string>();
      page.on('response', (response) => {
        const { pathname } = new URL(response.url());
        if (pathname.endsWith('.js')) fetched.add(pathname.replace(/^\//, ''));
      });
      await page.addInitScript(installProbe, {
        fields: [
          { name: 'connection', label: labels.password },
          { name: 'form', label: labels.formField },
        ],
        clicks: [{ name: 'unlock', label: labels.unlock }],
      });
      await page.goto('/backup');
      connection.push(await waitForMark(page, 'connection'));
      if (run === 0) {
        const bytes = jsFiles.filter((f) => fetched.has(f.file)).reduce((n, f) => n + f.gzip, 0);
        firstScreenJs = round(bytes / 1024, 1);
      }
      if (formProblem) continue;
      try {
        await page.getByLabel(new RegExp(labels.password, 'i')).fill(BENCH_ROOT_PASSWORD);
        await page.getByRole('button', { name: new RegExp(labels.unlock, 'i') }).click();
        const shown = await waitForMark(page, 'form');
        const clicked = await page.evaluate(() => window.__bench?.marks['click:unlock']);
        if (clicked === undefined) throw new Error('the Unlock click was not seen by the probe');
        form.push(shown - clicked);
      } catch (error) {
        formProblem =
          error instanceof NotBuiltError
            ? notBuilt(FORM.id, FORM.label, 'ms', 'backup form', 1000)
            : failed(FORM.id, FORM.label, 'ms', error, 1000);
      }
    } catch (error) {
      const figures =
        error instanceof NotBuiltError
          ? [notBuilt(CONNECTION.id, CONNECTION.label, 'ms', 'connection screen')]
          : [failed(CONNECTION.id, CONNECTION.label, 'ms', error)];
      return [...figures, notBuilt(FORM.id, FORM.label, 'ms', 'connection screen', 1000)];
    } finally {
      await context.close();
    }
  }
  return [
    {
      ...CONNECTION,
      unit: 'ms',
      value: round(median(connection) ?? 0),
      samples: connection.map((v) => round(v)),
    },
    formProblem ?? {
      ...FORM,
      unit: 'ms',
      value: round(median(form) ?? 0),
      budget: 1000,
      samples: form.map((v) => round(v)),
    },
    {
      ...FIRST_JS,
      unit: 'KB',
      value: firstScreenJs,
      note: 'observed in the browser; cross-checks the manifest figure',
    },
  ];
}
