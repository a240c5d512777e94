import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { startDevHistory } from './dev-history.ts';

it('serves the history API over a temporary database that close() removes', async () => {
  const dev = await startDevHistory();
  const response = await fetch(`${dev.url}/history/entries`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-obdash-request': '1',
      origin: dev.url,
    },
    body: JSON.stringify({ clusterId: 'default', scope: 'cluster', dagId: '11', changes: [] }),
  });
  expect(response.status).toBe(201);
  expect(dev.store.list({}, 1, 10).total).toBe(1);
  expect(existsSync(dev.file)).toBe(true);
  await dev.close();
  expect(existsSync(path.dirname(dev.file))).toBe(false);
});
