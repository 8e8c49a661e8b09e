/**
 * Deadlines of tasks as documents state them: "trước ngày 30/6/2022",
 * "trong năm 2022", "Quý IV/2021", "hoàn thành trước tháng 6/2023",
 * "Thời gian hoàn thành: 2024". Recurring ones ("trước ngày 01/12 hằng năm")
 * are no deadline of a task. Works on folded text.
 */

/** A deadline: `YYYY-MM-DD`, or `YYYY` when only the year is stated. */
export interface Deadline {
  value: string;
  start: number;
  end: number;
}

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lastDayOfMonth(y: number, m: number): string | null {
  return iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const KEY = String.raw`(?:hoan thanh|xong|thuc hien|trien khai|ban hanh|dua vao (?:van hanh|su dung))?\s*(?:truoc|trong|cham nhat|han chot|den het|het|cuoi|vao|nam)?`;

/** The first deadline stated in [from, to) of a folded text, or null. */
export function readDeadline(folded: string, from: number, to: number): Deadline | null {
  const text = folded.slice(from, to);
  const found: { at: number; end: number; value: string }[] = [];
  const push = (m: RegExpMatchArray, value: string | null) => {
    if (!value) return;
    // "… hằng năm": every year, not once
    if (/^\s*(hang|hằng) nam/.test(text.slice((m.index ?? 0) + m[0].length))) return;
    found.push({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length, value });
  };
  for (const m of text.matchAll(
    /(truoc|cham nhat|han chot|den|trong)\s+(?:ngay\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/g,
  )) {
    const d = iso(Number(m[4]), Number(m[3]), Number(m[2]));
    push(m, d);
  }
  for (const m of text.matchAll(
    /(truoc|cham nhat|han chot|den)\s+ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/g,
  ))
    push(m, iso(Number(m[4]), Number(m[3]), Number(m[2])));
  for (const m of text.matchAll(
    /(?:(truoc|trong|het|cuoi|den het|vao)\s+)?quy\s+(iv|iii|ii|i|[1-4])\s*(?:\/|nam)\s*(\d{4})/g,
  )) {
    const q = QUARTERS[m[2] as string] as number;
    const y = Number(m[3]);
    // "trước Quý III/2022" ends with the quarter before
    push(
      m,
      m[1] === 'truoc'
        ? q === 1
          ? iso(y - 1, 12, 31)
          : lastDayOfMonth(y, (q - 1) * 3)
        : lastDayOfMonth(y, q * 3),
    );
  }
  for (const m of text.matchAll(
    /(truoc|trong|het|cuoi|den het|vao|thoi gian|thoi han|hoan thanh)\s*:?\s+thang\s+(\d{1,2})\s*(?:\/|nam)\s*(\d{4})/g,
  )) {
    const y = Number(m[3]);
    const mo = Number(m[2]);
    push(
      m,
      m[1] === 'truoc' ? (mo === 1 ? iso(y - 1, 12, 31) : lastDayOfMonth(y, mo - 1)) : lastDayOfMonth(y, mo),
    );
  }
  for (const m of text.matchAll(
    new RegExp(
      `(hoan thanh|xong|cham nhat|han chot|thoi han|thoi gian (?:hoan thanh|thuc hien))\\s*:?\\s*${KEY}\\s*(?:nam\\s+)?(20\\d\\d)(?![\\d/])`,
      'g',
    ),
  ))
    push(m, m[2] as string);
  for (const m of text.matchAll(/(trong|den het|het|cuoi)\s+nam\s+(20\d\d)(?![\d/])/g))
    push(m, m[2] as string);
  for (const m of text.matchAll(/truoc\s+nam\s+(20\d\d)(?![\d/])/g)) push(m, String(Number(m[1]) - 1));
  if (!found.length) return null;
  found.sort((a, b) => a.at - b.at);
  const first = found[0] as { at: number; end: number; value: string };
  return { value: first.value, start: from + first.at, end: from + first.end };
}
