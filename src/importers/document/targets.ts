/**
 * Targets: every quantified objective a document sets for the future, each
 * with its year, tier, comparator, value(s), unit, indicator and the exact
 * words it came from. Past results, figures of another level of government
 * and counts of indicators are left out.
 */
import { matchIndicator } from './indicator-match';
import { type Comparator, findQuantities, type Quantity } from './quantities';
import type { Layout } from './structure';
import { findTables, type IndicatorColumns, indicatorColumns, type Table } from './tables';
import { parseVietnameseNumber } from './text';
import type { Section, Target } from './types';

type Level = 'province' | 'district' | 'commune';

/** [start, end) ranges of the clauses of [from, to): split at ";", sentence ends and ": ", not inside brackets. */
export function splitClauses(clean: string, from: number, to: number, clauses = true): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = clean[i] as string;
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (depth > 0) continue;
    let cut = false;
    if (ch === ';') cut = clauses;
    else if (ch === ':' && clauses && /\s/.test(clean[i + 1] ?? ' ')) cut = true;
    else if (
      (ch === '.' || ch === '!' || ch === '?') &&
      /^\s+[\p{Lu}“"(+\-•]/u.test(clean.slice(i + 1, i + 4))
    )
      cut = !/(?:^|\s)(TP|Tp|v\.v|TS|ThS|PGS|GS|Th\.S|St|tr)$/u.test(clean.slice(Math.max(from, i - 5), i));
    else if (ch === '\n' && /^\n\s*\n/.test(clean.slice(i, i + 3))) cut = true;
    // a bullet run into the line before it: "… cơ quan nhà nước- 70% hoạt động …"
    else if (ch === '-' && /\p{L}/u.test(clean[i - 1] ?? '') && /^\s+\d/.test(clean.slice(i + 1, i + 4)))
      cut = true;
    if (cut) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  if (to > start) out.push([start, to]);
  return out.filter(([s, e]) => /\S/.test(clean.slice(s, e)));
}

const futureYear =
  /(?:den|toi|truoc|vao|trong|het|cuoi|den het|den cuoi|giai doan \d{4}\s*[-–]\s*)\s*(?:nam\s+)?(20\d\d)(?!\d)/g;
const anyYear = /(?:^|[^a-z/])nam\s+(20\d\d|19\d\d)(?!\d)/g;

function yearsIn(folded: string, refYear: number | null): number[] {
  const years: number[] = [];
  for (const m of folded.matchAll(futureYear)) years.push(Number(m[1]));
  for (const m of folded.matchAll(anyYear)) {
    const y = Number(m[1]);
    const before = folded.slice(Math.max(0, m.index - 12), m.index + 1);
    if (/so voi\s*$|tu\s*$|ke tu\s*$/.test(before)) continue;
    if (refYear === null || y >= refYear) years.push(y);
  }
  return years;
}

/** The year a heading sets: "Đến năm 2025", "Mục tiêu cụ thể đến năm 2030", "giai đoạn 2021-2025"; null if two. */
function headingYear(folded: string): number | null {
  const years = new Set<number>();
  for (const m of folded.matchAll(
    /(?:den|toi|truoc|trong|het)\s+(?:het\s+)?nam\s+(20\d\d)|giai doan\s+20\d\d\s*[-–]\s*(20\d\d)|(?:^|[^a-z])nam\s+(20\d\d)/g,
  )) {
    // "so với năm 2021", "từ năm 2020": where a change starts, not when it is due
    if (m[3] && /(so voi|tu|ke tu)\s*$/.test(folded.slice(Math.max(0, m.index - 10), m.index + 1))) continue;
    years.add(Number(m[1] ?? m[2] ?? m[3]));
  }
  return years.size === 1 ? ([...years][0] as number) : null;
}

const pastWords =
  /(?:^|[^a-z])(da dat|da co|da hoan thanh|da trien khai|da thuc hien|da xep|da duoc|dat duoc|hien nay|hien tai|hien co|hien dang|tinh den|den nay|nam qua|vua qua|truoc day|ket qua dat|so voi cung ky)(?![a-z])/;
const futureWords = /(?:^|[^a-z])(phan dau|phan dau|muc tieu|den nam|se|dam bao|can dat|dat muc)(?![a-z])/;
const foreignScope = new RegExp(
  [
    String.raw`(?:ca nuoc|toan quoc)\s*(?:phan dau|dat muc tieu|dat|co|la|huong toi|de ra|dat ra)(?![a-z])`,
    String.raw`(?:trung uong|chinh phu|quoc gia)\s*(?:phan dau|dat muc tieu|huong toi|de ra|dat ra)(?![a-z])`,
    String.raw`(?:muc tieu|chi tieu)\s+(?:chung\s+)?(?:cua\s+)?(?:ca nuoc|quoc gia|chinh phu|trung uong|chuong trinh chuyen doi so quoc gia|bo)(?![a-z])`,
    String.raw`so voi\s+(?:muc tieu|chi tieu|binh quan|muc trung binh|trung binh)`,
    String.raw`(?:binh quan|trung binh)\s+(?:chung\s+)?(?:cua\s+)?(?:ca nuoc|toan quoc)`,
    String.raw`(?:chuong trinh|chien luoc|quyet dinh)[^;]{0,80}(?:dat|de ra|dat ra)\s+(?:muc tieu|chi tieu)`,
  ].join('|'),
);

function ancestors(sections: Section[], index: number | null): Section[] {
  const out: Section[] = [];
  let at = index;
  while (at !== null) {
    const s = sections[at] as Section;
    out.push(s);
    at = s.parent;
  }
  return out;
}

const tierRe =
  /(?:^|[^a-z])cap\s+(bo,?\s*tinh|bo\/tinh|tinh|huyen|quan|xa)(?![a-z])((?:\s*(?:,|va)\s*(?:cap\s+)?(?:tinh|huyen|xa)(?![a-z]))*)/g;

/** The tiers a clause names ("cấp tỉnh", "cấp huyện và…", "cấp tỉnh, cấp huyện"). */
function tiersIn(folded: string): Level[] {
  // "từ cấp tỉnh đến cấp xã" names a reach, not a tier
  const text = folded
    .replace(/tu\s+cap\s+\w+\s+(?:den|toi|xuong)\s+cap\s+\w+/g, ' ')
    .replace(/(?:den|toi|xuong)\s+cap\s+xa/g, ' ');
  const out: Level[] = [];
  const add = (word: string) => {
    const level: Level = /tinh/.test(word) ? 'province' : /huyen|quan/.test(word) ? 'district' : 'commune';
    if (!out.includes(level)) out.push(level);
  };
  for (const m of text.matchAll(tierRe)) {
    add(m[1] as string);
    for (const w of (m[2] as string).split(/,|\bva\b/)) if (w.trim()) add(w);
  }
  return out;
}

function trimQuote(clean: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  const text = () => clean.slice(s, e);
  for (;;) {
    const before = [s, e];
    while (s < e && /[\s,;:.+\-–•*]/.test(clean[s] as string)) s++;
    const lead = /^(và|hoặc|hay|đồng thời|trong đó)\s+/iu.exec(text());
    if (lead) s += lead[0].length;
    while (e > s && /[\s,;:.]/.test(clean[e - 1] as string)) e--;
    // a bracket left open where the next figure's words begin: "… đạt 85% (năm 2021"
    const open = clean.lastIndexOf('(', e - 1);
    if (open >= s && (clean.indexOf(')', open) < 0 || clean.indexOf(')', open) >= e)) e = open;
    // a long exception in brackets at the end: "(trừ hồ sơ … bí mật nhà nước)"
    if (clean[e - 1] === ')') {
      const open = clean.lastIndexOf('(', e - 1);
      const aside = clean.slice(open, e);
      if (
        open > s &&
        e - open > 15 &&
        (!/\d/.test(aside) || /chủ trì|phối hợp|thời gian|thời hạn/iu.test(aside))
      )
        e = open;
    }
    if (before[0] === s && before[1] === e) break;
  }
  return [s, e];
}

/** Soft line breaks inside a paragraph are spaces to the matchers. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Options of the target reader. */
export interface TargetOptions {
  /** Year of issue, to tell past figures from future ones. */
  referenceYear: number | null;
  /** A one-year plan ("Kế hoạch … năm 2024"): the year of targets that name none. */
  defaultYear: number | null;
}

/** Reads every target of a document. */
export function extractTargets(layout: Layout, options: TargetOptions): Target[] {
  const { clean, folded, sections, text } = layout;
  const targets: (Target & { ownItem: boolean; group: string | null })[] = [];
  const hasSections = sections.length > 0;
  const tables = findTables(layout)
    .map((table) => ({ table, columns: indicatorColumns(table) }))
    .filter((t): t is { table: Table; columns: IndicatorColumns } => t.columns !== null);
  const tableRows = new Set(tables.flatMap((t) => t.table.rows));

  layout.blocks.forEach((block, blockIndex) => {
    if (block.row === 'rule' || tableRows.has(blockIndex)) return;
    extractFromBlock(block);
  });
  for (const { table, columns } of tables) targets.push(...tableTargets(layout, table, columns, options));
  targets.sort((a, b) => a.span[0] - b.span[0]);
  return dedupe(targets);

  function extractFromBlock(block: Layout['blocks'][number]): void {
    if (block.endMatter) return;
    if (hasSections && block.section === null) return;
    const section = block.section === null ? null : (sections[block.section] as Section);
    const role = section?.role ?? null;
    if (role === 'situation' || role === 'viewpoints') return;
    const chain = ancestors(sections, block.section);
    const heading = contextYear(layout, block);
    const headingTier = contextTier(layout, block);
    const contextHeadings = chain
      .slice(0, 3)
      .map((s) => folded.slice(s.headingSpan[0], s.headingSpan[1]))
      .join(' ');

    for (const [ss, se] of splitClauses(clean, block.contentStart, block.end, false)) {
      const sentence = oneLine(folded.slice(ss, se));
      const sentenceTiers = tiersIn(sentence);
      const sentenceYears = yearsIn(sentence, options.referenceYear);
      // the last measure named in the sentence: "…đạt 90% ở cấp tỉnh; 80% ở cấp huyện" goes on past the ";"
      let sentencePrevious: { unit: string; match: ReturnType<typeof matchIndicator> } | null = null;
      for (const [cs, ce] of splitClauses(clean, ss, se)) {
        const quantities = findQuantities(clean, folded, cs, ce);
        if (!quantities.length) continue;
        dropBaselinesOfChanges(folded, quantities);
        let previous: { unit: string; match: ReturnType<typeof matchIndicator> } | null = null;
        const firstOfClause = targets.length;
        quantities.forEach((q, i) => {
          const prev = quantities[i - 1];
          const next = quantities[i + 1];
          const segStart = prev ? boundary(clean, prev.end, q.start)[1] : cs;
          const segEnd = next ? boundary(clean, q.end, next.start)[0] : ce;
          const seg = oneLine(folded.slice(segStart, segEnd));
          const beforeQ = oneLine(folded.slice(segStart, q.start));
          const between = oneLine(folded.slice(prev ? prev.end : cs, q.start));
          const clauseBefore = oneLine(folded.slice(cs, q.start));
          // a past result or another government's figure is no target of this document
          if (isPast(beforeQ, between, clauseBefore, options.referenceYear)) return;
          if (isForeign(beforeQ, clauseBefore) || inForeignBrackets(folded, cs, q.start)) return;
          if (role === 'funding' && q.unit === 'amount' && q.comparator === '=') return;

          const [qs, qe] = trimQuote(clean, segStart, segEnd);
          if (qe <= qs) return;
          const quote = text.slice(qs, qe);
          const years = yearsIn(seg, options.referenceYear);
          const year = years[0] ?? sentenceYears[0] ?? heading ?? options.defaultYear;
          const subject = subjectOf(folded, q, segStart, segEnd);
          const own = levelsOf(seg, subject, q, sentenceTiers);
          // "Đối với cấp xã:" above a list sets the tier of figures that name none
          const levels = own.length ? own : headingTier ? [headingTier] : [];
          let match = matchIndicator({
            own: oneLine(seg),
            subject: oneLine(subject),
            context: oneLine(`${sentence} ${contextHeadings}`),
            unit: q.unit,
          });
          // "… ở cấp tỉnh đạt 95%, cấp huyện đạt 85%": a figure naming only its tier measures what the one before did;
          // past a ";" of the same sentence only when it names its own tier ("; 80% ở cấp huyện")
          const before = previous ?? (own.length ? sentencePrevious : null);
          if (!match && before?.match && before.unit === q.unit)
            match = {
              code: before.match.code,
              confidence: Math.round(before.match.confidence * 90) / 100,
            };
          previous = { unit: q.unit, match };
          sentencePrevious = previous;
          for (const level of levels.length ? levels : [null]) {
            targets.push({
              year,
              level,
              comparator: q.comparator,
              value: q.value,
              valueMax: q.valueMax,
              unit: q.unit,
              indicator: match?.code ?? null,
              confidence: match?.confidence ?? 0,
              quote,
              span: [qs, qe],
              section: section?.path ?? null,
              group: chain.find((c) => c.kind !== 'bullet')?.path ?? null,
              valueText: clean.slice(q.start, q.end).replace(/\s+/g, ' ').trim(),
              unitLabel: q.unitLabel,
              ownItem: segStart === cs && cs <= block.contentStart + 2,
            });
          }
        });
        // "100% cơ quan cấp tỉnh, 90% cấp huyện và 70% cấp xã sử dụng văn bản điện tử": the last names the measure
        for (let k = targets.length - 2; k >= firstOfClause; k--) {
          const t = targets[k] as Target;
          const next = targets[k + 1] as Target;
          if (!t.indicator && next.indicator && next.unit === t.unit) {
            t.indicator = next.indicator;
            t.confidence = Math.round(next.confidence * 90) / 100;
          }
        }
      }
    }
  }
}

/** The year the headings above a block (or the line leading into it) set, or null. */
function contextYear(layout: Layout, block: Layout['blocks'][number]): number | null {
  const { clean, folded, sections } = layout;
  let heading: number | null = null;
  for (const s of ancestors(sections, block.section)) {
    // an item's own words are its sentence, not a heading; "- Đến năm 2025:" is one
    const colon = /^\s*:/.test(clean.slice(s.headingSpan[1], s.headingSpan[1] + 3));
    if (s.kind === 'bullet' && !colon) continue;
    // a numbered item with nothing under it ("(3) Giảm … so với năm 2021") is a sentence too
    if (!colon && s.span[0] === block.start && s.span[1] <= block.end && s.headingSpan[1] >= block.end - 2)
      continue;
    heading = headingYear(folded.slice(s.contentStart, s.headingSpan[1]));
    if (heading !== null) break;
  }
  // a paragraph ending with ":" ("Đến năm 2025:") leads the items after it
  const leadIn = leadInOf(layout, block);
  if (leadIn) {
    const y = headingYear(folded.slice(leadIn.start, leadIn.end));
    if (y !== null) heading = y;
  }
  return heading;
}

const cellValue =
  /^(≥|>=|≤|<=|>|<|tren|toi thieu|it nhat|khong duoi|khoang|duoi|toi da|khong qua|top|nhom)?\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s*(%)?\s*(?:(?:-|–|den)\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s*%?)?\s*(tro len|tro xuong)?$/;
const cellComparators: Record<string, Comparator> = {
  '≥': '>=',
  '>=': '>=',
  '≤': '<=',
  '<=': '<=',
  '>': '>',
  '<': '<',
  tren: '>',
  'toi thieu': '>=',
  'it nhat': '>=',
  'khong duoi': '>=',
  khoang: '=',
  duoi: '<',
  'toi da': '<=',
  'khong qua': '<=',
  top: 'top',
  nhom: 'top',
};

/** The targets of an indicator table: one per row and year column with a figure. */
function tableTargets(
  layout: Layout,
  table: Table,
  columns: IndicatorColumns,
  options: TargetOptions,
): (Target & { ownItem: boolean; group: string | null })[] {
  const { sections, text } = layout;
  const section = table.section === null ? null : (sections[table.section] as Section);
  if (section && (section.role === 'situation' || section.role === 'viewpoints')) return [];
  const firstRow = layout.blocks[table.rows[0] as number] as Layout['blocks'][number];
  const headingYearOfTable = contextYear(layout, firstRow);
  const out: (Target & { ownItem: boolean; group: string | null })[] = [];
  for (const row of table.body) {
    const name = row[columns.name];
    if (!name || !/[a-z]{2}/.test(name.folded)) continue;
    const unitText = columns.unit === null ? '' : (row[columns.unit]?.folded ?? '');
    for (const { column, year } of columns.values) {
      const cell = row[column];
      const m = cell && cellValue.exec(cell.folded.replace(/\s+/g, ' ').trim());
      if (!cell || !m) continue;
      const first = parseVietnameseNumber((m[2] as string).replace(/^(\d+)\.(\d{1,2})$/, '$1,$2'));
      if (first === null) continue;
      const second = m[4]
        ? parseVietnameseNumber((m[4] as string).replace(/^(\d+)\.(\d{1,2})$/, '$1,$2'))
        : null;
      const rank =
        /hang|thu hang|xep hang/.test(unitText) ||
        /^(top|nhom)$/.test(m[1] ?? '') ||
        /xep hang|thu hang/.test(name.folded);
      const percent =
        !rank &&
        (Boolean(m[3]) || /%|phan tram/.test(unitText) || /^(ty le|ty trong|toc do)/.test(name.folded));
      let comparator: Comparator = m[1] ? (cellComparators[m[1] as string] ?? '=') : '=';
      if (m[5]) comparator = m[5] === 'tro len' ? '>=' : '<=';
      if (rank) comparator = 'top';
      const valueMax = second !== null && second > first ? second : null;
      if (valueMax !== null && !rank) comparator = 'range';
      const unit = rank ? 'rank' : percent ? 'percent' : unitText ? 'count' : 'other';
      const [qs, qe] = name.start < cell.start ? [name.start, cell.end] : [cell.start, name.end];
      const tiers = tiersIn(name.folded);
      const match = matchIndicator({
        own: name.folded,
        subject: name.folded.replace(/^(ty le|ty trong|so luong|so)\s+/, ''),
        context: oneLine(layout.folded.slice(section?.headingSpan[0] ?? 0, section?.headingSpan[1] ?? 0)),
        unit,
      });
      for (const level of tiers.length ? tiers : [null]) {
        out.push({
          year: year ?? headingYearOfTable ?? options.defaultYear,
          level,
          comparator,
          value: first,
          valueMax,
          unit,
          indicator: match?.code ?? null,
          confidence: match?.confidence ?? 0,
          quote: text.slice(qs, qe),
          span: [qs, qe],
          section: section?.path ?? null,
          valueText: text.slice(cell.start, cell.end),
          unitLabel:
            unit === 'percent'
              ? '%'
              : unitText
                ? text.slice(row[columns.unit as number]?.start ?? 0, row[columns.unit as number]?.end ?? 0)
                : null,
          ownItem: true,
          group: `${section?.path ?? ''}|table`,
        });
      }
    }
  }
  return out;
}

/** The tier a heading or lead-in line is about ("b) Cấp huyện", "Đối với cấp xã:"), or null. */
function contextTier(layout: Layout, block: Layout['blocks'][number]): Level | null {
  const { clean, folded, sections } = layout;
  const about = (text: string): Level | null => {
    const m = /^\s*(?:doi voi|o|tai)?\s*(?:uy ban nhan dan |ubnd )?cap (tinh|huyen|xa)\s*[:.]?\s*$/.exec(
      oneLine(text),
    );
    return m ? (m[1] === 'tinh' ? 'province' : m[1] === 'huyen' ? 'district' : 'commune') : null;
  };
  const leadIn = leadInOf(layout, block);
  if (leadIn) {
    const t = about(folded.slice(leadIn.start, leadIn.end));
    if (t) return t;
  }
  for (const s of ancestors(sections, block.section)) {
    const colon = /^\s*:/.test(clean.slice(s.headingSpan[1], s.headingSpan[1] + 3));
    if (s.kind === 'bullet' && !colon) continue;
    if (s.span[0] === block.start && !colon) continue;
    const t = about(folded.slice(s.contentStart, s.headingSpan[1]));
    if (t) return t;
    if (s.kind !== 'bullet') break;
  }
  return null;
}

/** The nearest paragraph before a block, in the same section, that ends with ":" and introduces it. */
function leadInOf(layout: Layout, block: Layout['blocks'][number]): Layout['blocks'][number] | null {
  const i = layout.blocks.indexOf(block);
  const own = block.section === null ? null : (layout.sections[block.section] as Section);
  const parentOfItem = own && own.kind === 'bullet' ? own.parent : block.section;
  for (let k = i - 1; k >= 0 && k >= i - 40; k--) {
    const b = layout.blocks[k] as Layout['blocks'][number];
    if (b.marker && b.marker.kind !== 'bullet') return null;
    if (b.marker) continue;
    if (b.section !== parentOfItem && b.section !== block.section) return null;
    return /:\s*$/.test(layout.clean.slice(b.start, b.end)) && b.end - b.start < 200 ? b : null;
  }
  return null;
}

/** "từ 50% lên 80%": the first figure is where it starts, not a target. */
function dropBaselinesOfChanges(folded: string, quantities: Quantity[]): void {
  for (let i = quantities.length - 2; i >= 0; i--) {
    const a = quantities[i] as Quantity;
    const b = quantities[i + 1] as Quantity;
    const between = folded.slice(a.end, b.start);
    if (
      /(?:^|[^a-z])tu\s*$/.test(folded.slice(a.start - 4, a.numberStart)) ||
      folded.slice(a.start, a.numberStart).trim() === 'tu'
    ) {
      if (/^[^;.]{0,60}?(?:len|thanh|toi)\s*(?:muc\s*)?$/.test(between)) quantities.splice(i, 1);
    }
  }
}

/** Where one figure's words end and the next one's begin: around the last ", " / " và " between them. */
function boundary(clean: string, from: number, to: number): [number, number] {
  const between = clean.slice(from, to);
  let cut: [number, number] | null = null;
  for (const m of between.matchAll(/,\s+|\s+(?:và|hoặc|cùng)\s+/gu))
    cut = [from + m.index, from + m.index + m[0].length];
  return cut ?? [to, to];
}

/** What a figure measures: the words after "90%", or before it ("Tỷ lệ … trên 50%"). */
function subjectOf(folded: string, q: Quantity, segStart: number, segEnd: number): string {
  const after = folded
    .slice(q.end, segEnd)
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:)\]/]*(?:nam\b|moi nam|hang nam)?[\s.,;:)]*/, '')
    .trim();
  if (q.unit === 'count')
    return `${q.unitLabel ? folded.slice(q.end - (q.unitLabel?.length ?? 0), q.end) : ''} ${after}`.trim();
  if (/[a-z]{2}/.test(after)) return after.replace(/^(cac|nhung)\s+/, '');
  return folded
    .slice(segStart, q.start)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(ty le|ty trong|so)\s+/, '');
}

function levelsOf(seg: string, subject: string, q: Quantity, sentenceTiers: Level[]): Level[] {
  if (q.per) return [q.per];
  const tiers = tiersIn(seg);
  if (tiers.length) return tiers;
  // "của tỉnh" is the province's own tier only where the sentence sets other tiers beside it
  if (sentenceTiers.some((t) => t !== 'province') && /(?:cua|tai|o) tinh(?![a-z])/.test(seg))
    return ['province'];
  if (/^(xa|phuong|thi tran|xa, phuong)(?![a-z])/.test(subject)) return ['commune'];
  if (/^(huyen|quan|thi xa)(?![a-z])/.test(subject) && q.unit === 'percent') return ['district'];
  // the departments of the province are the provincial tier
  if (/^(cac )?(co quan, don vi |co quan )?(so, ban, nganh|so, nganh|so ban nganh)(?![a-z])/.test(subject))
    return ['province'];
  return [];
}

function isPast(beforeQ: string, between: string, clauseBefore: string, refYear: number | null): boolean {
  if (/(?:xep|dung|vi)\s+(?:hang\s+)?(?:thu\s+)?(?:vi tri\s+)?(?:thu\s+)?\d+\s*\/\s*\d+/.test(beforeQ))
    return true;
  if (pastWords.test(clauseBefore) && !futureWords.test(clauseBefore)) return true;
  if (refYear !== null) {
    // "năm 2020 đạt 42,5%", "(năm 2020: 30%)": a year already past, right before the figure
    for (const m of between.matchAll(/(?:^|[^a-z])nam\s+(20\d\d|19\d\d)(?!\d)/g)) {
      const y = Number(m[1]);
      const pre = between.slice(Math.max(0, m.index - 14), m.index + 1);
      const post = between.slice(m.index + m[0].length);
      // "từ 30% năm 2020 lên 60%": the year is the start of a change, not of this figure
      if (/(?:^|[^a-z])(len|xuong|tang len|giam xuong)(?![a-z])/.test(post)) continue;
      if (/(den|toi|truoc|vao|het|so voi|tu|trong)\s*$/.test(pre)) continue;
      if (
        y < refYear ||
        (y === refYear &&
          /(?:^|[^a-z])(dat|xep|la|co)\s/.test(post.slice(0, 20)) &&
          !futureWords.test(between))
      )
        return true;
    }
  }
  return false;
}

/** Another government's figure: "cả nước phấn đấu…", "so với mục tiêu chung của quốc gia (30%)". */
function isForeign(beforeQ: string, clauseBefore: string): boolean {
  if (foreignScope.test(beforeQ)) return true;
  // a national aim stated at the head of the clause covers its figures until the province is named
  const national =
    /(?:ca nuoc|toan quoc|chinh phu|quoc gia)\s*(?:phan dau|dat muc tieu|de ra|dat ra|huong toi)|(?:chuong trinh|chien luoc|quyet dinh)[^;]{0,80}(?:dat|de ra|dat ra)\s+(?:muc tieu|chi tieu)/g;
  let last: RegExpExecArray | null = null;
  for (const m of clauseBefore.matchAll(national)) last = m;
  if (!last) return false;
  return !/(?:^|[^a-z])(tinh|thanh pho|dia phuong)(?![a-z])/.test(
    clauseBefore.slice(last.index + last[0].length),
  );
}

/** A figure inside brackets that quote another government: "(cả nước 25%)". */
function inForeignBrackets(folded: string, from: number, at: number): boolean {
  const open = folded.lastIndexOf('(', at);
  if (open < from || folded.indexOf(')', open) < at) return false;
  return /^\(\s*(ca nuoc|toan quoc|quoc gia|binh quan|trung binh|muc tieu (chung|quoc gia))/.test(
    folded.slice(open, at),
  );
}

/** One target per figure: a bullet the conversion printed twice keeps the first. */
function dedupe(targets: (Target & { ownItem: boolean; group: string | null })[]): Target[] {
  const seen = new Set<string>();
  const out: Target[] = [];
  for (const t of targets) {
    const key = [
      t.group,
      t.year,
      t.level,
      t.comparator,
      t.value,
      t.valueMax,
      t.unit,
      t.indicator ?? t.quote,
    ].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const { ownItem: _own, group: _group, ...target } = t;
    out.push(target);
  }
  return out;
}
