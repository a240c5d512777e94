import { afterEach, describe, expect, it } from 'vitest';
import {
  clearSentChanges,
  recordSentChange,
  secretFreeUri,
  sentChangeFor,
  switchesArchivingOff,
  toSentChange,
} from './sent-changes';

afterEach(clearSentChanges);

describe('sent changes', () => {
  it('drops access_id and access_key entirely, keeps the other parameters in order', () => {
    expect(
      secretFreeUri('oss://b/k?host=h&access_id=AK&access_key=SECRET&delete_mode=tagging'),
    ).toBe('oss://b/k?host=h&delete_mode=tagging');
    expect(secretFreeUri('s3://b/k?ACCESS_KEY=x')).toBe('s3://b/k');
    expect(secretFreeUri('file:///data/backup')).toBe('file:///data/backup');
  });

  it('records a secret-free form per cluster and DAG', () => {
    recordSentChange('c1', '1001', {
      backup_base_uri: 'oss://b/k?host=h&access_id=AK&access_key=SECRET',
      log_archive_concurrency: 8,
    });
    const sent = sentChangeFor('c1', '1001');
    expect(sent).toEqual({ backupBaseUri: 'oss://b/k?host=h', logArchiveConcurrency: 8 });
    expect(JSON.stringify(sent)).not.toMatch(/SECRET|AK/);
    expect(sentChangeFor('c2', '1001')).toBeUndefined();
    expect(sentChangeFor('c1', '1002')).toBeUndefined();
  });

  it('knows which changes switch archiving off', () => {
    expect(switchesArchivingOff(toSentChange({ backup_base_uri: 'file:///x' }))).toBe(true);
    expect(switchesArchivingOff(toSentChange({ log_archive_concurrency: 0 }))).toBe(true);
    expect(
      switchesArchivingOff(toSentChange({ backup_base_uri: '', ha_low_thread_score: 3 })),
    ).toBe(false);
  });
});
