/**
 * A keyboard-friendly grid of inputs, like a spreadsheet row per item:
 * Tab / Shift+Tab move from cell to cell along a row and on to the next
 * (skipping the buttons in between; past the last cell focus leaves the
 * grid), Enter / ↓ move down
 * the column, Shift+Enter / ↑ move up (skipping rows where the column is not
 * editable); pasting a block copied from Excel (tab- and newline-separated)
 * fills the cells from the one pasted into, down and to the right.
 * Values are text: the page parses them (Vietnamese decimal comma accepted).
 */
import { type ClipboardEvent, Fragment, type KeyboardEvent, type ReactNode, useRef } from 'react';
import { splitPastedCells } from '../../src/domain/validation/number';

/** An editable cell. */
export interface GridInput {
  kind: 'input';
  value: string;
  /** Read by screen readers: what the cell is ("Tử số — Tỷ lệ hộ gia đình có cáp quang"). */
  label: string;
  error?: string | null;
  warning?: string | null;
  placeholder?: string;
  /** Numbers are right-aligned and get the decimal keyboard on phones. */
  numeric?: boolean;
  disabled?: boolean;
  testId?: string;
}

export interface GridColumn<R> {
  key: string;
  header: ReactNode;
  className?: string;
  /** An input, or anything to show (a computed rate, a dash). */
  cell: (row: R) => GridInput | ReactNode;
}

export interface DataGridProps<R> {
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The first column: what the row is. */
  rowHeader: (row: R) => ReactNode;
  rowHeaderTitle: ReactNode;
  columns: readonly GridColumn<R>[];
  /** Shown under a row across the whole width (definitions, history, evidence). */
  rowDetail?: (row: R) => ReactNode;
  /** A row's group heading (e.g. its pillar), shown when it changes. */
  group?: (row: R) => string | null;
  onChange: (rowKey: string, columnKey: string, text: string) => void;
  onBlur?: (rowKey: string, columnKey: string) => void;
  caption?: ReactNode;
  className?: string;
}

const isInput = (x: unknown): x is GridInput =>
  typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'input';

export function DataGrid<R>(props: DataGridProps<R>) {
  const { rows, rowKey, columns, onChange } = props;
  const gridRef = useRef<HTMLTableElement>(null);
  const cells = rows.map((row) => columns.map((c) => c.cell(row)));
  const editable = (r: number, c: number) => {
    const x = cells[r]?.[c];
    return isInput(x) && !x.disabled;
  };

  const focus = (r: number, c: number) => {
    const el = gridRef.current?.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`);
    if (el) {
      el.focus();
      el.select();
    }
  };
  /** The next row (down or up) where column c is editable. */
  const step = (r: number, c: number, dir: 1 | -1): number | null => {
    for (let i = r + dir; i >= 0 && i < rows.length; i += dir) if (editable(i, c)) return i;
    return null;
  };

  /** The next editable cell in reading order (Tab), or the previous (Shift+Tab). */
  const along = (r: number, c: number, dir: 1 | -1): [number, number] | null => {
    let i = r * columns.length + c + dir;
    while (i >= 0 && i < rows.length * columns.length) {
      const [rr, cc] = [Math.floor(i / columns.length), i % columns.length];
      if (editable(rr, cc)) return [rr, cc];
      i += dir;
    }
    return null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, r: number, c: number) => {
    if (e.key === 'Tab') {
      // cell to cell, skipping the buttons between them; past the last cell the page goes on
      const next = along(r, c, e.shiftKey ? -1 : 1);
      if (next) {
        e.preventDefault();
        focus(next[0], next[1]);
      }
      return;
    }
    const down = (e.key === 'Enter' && !e.shiftKey) || e.key === 'ArrowDown';
    const up = (e.key === 'Enter' && e.shiftKey) || e.key === 'ArrowUp';
    if (!down && !up) return;
    const next = step(r, c, down ? 1 : -1);
    e.preventDefault();
    if (next !== null) focus(next, c);
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, r: number, c: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    e.preventDefault();
    const block = splitPastedCells(text);
    // the editable columns from the one pasted into, left to right
    let row: number | null = r;
    for (const line of block) {
      if (row === null) break;
      let col = c;
      for (const value of line) {
        while (col < columns.length && !editable(row, col)) col++;
        if (col >= columns.length) break;
        onChange(rowKey(rows[row] as R), (columns[col] as GridColumn<R>).key, value.trim());
        col++;
      }
      row = step(row, c, 1);
    }
  };

  let lastGroup: string | null = null;
  return (
    <div className={`table-wrap data-grid ${props.className ?? ''}`}>
      <table className="data data-grid__table" ref={gridRef}>
        {props.caption && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{props.rowHeaderTitle}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => {
            const key = rowKey(row);
            const group = props.group?.(row) ?? null;
            const showGroup = group !== null && group !== lastGroup;
            lastGroup = group;
            const detail = props.rowDetail?.(row);
            return (
              <Fragment key={key}>
                {showGroup && (
                  <tr className="data-grid__group">
                    <th colSpan={columns.length + 1} scope="colgroup">
                      {group}
                    </th>
                  </tr>
                )}
                <tr className="data-grid__row" data-row={key}>
                  <th scope="row" className="data-grid__head">
                    {props.rowHeader(row)}
                  </th>
                  {columns.map((col, c) => {
                    const x = cells[r]?.[c];
                    if (!isInput(x)) {
                      return (
                        <td key={col.key} className={col.className}>
                          {x as ReactNode}
                        </td>
                      );
                    }
                    const state = x.error ? 'error' : x.warning ? 'warning' : '';
                    return (
                      <td
                        key={col.key}
                        className={`${col.className ?? ''} data-grid__cell ${state ? `is-${state}` : ''}`}
                      >
                        <input
                          data-r={r}
                          data-c={c}
                          data-testid={x.testId}
                          className={x.numeric ? 'num' : undefined}
                          value={x.value}
                          aria-label={x.label}
                          aria-invalid={x.error ? true : undefined}
                          placeholder={x.placeholder}
                          inputMode={x.numeric ? 'decimal' : 'text'}
                          disabled={x.disabled}
                          autoComplete="off"
                          onChange={(e) => onChange(key, col.key, e.target.value)}
                          onBlur={() => props.onBlur?.(key, col.key)}
                          onKeyDown={(e) => onKeyDown(e, r, c)}
                          onPaste={(e) => onPaste(e, r, c)}
                        />
                        {(x.error || x.warning) && (
                          <div
                            className={x.error ? 'data-grid__error' : 'data-grid__warning'}
                            role={x.error ? 'alert' : undefined}
                          >
                            {x.error ?? x.warning}
                          </div>
                        )}
                      </td>
                    );
                  })}
                </tr>
                {detail && (
                  <tr className="data-grid__detail">
                    <td colSpan={columns.length + 1}>{detail}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
