import { writeSync } from 'node:fs';
import { openHistoryStore } from '../history-store.ts';
import { sampleEntry } from './temp-dir.ts';

/**
 * Child process of the kill -9 test: records entries as fast as it can and prints "acked <id>"
 * (synchronously, so a printed id was committed first) until it is killed.
 */
const file = process.argv[2];
if (!file) throw new Error('usage: burst-writer <db file>');
const store = openHistoryStore(file, { retentionDays: 365 });
writeSync(1, 'ready\n');
for (let n = 1; ; n += 1) {
  const { entry } = store.record(
    {
      ...sampleEntry(String(1000 + n)),
      changes: [{ field: 'ha_low_thread_score', old: n - 1, new: n }],
    },
    'burst',
  );
  writeSync(1, `acked ${entry.id}\n`);
}
