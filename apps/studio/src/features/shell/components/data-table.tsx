import { Table, type TableProps } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/** A column's heading, with the room it needs when other columns would squeeze it. */
export type Column = ReactNode | { label: ReactNode; style: CSSProperties };

const isStyled = (c: Column): c is { label: ReactNode; style: CSSProperties } =>
  typeof c === 'object' && c !== null && 'label' in c && 'style' in c;

/**
 * Every list of the studio: a table in its own horizontal scroll box (on a phone the table scrolls, never the page;
 * the box takes the keyboard focus so it scrolls without a mouse), each column headed for screen readers. Without
 * columns the rows head themselves (`Table.Th scope="row"`).
 */
export function DataTable({
  columns,
  minWidth,
  children,
  ...table
}: TableProps & { columns?: Column[]; minWidth: number; children: ReactNode; 'data-testid'?: string }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0}>
      <Table {...table}>
        {columns && (
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={i} scope="col" style={isStyled(c) ? c.style : undefined}>
                  {isStyled(c) ? c.label : c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
        )}
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
