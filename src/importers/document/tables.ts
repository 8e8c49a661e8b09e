/**
 * Tables written with pipes (`| STT | Chỉ tiêu | Đơn vị | Năm 2025 |`), as
 * Markdown conversions and the reader's own DOCX text give them: the
 * indicator tables of plans (a row per indicator, a column per year) and the
 * task tables of their appendices (who leads, who cooperates, by when).
 */
import type { Block, Layout } from './structure';

/** One cell, with where its text is. */
export interface Cell {
  start: number;
  end: number;
  /** Folded, spaces collapsed. */
  folded: string;
}

/** A run of table rows in one section. */
export interface Table {
  /** Indexes of the blocks that are its rows (the rule line left out). */
  rows: number[];
  header: Cell[];
  body: Cell[][];
  section: number | null;
}

/** Cells of a row block, without the outer pipes. */
export function cellsOf(layout: Layout, block: Block): Cell[] {
  const cells: Cell[] = [];
  const { clean, folded } = layout;
  let at = block.start;
  if (clean[at] === '|') at++;
  while (at < block.end) {
    let next = clean.indexOf('|', at);
    if (next < 0 || next > block.end) next = block.end;
    let s = at;
    let e = next;
    while (s < e && /\s/.test(clean[s] as string)) s++;
    while (e > s && /\s/.test(clean[e - 1] as string)) e--;
    cells.push({ start: s, end: e, folded: folded.slice(s, e).replace(/\s+/g, ' ') });
    at = next + 1;
  }
  return cells;
}

/** The tables of a document. */
export function findTables(layout: Layout): Table[] {
  const tables: Table[] = [];
  let current: { rows: number[]; section: number | null } | null = null;
  layout.blocks.forEach((block, i) => {
    if (!block.row) {
      current = null;
      return;
    }
    if (!current || current.section !== block.section) {
      current = { rows: [], section: block.section };
      tables.push({ rows: current.rows, header: [], body: [], section: block.section });
    }
    if (block.row === 'cells') current.rows.push(i);
  });
  for (const table of tables) {
    const [head, ...rest] = table.rows.map((i) => cellsOf(layout, layout.blocks[i] as Block));
    table.header = head ?? [];
    table.body = rest;
  }
  return tables.filter((t) => t.header.length >= 2);
}

/** Columns of an indicator table: the name, the unit and one column per year (or a single target column). */
export interface IndicatorColumns {
  name: number;
  unit: number | null;
  values: { column: number; year: number | null }[];
}

const baselineHeader = /thuc hien|uoc|ket qua|hien trang|co so|thuc te|da dat|nam goc|so lieu/;

/** Reads the header of an indicator table; null when the table is not one. */
export function indicatorColumns(table: Table): IndicatorColumns | null {
  const h = table.header.map((c) => c.folded);
  const values: { column: number; year: number | null }[] = [];
  h.forEach((text, column) => {
    const years = [...text.matchAll(/20\d\d/g)].map((m) => Number(m[0]));
    if (!years.length || baselineHeader.test(text)) return;
    values.push({ column, year: years[years.length - 1] as number });
  });
  let name = h.findIndex((t) => /chi tieu|noi dung|ten|tieu chi/.test(t) && !/20\d\d/.test(t));
  if (!values.length) {
    // a single column of targets whose year is in the heading above
    const single = h.findIndex(
      (t, i) => i !== name && /^(muc tieu|chi tieu ke hoach|ke hoach|gia tri muc tieu)/.test(t),
    );
    if (single < 0) return null;
    values.push({ column: single, year: null });
  }
  if (name < 0)
    name = h.findIndex((t, i) => !/^(stt|tt|so tt)$/.test(t) && !values.some((v) => v.column === i));
  if (name < 0) return null;
  const unit = h.findIndex((t) => /don vi|dvt|don vi tinh/.test(t));
  return { name, unit: unit < 0 ? null : unit, values };
}

/** Columns of a task table: what, who leads, who cooperates, by when. */
export interface TaskColumns {
  number: number | null;
  task: number;
  lead: number;
  cooperating: number | null;
  deadline: number | null;
}

/** Reads the header of a task table; null when the table is not one. */
export function taskColumns(table: Table): TaskColumns | null {
  const h = table.header.map((c) => c.folded);
  const lead = h.findIndex((t) => /chu tri/.test(t));
  if (lead < 0) return null;
  const task = h.findIndex((t, i) => i !== lead && /nhiem vu|noi dung|ten|hoat dong|de an|du an/.test(t));
  if (task < 0) return null;
  const cooperating = h.findIndex((t) => /phoi hop/.test(t));
  const deadline = h.findIndex((t) => /thoi gian|thoi han|hoan thanh|tien do/.test(t));
  const number = h.findIndex((t) => /^(stt|tt|so tt|so thu tu)$/.test(t));
  return {
    number: number < 0 ? null : number,
    task,
    lead,
    cooperating: cooperating < 0 ? null : cooperating,
    deadline: deadline < 0 ? null : deadline,
  };
}
