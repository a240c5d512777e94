import { Pagination } from '@mantine/core';
import { memo } from 'react';
import { defineMessages, useMessages } from '../lib/i18n/messages';

const controlsEn: Partial<Record<string, string>> = {
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
};
const controlsZh: Partial<Record<string, string>> = {
  first: '第一页',
  previous: '上一页',
  next: '下一页',
  last: '最后一页',
};
const messages = defineMessages({
  en: { control: (control: string) => controlsEn[control] ?? control },
  zh: { control: (control: string) => controlsZh[control] ?? control },
});

/**
 * The pager under a paged tenant table, its arrow buttons named in the page's language. Memoized:
 * the tables above it re-render while tenants are read, the pager only when the pages change.
 */
export const PagePager = memo(function PagePager({
  pages,
  current,
  onPage,
}: {
  pages: number;
  current: number;
  onPage: (page: number) => void;
}) {
  const t = useMessages(messages);
  return (
    <Pagination
      total={pages}
      value={current}
      onChange={onPage}
      getControlProps={(control) => ({ 'aria-label': t.control(control) })}
    />
  );
});
