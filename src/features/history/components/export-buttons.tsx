import { Alert, Button, Group } from '@mantine/core';
import { memo, useState } from 'react';
import { historyApi, type HistoryFilter } from '../../../lib/history-client';
import { useMessages } from '../../../lib/i18n/messages';
import { historyMessages } from '../messages';

/** The filtered history as a file. Fetched (the CSRF header) and saved from a Blob. Memoized
 * (the filter is): a page of entries arriving does not render it again. */
export const ExportButtons = memo(function ExportButtons({ filter }: { filter: HistoryFilter }) {
  const t = useMessages(historyMessages);
  const [busy, setBusy] = useState<'csv' | 'json' | null>(null);
  const [failed, setFailed] = useState(false);
  const download = async (kind: 'csv' | 'json') => {
    setBusy(kind);
    setFailed(false);
    try {
      const blob = await historyApi.exportFile(kind, filter);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `change-history-${new Date().toISOString().slice(0, 10)}.${kind}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="sm">
      <Button variant="default" loading={busy === 'csv'} onClick={() => void download('csv')}>
        {t.exportCsv}
      </Button>
      <Button variant="default" loading={busy === 'json'} onClick={() => void download('json')}>
        {t.exportJson}
      </Button>
      {failed && (
        <Alert color="red" role="alert" py={4}>
          {t.exportFailed}
        </Alert>
      )}
    </Group>
  );
});
