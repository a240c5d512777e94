import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvRows } from './csv.ts';

/** A minimal RFC 4180 reader, to check that what we write reads back cell for cell. */
function readCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charAt(i);
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(4)).toBe('4');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '\r=x']) {
      expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('oss://b?x=1')).toBe('oss://b?x=1');
  });

  it('reads back as written, whatever the text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }),
        (texts) => {
          const line = texts.map(csvCell).join(',');
          const back = readCsvLine(line);
          expect(back).toEqual(texts.map((t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t)));
        },
      ),
    );
  });
});

describe('CSV rows', () => {
  const entry = {
    id: 7,
    time: '2026-06-01T00:00:00.000Z',
    clusterId: 'prod',
    scope: 'tenant:t1',
    user: '=evil',
    dagId: '11',
    outcome: 'failed' as const,
    startedAt: null,
    finishedAt: null,
    source: 'dashboard' as const,
  };

  it('writes one row per changed field, and one row for an entry without fields', () => {
    expect(csvHeader()).toBe(
      '\uFEFFentry_id,time,cluster,scope,user,source,dag_id,outcome,started_at,finished_at,field,old,new\r\n',
    );
    const rows = csvRows({
      ...entry,
      changes: [
        { field: 'binding', old: 'OPTIONAL', new: 'MANDATORY' },
        { field: 'log_archive_concurrency', old: null, new: -1 },
      ],
    });
    expect(rows).toBe(
      "7,2026-06-01T00:00:00.000Z,prod,tenant:t1,'=evil,dashboard,11,failed,,,binding,OPTIONAL,MANDATORY\r\n" +
        "7,2026-06-01T00:00:00.000Z,prod,tenant:t1,'=evil,dashboard,11,failed,,,log_archive_concurrency,,'-1\r\n",
    );
    expect(csvRows({ ...entry, changes: [] })).toBe(
      "7,2026-06-01T00:00:00.000Z,prod,tenant:t1,'=evil,dashboard,11,failed,,,,,\r\n",
    );
  });
});
