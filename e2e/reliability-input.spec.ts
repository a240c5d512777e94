/* eslint playwright/expect-expect: ["warn", { "assertFunctionNames": ["expectVerdict", "expectNothingSent"] }] */
import type { Locator, Page } from '@playwright/test';
import { test, expect, type SimControl } from './fixtures';
import { openUnlocked } from './support/unlock';

/**
 * Bad input is refused in the form, before any request, with obshell's own rule as the reason
 * (contract §4): both sides of every bound, wrong types, 10 000 characters, unicode, quotes,
 * semicolons and spaces. Each case is [value typed, reason shown or null when obshell accepts it].
 */
type Case = [string, RegExp | null];

const LONG = 10_000;
const INT_FORMAT = /A whole number from 0 to 100/;
const INT_RANGE = /Must be between 0 and 100/;
const intCases: Case[] = [
  ['0', null],
  ['100', null],
  ['-1', INT_FORMAT],
  ['101', INT_RANGE],
  ['1.5', INT_FORMAT],
  ['1e2', INT_FORMAT],
  ['ten', INT_FORMAT],
  ['１０', INT_FORMAT],
  ['5;', INT_FORMAT],
  ['9'.repeat(LONG), INT_RANGE],
];

async function expectVerdict(field: Locator, [value, reason]: Case) {
  await field.fill(value);
  if (reason) {
    // The reason is read out with the field (aria-describedby). Not aria-invalid: Mantine's
    // PasswordInput (access_key) does not set it on its inner input.
    await expect(field, value.slice(0, 20)).toHaveAccessibleDescription(reason);
  } else {
    await expect(field, value.slice(0, 20)).not.toHaveAttribute('aria-invalid', 'true');
  }
}

async function openForm(page: Page) {
  await openUnlocked(page, '/backup');
  await expect(page.getByLabel('Log archive concurrency (log_archive_concurrency)')).toBeEditable();
}

/** Ends every test: the refusals kept the PATCH from being sent at all. */
async function expectNothingSent(page: Page, simControl: SimControl) {
  await expect(page.getByRole('button', { name: /^Review/ })).toBeDisabled();
  const sent = await simControl.call<unknown[]>(
    'GET',
    `requests?path=${encodeURIComponent('/api/v1/obcluster/backup/config')}`,
  );
  expect(sent).toEqual([]);
}

for (const label of [
  'Log archive concurrency (log_archive_concurrency)',
  'HA low-priority threads (ha_low_thread_score)',
]) {
  test(`${label}: 0–100 integers only`, async ({ page, simControl }) => {
    await openForm(page);
    const field = page.getByLabel(label);
    for (const c of intCases) await expectVerdict(field, c);
    await field.fill('101');
    await expectNothingSent(page, simControl);
  });
}

test('piece_switch_interval: 1d–7d, one integer and one unit', async ({ page, simControl }) => {
  await openForm(page);
  const field = page.getByLabel('Piece switch interval (piece_switch_interval)', { exact: true });
  const cases: Case[] = [
    ['24h', null],
    ['168h', null],
    ['7d', null],
    ['23h', /Too short: allowed 1d–7d/],
    ['169h', /Too long: allowed 1d–7d/],
    ['8d', /Too long/],
    ['0d', /Must be more than 0/],
    ['1h30m', /One integer and one unit only/],
    ['1.5d', /No decimals/],
    ['2 d', /No spaces/],
    ["2d'", /one integer followed by one unit/i],
    ['2d;', /one integer followed by one unit/i],
    ['２d', /one integer followed by one unit/i],
    ['2w', /Unknown unit/],
    [`${'9'.repeat(LONG)}d`, /At most 365d/],
  ];
  for (const c of cases) await expectVerdict(field, c);
  await expectNothingSent(page, simControl);
});

test('archive_lag_target: more than 0, at most 2h', async ({ page, simControl }) => {
  await openForm(page);
  const field = page.getByLabel('Archive lag target (archive_lag_target)', { exact: true });
  const cases: Case[] = [
    ['1ns', null],
    ['120m', null],
    ['7200s', null],
    ['121m', /Too long: allowed 1ns–2h/],
    ['7201s', /Too long/],
    ['0ms', /Must be more than 0/],
    ['-1m', /Negative durations are not allowed/],
    ['1h30m', /One integer and one unit only/],
  ];
  for (const c of cases) await expectVerdict(field, c);
  await expectNothingSent(page, simControl);
});

test('destination: quotes, semicolons and spaces refused; unicode and long paths accepted', async ({
  page,
  simControl,
}) => {
  await openForm(page);
  const dir = page.getByLabel('Directory', { exact: true });
  const cases: Case[] = [
    ['/data/backup2', null],
    ['/data/备份', null],
    [`/data/${'a'.repeat(LONG)}`, null],
    ["/data/it's", /Quotes are not allowed/],
    ['/data/"x"', /Quotes are not allowed/],
    ['/data/a;b', /“;” is not allowed/],
    ['/data/a b', /Spaces are not allowed/],
    // obshell's check step (contract rev. 2): absolute, no "?".
    ['data/backup', /absolute path starting with “\/”/],
    ['/data/b?x', /“\?” is not allowed in a directory/],
  ];
  for (const c of cases) await expectVerdict(dir, c);

  await page.getByLabel('Storage type').selectOption('oss');
  const bucket = page.getByLabel('Bucket and path');
  await expectVerdict(bucket, ['/bucket/dir', /without a leading “\/”/]);
  await expectVerdict(bucket, ['bucket', /needs a “\/” after the bucket name/]);
  await expectVerdict(bucket, [
    'bucket/dir?force_path_style=true',
    /obshell drops force_path_style/,
  ]);
  await expectVerdict(page.getByLabel('Endpoint (host)'), ['oss.example.com&x=1', /would break/]);
  await expectVerdict(page.getByLabel('Access key (access_key)'), [
    "ab'c",
    /Quotes are not allowed/,
  ]);
  await expectNothingSent(page, simControl);
});

test('delete policy: a recovery window is required and must be a duration', async ({
  page,
  simControl,
}) => {
  await openForm(page);
  await page.getByRole('switch', { name: 'Replace the delete policy' }).check();
  const field = page.getByLabel('Recovery window (recovery_window)', { exact: true });
  const cases: Case[] = [
    ['7d', null],
    ['', /Enter a recovery window/],
    ['7 d', /No spaces/],
    ["7d'", /one integer followed by one unit/i],
  ];
  for (const c of cases) await expectVerdict(field, c);
  await expectNothingSent(page, simControl);
});
