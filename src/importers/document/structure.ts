/**
 * The structure of a Vietnamese policy document: paragraphs ("blocks") and
 * the tree of numbered sections, as such documents number them — `I.`/`II-`,
 * `1.`, `1.1.`, `a)`, "Một là", "Thứ nhất", `PHẦN`, `Mục`, `Điều`, and list
 * bullets `-`, `+`, `*`, `•`. Works on the clean view of the text (same
 * length as the text), so every span is an index into the text as read.
 */
import {
  type CleanText,
  capitalize,
  cleanText,
  foldKeepLength,
  ORDINAL_WORDS,
  romanToNumber,
  squash,
} from './text';
import type { Section, SectionKind, SectionRole } from './types';

/** The numbering that opens a block. */
export interface Marker {
  kind: SectionKind;
  /** Groups siblings: `roman`, `arabic2`, `letter`, `bullet:-:0`… */
  style: string;
  /** As written, trimmed: `II.`, `1.1.`, `a)`, `Một là`, `-`. */
  label: string;
  /** Path component: `II`, `1.1`, `a`, `3`; empty for bullets. */
  key: string;
  /** Numeric parts of an arabic label. */
  parts: number[];
  /** Where the label starts and the content after it starts. */
  start: number;
  contentStart: number;
}

/** A paragraph: one or more lines, possibly opened by a marker. */
export interface Block {
  start: number;
  end: number;
  contentStart: number;
  marker: Marker | null;
  /** End of a `**strong**` run that opens the content, if any. */
  strongEnd: number | null;
  /** Part of the closing matter (Nơi nhận, recipients, signature). */
  endMatter: boolean;
  /** Index of the innermost section holding (or opened by) this block. */
  section: number | null;
  /** A row of a pipe table (`| 1 | Tỷ lệ … | % | 80 |`); `rule` for its `|---|` line. */
  row?: 'cells' | 'rule';
}

/** The parsed layout of a document, shared by every stage of the reader. */
export interface Layout {
  text: string;
  clean: string;
  folded: string;
  blocks: Block[];
  sections: Section[];
}

// dashes and the bullets Word and PDF exports leave, Symbol-font ones included ()
const BULLET_CHARS = '-+•–—●○▪■◦·*‣⁃➢➤►✓∙\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8';
const bulletRe = new RegExp(`^([${BULLET_CHARS.replace('-', '\\-')}])[ \\t]+(?=\\S)`);
const bulletTightRe = /^([-+•])(?=[A-ZĐÀ-Ỹ])/u;
const romanRe = /^([IVXLC]{1,6})[ \t]*([.\-–:)])[ \t]*(?=\S)/;
// "1.", "1.1.", "2.3", "1)" and the Party style "1-"; never "3.000", "100%", "2025"
const arabicRe = /^(\d{1,2}(?:\.\d{1,2}){0,4})(\.?)(\)|\/|[ \t]?[-–](?=[ \t]))?[ \t]+(?=[^\s\d%])/;
const letterRe = /^([a-zđ])[ \t]*([).])[ \t]+(?=\S)/;
// "(1) …", "(a) …"
const parenRe = /^\((\d{1,2}|[a-zđ])\)[ \t]*(?=\S)/;
const partRe =
  /^(PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục|ĐIỀU|Điều)[ \t]+(thứ[ \t]+[^\s.:,-]+|THỨ[ \t]+[^\s.:,-]+|[IVXLC]+|\d{1,3})(?=[\s.:\-–]|$)[ \t]*[.:\-–]?[ \t]*/u;
const ordinalLaRe =
  /^(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười(?:[ \t]+(?:một|hai|ba|bốn|lăm))?)[ \t]+là(?=[\s,:.]|$)[ \t]*[,:.]?[ \t]*/iu;
const ordinalThuRe = /^(Thứ)[ \t]+(nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)[ \t]*[,:.][ \t]*/iu;

const ordinalWordNumber: Record<string, number> = {
  nhat: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
};

function foldWord(word: string): string {
  return foldKeepLength(word).replace(/\s+/g, ' ').trim();
}

/**
 * Recognises the numbering at `at` in the clean text (a line's first
 * non-space character); null for an ordinary paragraph.
 */
export function readMarker(clean: string, at: number, lineEnd: number, indent: number): Marker | null {
  let line = clean.slice(at, lineEnd);
  let offset = at;
  // "- + item", "- c) heading": a doubled bullet left by conversion
  const doubled =
    /^[-•*][ \t]+(?=(?:[-+•*][ \t])|(?:[a-zđ][ \t]*\)[ \t])|(?:\d{1,2}(?:\.\d{1,2})*\.[ \t]))/u.exec(line);
  if (doubled) {
    offset += doubled[0].length;
    line = line.slice(doubled[0].length);
  }
  const make = (
    kind: SectionKind,
    style: string,
    label: string,
    key: string,
    length: number,
    parts: number[] = [],
  ): Marker => ({
    kind,
    style,
    label: label.trim(),
    key,
    parts,
    start: offset,
    contentStart: offset + length,
  });

  let m = partRe.exec(line);
  if (m) {
    const word = (m[1] as string).toLowerCase();
    const kind: SectionKind =
      word === 'phần' ? 'part' : word === 'chương' ? 'chapter' : word === 'mục' ? 'item' : 'article';
    const raw = m[2] as string;
    const n = /^\d+$/.test(raw)
      ? Number(raw)
      : (romanToNumber(raw) ?? ordinalWordNumber[foldWord(raw.replace(/^(thứ|THỨ)\s+/u, ''))] ?? null);
    // "Mục tiêu", "Phần này": the word must be followed by a number
    if (n !== null) {
      const key = /^[IVXLC]+$/.test(raw) ? raw : String(n);
      return make(kind, kind, m[0], key, m[0].length);
    }
  }
  m = romanRe.exec(line);
  if (m && romanToNumber(m[1] as string) !== null) {
    // "V/v", "C-" in names: a Roman section needs a letter or quote after it
    const rest = line.slice(m[0].length);
    if (/^[\p{Lu}“"(]/u.test(rest)) return make('roman', 'roman', m[0], m[1] as string, m[0].length);
  }
  m = arabicRe.exec(line);
  if (m) {
    const number = m[1] as string;
    const parts = number.split('.').map(Number);
    const hasPunct = (m[2] as string) !== '' || (m[3] as string) !== '';
    if ((parts.length > 1 || hasPunct) && parts.every((p) => p > 0 || parts.length > 1)) {
      return make('arabic', `arabic${parts.length}`, m[0], number, m[0].length, parts);
    }
  }
  m = letterRe.exec(line);
  if (m) return make('letter', 'letter', m[0], m[1] as string, m[0].length);
  m = parenRe.exec(line);
  if (m) {
    const key = m[1] as string;
    return make('letter', /\d/.test(key) ? 'paren-number' : 'paren-letter', m[0], key, m[0].length);
  }
  m = ordinalLaRe.exec(line);
  if (m) {
    const n = ORDINAL_WORDS[foldWord(m[1] as string)];
    if (n) return make('ordinal', 'ordinal-la', m[0].replace(/[,:.\s]+$/u, ''), String(n), m[0].length);
  }
  m = ordinalThuRe.exec(line);
  if (m) {
    const n = ordinalWordNumber[foldWord(m[2] as string)];
    if (n) return make('ordinal', 'ordinal-thu', m[0].replace(/[,:.\s]+$/u, ''), String(n), m[0].length);
  }
  m = bulletRe.exec(line) ?? bulletTightRe.exec(line);
  if (m) {
    const ch =
      m[1] === '–' || m[1] === '—'
        ? '-'
        : /[\uf000-\uf0ff•●▪■‣⁃➢➤►✓∙·]/u.test(m[1] as string)
          ? '•'
          : (m[1] as string);
    const level = Math.min(4, Math.floor(indent / 2));
    return make('bullet', `bullet:${ch}:${level}`, ch, '', m[0].length);
  }
  return null;
}

const terminal = /[.;:!?…]["”’)\]]*$/u;

/** Splits the clean text into blocks (paragraphs and list items). */
export function splitBlocks(clean: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let prevLineLength = 0;
  let prevLineTerminal = true;
  let lineStart = 0;
  while (lineStart <= clean.length) {
    let lineEnd = clean.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = clean.length;
    let s = lineStart;
    while (s < lineEnd && /\s/.test(clean[s] as string)) s++;
    let e = lineEnd;
    while (e > s && /\s/.test(clean[e - 1] as string)) e--;
    if (s >= e) {
      current = null;
      prevLineTerminal = true;
      prevLineLength = 0;
    } else {
      const indent = s - lineStart;
      const line = clean.slice(s, e);
      // a table row is a block of its own
      if (line.startsWith('|') && (line.match(/\|/g) ?? []).length >= 3) {
        blocks.push({
          start: s,
          end: e,
          contentStart: s,
          marker: null,
          strongEnd: null,
          endMatter: false,
          section: null,
          row: /^[|:\-\s]+$/.test(line) ? 'rule' : 'cells',
        });
        current = null;
        prevLineTerminal = true;
        prevLineLength = 0;
        lineStart = lineEnd + 1;
        continue;
      }
      let marker = readMarker(clean, s, e, indent);
      // "… phát triển kinh tế\n- xã hội": a hyphen that a line break put first, not a bullet
      if (
        marker?.kind === 'bullet' &&
        current !== null &&
        !prevLineTerminal &&
        prevLineLength >= 60 &&
        /^[\p{Ll}]/u.test(clean.slice(marker.contentStart, marker.contentStart + 1))
      )
        marker = null;
      const startsLower = /^[\p{Ll}]/u.test(clean.slice(s, s + 1));
      const continues =
        current !== null && !marker && !prevLineTerminal && (startsLower || prevLineLength >= 60);
      if (continues && current) {
        current.end = e;
      } else {
        current = {
          start: s,
          end: e,
          contentStart: marker ? marker.contentStart : s,
          marker,
          strongEnd: null,
          endMatter: false,
          section: null,
        };
        blocks.push(current);
      }
      prevLineTerminal = terminal.test(clean.slice(Math.max(s, e - 4), e));
      prevLineLength = e - s;
    }
    lineStart = lineEnd + 1;
  }
  return mergeBrokenParagraphs(clean, blocks);
}

/** Joins a paragraph cut by a page break: no final punctuation, next starts in lower case. */
function mergeBrokenParagraphs(clean: string, blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (
      prev &&
      !block.marker &&
      !block.row &&
      !prev.row &&
      /^[\p{Ll}]/u.test(clean.slice(block.start, block.start + 1)) &&
      !terminal.test(clean.slice(Math.max(prev.start, prev.end - 4), prev.end)) &&
      prev.end - prev.contentStart > 30
    ) {
      prev.end = block.end;
      continue;
    }
    out.push(block);
  }
  return out;
}

/** A strong run that opens the block (possibly with its label inside it). */
function openingStrong(ranges: [number, number][], block: Block): [number, number] | null {
  for (const r of ranges)
    if (r[0] >= block.start - 3 && r[0] <= block.contentStart + 2 && r[1] > block.contentStart) return r;
  return null;
}

const endMatterStart = /^(nơi nhận|noi nhan)\s*:?/iu;
const signatureLine =
  /^(t\/m|tm\.?|kt\.?|t\/l|tl\.?|q\.|ttl\.?)\s|^(bí thư|chủ tịch|phó chủ tịch|chánh văn phòng|giám đốc|sao y bản chính)\b/iu;

/** Marks the closing matter: "Nơi nhận" with its list, and signature lines. */
function markEndMatter(text: string, blocks: Block[]): void {
  let inRecipients = false;
  for (const block of blocks) {
    const line = text.slice(block.start, Math.min(block.end, block.start + 60)).trim();
    if (endMatterStart.test(line)) {
      block.endMatter = true;
      inRecipients = true;
      continue;
    }
    if (inRecipients && (block.marker?.kind === 'bullet' || block.end - block.start < 40)) {
      block.endMatter = true;
      continue;
    }
    inRecipients = false;
    if (!block.marker && signatureLine.test(line) && block.end - block.start < 80) block.endMatter = true;
  }
}

const rankOf: Record<string, number> = { part: 0, chapter: 1, item: 2, roman: 2, article: 3 };
const closesLower = new Set(['part', 'chapter', 'item', 'roman', 'article']);

/** Start of the line holding `at`, skipping no indentation: a paragraph starts at its line's start when not indented. */
function lineStartOf(clean: string, at: number): number {
  const nl = clean.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]{2,}/.test(clean.slice(nl, at)) ? -1 : at;
}

function isPrefix(prefix: number[], parts: number[]): boolean {
  return prefix.length < parts.length && prefix.every((p, i) => p === parts[i]);
}

function styleRank(marker: Marker): number {
  if (marker.kind in rankOf) return rankOf[marker.kind] as number;
  if (marker.kind === 'ordinal') return 4;
  if (marker.kind === 'arabic') return 4 + marker.parts.length;
  if (marker.kind === 'letter') return marker.style.startsWith('paren') ? 11 : 10;
  return 20;
}

/** The heading of a section: a strong run, the words before a colon, or the first sentence. */
function headingEnd(clean: string, block: Block): number {
  const from = block.contentStart;
  const to = block.end;
  if (block.strongEnd !== null && block.strongEnd > from) {
    let e = Math.min(block.strongEnd, to);
    while (e > from && /[\s:.]/.test(clean[e - 1] as string)) e--;
    if (e > from) return e;
  }
  const slice = clean.slice(from, to);
  const colon = slice.search(/:(\s|$)/);
  if (colon > 0 && colon < 160) return from + colon;
  // a short block is all heading; a long one is headed by its first sentence
  if (to - from <= 200) {
    let e = to;
    while (e > from && /[\s.;:]/.test(clean[e - 1] as string)) e--;
    return e;
  }
  const sentence = slice.search(/[.;](\s+[\p{Lu}“"(]|\s*$)/u);
  let e = sentence > 0 ? from + sentence : to;
  if (e - from > 300) {
    e = from + 300;
    while (e > from + 200 && clean[e] !== ' ') e--;
  }
  return e;
}

const partHeading = /^(?:cac |mot so |nhung )?/;

/** What a heading says the section is for; top-level headings may name it anywhere. */
export function roleOfHeading(folded: string, topLevel: boolean): SectionRole | null {
  const h = folded.replace(partHeading, '');
  if (/^(to chuc thuc hien|to chuc trien khai|trach nhiem|phan cong)/.test(h)) return 'implementation';
  if (/^(kinh phi|nguon kinh phi|nguon von|du toan)/.test(h)) return 'funding';
  if (
    /^(nhiem vu|giai phap|noi dung (thuc hien|trien khai|chu yeu|trong tam|nhiem vu)|linh vuc (can )?uu tien)/.test(
      h,
    )
  )
    return 'tasks';
  if (/^(muc tieu|chi tieu)/.test(h)) return 'objectives';
  if (/^quan diem/.test(h)) return topLevel && /muc tieu|chi tieu/.test(h) ? 'objectives' : 'viewpoints';
  if (
    /^(tinh hinh|danh gia|thuc trang|ket qua|su can thiet|muc dich|can cu|boi canh|co so (phap ly|thuc tien|xay dung))/.test(
      h,
    )
  )
    return 'situation';
  if (!topLevel) return null;
  // "II. NỘI DUNG" of a plan is what it will do; parts inside it still name their own role
  if (/^noi dung(\s|$)/.test(h) && !/muc tieu|quan diem/.test(h)) return 'tasks';
  // a part heading may name several things ("QUAN ĐIỂM VÀ MỤC TIÊU"): the
  // first one named wins, but objectives beat viewpoints so targets are read
  const found: [number, SectionRole][] = [];
  const add = (re: RegExp, role: SectionRole) => {
    const at = h.search(re);
    if (at >= 0) found.push([at, role]);
  };
  add(/to chuc thuc hien/, 'implementation');
  add(/nhiem vu|giai phap/, 'tasks');
  add(/muc tieu|chi tieu/, 'objectives');
  add(/kinh phi/, 'funding');
  add(/tinh hinh|thuc trang|danh gia/, 'situation');
  found.sort((a, b) => a[0] - b[0]);
  return found[0]?.[1] ?? null;
}

/** Builds the section tree from the blocks. */
function buildSections(clean: string, folded: string, blocks: Block[]): Section[] {
  const sections: Section[] = [];
  const stack: { section: Section; marker: Marker; rank: number }[] = [];
  const lastBlockOf: number[] = [];
  const bulletCounts = new Map<string, number>();
  const lastLetter = new Map<string, string>();

  const close = (count: number) => {
    stack.splice(stack.length - count, count);
  };
  blocks.forEach((block, blockIndex) => {
    if (block.endMatter) {
      // the closing matter ends every open section
      stack.length = 0;
      return;
    }
    const marker = block.marker;
    if (!marker) {
      // a paragraph in capitals or sentence case after a list ends the list ("Đến năm 2030:")
      if (
        /^[\p{Lu}“"(]/u.test(clean.slice(block.start, block.start + 1)) &&
        block.start === lineStartOf(clean, block.start)
      )
        while (stack.length && (stack[stack.length - 1] as { marker: Marker }).marker.kind === 'bullet')
          close(1);
      const top = stack[stack.length - 1];
      block.section = top ? top.section.index : null;
      if (top) for (const s of stack) lastBlockOf[s.section.index] = blockIndex;
      return;
    }
    const rank = styleRank(marker);
    if (marker.kind === 'bullet') {
      const same = stack.findLastIndex((s) => s.marker.style === marker.style);
      if (same >= 0) close(stack.length - same);
    } else {
      while (stack.length && (stack[stack.length - 1] as { marker: Marker }).marker.kind === 'bullet')
        close(1);
      // the same style, or another style of the same rank ("Một là" after "Thứ nhất"), is a sibling
      const same = stack.findLastIndex((s) => s.marker.style === marker.style || s.rank === rank);
      if (same >= 0) close(stack.length - same);
      else if (marker.kind === 'arabic')
        // "2.1" closes "1." and "1.3": only a prefix ("2.") may hold it
        while (
          stack.length &&
          (stack[stack.length - 1] as { marker: Marker }).marker.kind === 'arabic' &&
          !isPrefix((stack[stack.length - 1] as { marker: Marker }).marker.parts, marker.parts)
        )
          close(1);
      else if (closesLower.has(marker.kind))
        while (stack.length && (stack[stack.length - 1] as { rank: number }).rank >= rank) close(1);
    }
    const parentEntry = stack[stack.length - 1];
    const parent = parentEntry ? parentEntry.section : null;
    let component = marker.key;
    let path: string;
    if (marker.kind === 'arabic') {
      const prefixAncestor = [...stack]
        .reverse()
        .find(
          (s) =>
            s.marker.kind === 'arabic' &&
            s.marker.parts.length < marker.parts.length &&
            s.marker.parts.every((p, i) => p === marker.parts[i]),
        );
      if (prefixAncestor) {
        component = marker.parts.slice(prefixAncestor.marker.parts.length).join('.');
        path = `${prefixAncestor.section.path}.${component}`;
      } else path = parent ? `${parent.path}.${component}` : component;
    } else if (marker.kind === 'bullet') {
      const key = `${parent?.index ?? -1}|${marker.style}`;
      const n = (bulletCounts.get(key) ?? 0) + 1;
      bulletCounts.set(key, n);
      path = `${parent ? parent.path : ''}-${n}`;
    } else {
      if (marker.kind === 'letter') {
        // a second "d)" is an "đ)" that lost its stroke in conversion (a, b, c, d, đ, e…)
        const key = `${parent?.index ?? -1}`;
        if (component === 'd' && lastLetter.get(key) === 'd') component = 'đ';
        lastLetter.set(key, component);
      }
      path = parent ? `${parent.path}.${component}` : component;
    }
    const hEnd = headingEnd(clean, block);
    let heading = squash(clean.slice(block.contentStart, hEnd));
    if (marker.kind === 'ordinal') heading = capitalize(heading);
    const topLevel = closesLower.has(marker.kind) || stack.length === 0;
    const ownRole =
      marker.kind === 'bullet'
        ? null
        : roleOfHeading(folded.slice(block.contentStart, hEnd).replace(/\s+/g, ' ').trim(), topLevel);
    const section: Section = {
      index: sections.length,
      parent: parent ? parent.index : null,
      label: marker.label,
      path,
      heading,
      depth: stack.length,
      kind: marker.kind,
      role: ownRole ?? parent?.role ?? null,
      span: [block.start, block.end],
      headingSpan: [block.start, hEnd],
      contentStart: block.contentStart,
    };
    sections.push(section);
    stack.push({ section, marker, rank });
    block.section = section.index;
    for (const s of stack) lastBlockOf[s.section.index] = blockIndex;
  });
  for (const section of sections) {
    const last = blocks[lastBlockOf[section.index] ?? -1];
    if (last) section.span = [section.span[0], Math.max(section.span[1], last.end)];
  }
  return sections;
}

/** Parses the layout of a document: clean view, blocks and sections. */
export function parseLayout(text: string, cleaned: CleanText = cleanText(text)): Layout {
  let clean = cleaned.clean;
  if (cleaned.footnotes.length) {
    const chars = clean.split('');
    for (const [s, e] of cleaned.footnotes) for (let i = s; i < e; i++) chars[i] = ' ';
    clean = chars.join('');
  }
  const folded = foldKeepLength(clean);
  const blocks = splitBlocks(clean);
  for (const block of blocks) {
    const strong = openingStrong(cleaned.strong, block);
    if (strong) block.strongEnd = strong[1];
  }
  markEndMatter(clean, blocks);
  const sections = buildSections(clean, folded, blocks);
  return { text, clean, folded, blocks, sections };
}

/**
 * The sections of a document: numbering as Vietnamese documents write it,
 * with label, path (`II.5.1`; "Một là" under III is `III.1`; list items
 * `II.1-3`), heading, depth, role and spans into `text`.
 * @example parseStructure('I. MỤC TIÊU\n1. Mục tiêu chung\n...')[1].path // "I.1"
 */
export function parseStructure(text: string): Section[] {
  return parseLayout(text).sections;
}
