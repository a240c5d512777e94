/** Rows per page in the tenant tables: hundreds of tenants stay fast with one page in the DOM. */
export const TENANT_PAGE_SIZE = 50;

export interface Paged<T> {
  pages: number;
  /** The page shown: `page` kept within 1…pages (a list that shrank moves it back). */
  current: number;
  slice: T[];
}

export function pageOf<T>(items: readonly T[], page: number, size: number): Paged<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  return { pages, current, slice: items.slice((current - 1) * size, current * size) };
}
