import { expect, it } from 'vitest';
import { measureHistory } from './measure-history';

// Checks the measurement works (two numeric figures), never how fast: no timing assertion here.
it('measures the History API over 10,000 entries', async () => {
  const figures = await measureHistory();
  expect(figures.map((f) => f.id)).toEqual(['history.firstPageApi', 'history.filterApi']);
  for (const figure of figures) {
    expect(figure.note).not.toMatch(/^n\/a/);
    expect(figure.value).toEqual(expect.any(Number));
  }
}, 60_000);
