import { Table, UnstyledButton, type MantineFontSize, type MantineSpacing } from '@mantine/core';
import { createContext, useContext, type ComponentPropsWithoutRef, type ReactNode } from 'react';

/**
 * The app's one data table: scroll container, caption or label, one header row of column titles
 * (optionally sortable, with aria-sort), the body rows, and one row spanning every column when
 * there are none. Used by the History, Status and Tasks pages.
 *
 * The body's rows and cells are plain elements wearing Mantine's Table classes (`DataRow`,
 * `DataCell`, `DataRowHeader`) instead of `Table.Tr`/`Table.Td`: each Mantine table part runs
 * useProps, the styles API and a Box, and the History page renders 50 rows × 8 cells within a
 * 100 ms budget (issue 15). So are the header's plain (unsorted) cells; a sortable one keeps
 * Mantine's Table.Th and UnstyledButton.
 */

export type SortDirection = 'ascending' | 'descending';

export interface DataColumn {
  key: string;
  header: ReactNode;
  /**
   * A sortable column: `direction` while the table is sorted by it (undefined: sorted by another
   * column), `onSort` when its header is clicked. Gives the header a button and `aria-sort`.
   */
  sort?: { direction: SortDirection | undefined; onSort: () => void };
  /** The column's width (CSS length), for a table with `fixedLayout`. */
  width?: string;
}

/** Plain (unsorted) columns from `[key, header]` pairs. */
export const plainColumns = (pairs: readonly (readonly [string, ReactNode])[]): DataColumn[] =>
  pairs.map(([key, header]) => ({ key, header }));

interface DataTableProps {
  columns: readonly DataColumn[];
  /** The rows (DataRow); nothing, or an empty array, shows `empty` instead. */
  children?: ReactNode;
  /** Shown in one row spanning every column when there are no rows (none: an empty body). */
  empty?: ReactNode;
  caption?: ReactNode;
  /** The table's accessible name where no caption names it. */
  label?: string;
  minWidth?: number;
  verticalSpacing?: MantineSpacing;
  highlightOnHover?: boolean;
  /** The table's font size (Mantine's default: the theme's). */
  fontSize?: MantineFontSize;
  /** A border around the whole table. */
  withTableBorder?: boolean;
  /** Rendered before the table, inside the scroll container (e.g. help texts rows refer to). */
  before?: ReactNode;
  /**
   * `table-layout: fixed`: columns take the header's widths (`DataColumn.width`, the rest share
   * what is left) instead of measuring every cell first. Needed where cells defer their content
   * (content-visibility), which would otherwise make columns change width as rows scroll in.
   */
  fixedLayout?: boolean;
}

interface RowLook {
  highlightOnHover: boolean;
}
const RowLookContext = createContext<RowLook>({ highlightOnHover: false });

const classes = Table.classes;

const hasRows = (children: ReactNode) =>
  children !== undefined &&
  children !== null &&
  children !== false &&
  !(Array.isArray(children) && children.length === 0);

function HeaderCell({ column }: { column: DataColumn }) {
  const { sort } = column;
  // A plain header cell wearing Table.Th's class, as the body cells do (History renders its 8
  // header cells on the click that opens it: each Table.Th is useProps, the styles API and a Box).
  if (!sort)
    return (
      <th
        scope="col"
        className={classes.th}
        style={column.width === undefined ? undefined : { width: column.width }}
      >
        {column.header}
      </th>
    );
  const arrow = sort.direction === 'ascending' ? '▲' : sort.direction === 'descending' ? '▼' : '';
  return (
    <Table.Th scope="col" w={column.width} aria-sort={sort.direction ?? 'none'}>
      <UnstyledButton onClick={sort.onSort} fw={700} fz="sm">
        {column.header}
        {arrow && <span aria-hidden="true">{` ${arrow}`}</span>}
      </UnstyledButton>
    </Table.Th>
  );
}

export function DataTable({
  columns,
  children,
  empty,
  caption,
  label,
  minWidth = 640,
  verticalSpacing = 'sm',
  highlightOnHover = false,
  fontSize,
  withTableBorder,
  before,
  fixedLayout = false,
}: DataTableProps) {
  return (
    // Native overflow, not Mantine's ScrollArea: no observers or measuring per table render.
    <Table.ScrollContainer minWidth={minWidth} type="native">
      {before}
      <Table
        striped
        highlightOnHover={highlightOnHover}
        verticalSpacing={verticalSpacing}
        fz={fontSize}
        withTableBorder={withTableBorder}
        aria-label={label}
        layout={fixedLayout ? 'fixed' : undefined}
        // Fixed columns do not grow for a long unbroken value (a host:port cluster name, a user's
        // e-mail): it wraps inside its cell instead of running over the next one.
        style={fixedLayout ? FIXED_LAYOUT_STYLE : undefined}
      >
        {caption !== undefined && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <HeaderCell key={column.key} column={column} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <RowLookContext.Provider value={highlightOnHover ? HOVER : PLAIN}>
            {hasRows(children) || empty === undefined ? (
              children
            ) : (
              <DataRow data-empty>
                <DataCell colSpan={columns.length}>{empty}</DataCell>
              </DataRow>
            )}
          </RowLookContext.Provider>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
const FIXED_LAYOUT_STYLE = { overflowWrap: 'anywhere' } as const;
const HOVER: RowLook = { highlightOnHover: true };
const PLAIN: RowLook = { highlightOnHover: false };

const join = (base: string, extra: string | undefined) => (extra ? `${base} ${extra}` : base);

/** A body row, striped and bordered like Mantine's Table.Tr. */
export function DataRow({ className, ...props }: ComponentPropsWithoutRef<'tr'>) {
  const { highlightOnHover } = useContext(RowLookContext);
  return (
    <tr
      {...props}
      className={join(classes.tr ?? '', className)}
      data-striped="odd"
      data-with-row-border
      data-hover={highlightOnHover || undefined}
    />
  );
}

/** DataCell's class, for a table that renders its many cells as plain `<td>`s (History's 400). */
export const dataCellClass = classes.td ?? '';

/** A body cell, padded like Mantine's Table.Td. */
export function DataCell({ className, ...props }: ComponentPropsWithoutRef<'td'>) {
  return <td {...props} className={join(dataCellClass, className)} />;
}

/** A row's header cell (the row's name, e.g. the tenant). */
export function DataRowHeader({ className, ...props }: ComponentPropsWithoutRef<'th'>) {
  return <th scope="row" {...props} className={join(classes.th ?? '', className)} />;
}
