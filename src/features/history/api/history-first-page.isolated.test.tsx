import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query';
import { act, startTransition, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestQueryClient } from '../../../testing/render';
import { historyFirstPage, prefetchHistory, useOpeningRows } from './history-first-page';

// The page's chunk is the route's business, not this test's.
vi.mock('../components/history-page', () => ({ HistoryPage: () => null }));

const page = { items: [], total: 0, page: 1, size: 50 };

/** What HistoryPage does around the wait: its query, the wait, then hooks of its own. */
function Page({ clusterKey }: { clusterKey: string }) {
  const query = useQuery(historyFirstPage(clusterKey));
  useOpeningRows(clusterKey, query.isPending);
  const [shown] = useState('rows');
  return <p>{query.isPending ? 'loading' : shown}</p>;
}

describe('useOpeningRows', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('renders the rows once they arrive, calling use() in the render React replays too', async () => {
    // React replays the render that suspended in use(); a replay that skipped use() (the rows had
    // arrived meanwhile) failed in production (error 467, recovered by rendering the whole app
    // again, synchronously: error 520) and is reported in development.
    vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    const queryClient: QueryClient = createTestQueryClient();
    const recovered = vi.fn();
    const host = document.createElement('div');
    const root = createRoot(host, { onRecoverableError: recovered });
    await act(async () => {
      prefetchHistory(queryClient, 'c1');
      startTransition(() =>
        root.render(
          <QueryClientProvider client={queryClient}>
            <Page clusterKey="c1" />
          </QueryClientProvider>,
        ),
      );
      await Promise.resolve();
    });
    // Suspended inside the transition: nothing committed yet.
    expect(host.textContent).toBe('');
    await act(async () => {
      answer(Response.json({ data: page }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(host.textContent).toBe('rows');
    expect(recovered).not.toHaveBeenCalled();
    expect(reported).not.toHaveBeenCalled();
    act(() => root.unmount());
  });
});
