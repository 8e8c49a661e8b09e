/**
 * The reader's own types: richer than the JSON contract of
 * `nhipso document read --json` (src/contracts/document-read.ts), which is
 * derived from them by `toReadResult`.
 */
import type { ReadDocumentInfo, ReadTarget, ReadTask } from '../../contracts/document-read';

/** How a section is numbered. */
export type SectionKind =
  | 'part' // PHẦN I, Phần thứ nhất
  | 'chapter' // Chương I
  | 'item' // Mục 1
  | 'article' // Điều 1
  | 'roman' // I. / II- / III:
  | 'arabic' // 1. / 1.1. / 1.1.1
  | 'letter' // a) / b.
  | 'ordinal' // Một là / Thứ nhất
  | 'bullet'; // - + * •

/** What a part of a policy document is for, from its heading. */
export type SectionRole =
  | 'situation' // tình hình, đánh giá, mục đích: past results, never targets
  | 'viewpoints' // quan điểm
  | 'objectives' // mục tiêu, chỉ tiêu
  | 'tasks' // nhiệm vụ, giải pháp
  | 'funding' // kinh phí
  | 'implementation'; // tổ chức thực hiện

/** A numbered section (or list item) of a document. */
export interface Section {
  /** Position in the `sections` array. */
  index: number;
  /** Index of the enclosing section, null at the top. */
  parent: number | null;
  /** Numbering as written: `II.`, `1.1.`, `a)`, `Một là`, `-`. */
  label: string;
  /** Parent numbers joined with "." (`II.5.1`, `III.1`); list items get `-n` (`II.1-3`). */
  path: string;
  /** The heading (or the first sentence of a list item), cleaned of Markdown. */
  heading: string;
  /** 0 at the top. */
  depth: number;
  kind: SectionKind;
  /** Own or inherited role; null where the document does not say. */
  role: SectionRole | null;
  /** [start, end) of the whole section, label to last descendant, in the text. */
  span: [number, number];
  /** [start, end) of the label and heading. */
  headingSpan: [number, number];
  /** Where the section's own content starts (after the label). */
  contentStart: number;
}

/** A document cited by number in the text. */
export interface Citation {
  /** Number and symbol as normalised: `749/QĐ-TTg`, `09-NQ/TU`. */
  number: string;
  kind: ReadDocumentInfo['kind'] | null;
  /** `implements` after "thực hiện / triển khai / cụ thể hóa", `basis` after "căn cứ". */
  role: 'implements' | 'basis' | 'mentions';
  span: [number, number];
}

/** The reader's view of the document's identity. */
export interface DocumentInfo extends ReadDocumentInfo {
  /** Years the document aims at, e.g. [2025, 2030]. */
  horizonYears: number[];
  /** Numbers of the documents it cites (`749/QĐ-TTg`, `52-NQ/TW`), in order of first mention. */
  cites: string[];
  /** The same, with the kind of each and why it is cited. */
  citations: Citation[];
}

/** A proposed target with where it sits. */
export interface Target extends ReadTarget {
  /** Path of the section holding it, null before the first section. */
  section: string | null;
  /** The quantity as written (`trên 80%`, `08 - 10%`), for display. */
  valueText: string;
  /** The noun of a count (`doanh nghiệp`) or the currency of an amount. */
  unitLabel: string | null;
}

/** Pillars of the national DX program. */
export type Pillar = 'government' | 'economy' | 'society' | 'foundation';

/** A proposed task group (a numbered section of tasks) or task (an item of one). */
export interface Task extends ReadTask {
  kind: 'group' | 'task';
  /** Index in `tasks` of the group a task belongs to; null for groups at the top. */
  parent: number | null;
  /** Index of the section the task is (or sits in). */
  sectionIndex: number;
  /** Lead and cooperating units as written in the document. */
  leadMentions: string[];
  cooperatingMentions: string[];
  /** The words the deadline came from. */
  deadlineText: string | null;
  pillar: Pillar | null;
  sectors: string[];
  /** `pillar:government`, `sector:health`… */
  tags: string[];
}

/** Formats the reader understands. */
export type SourceFormat = 'text' | 'markdown' | 'docx' | 'pdf';

/** Everything the reader gets out of one document. */
export interface ReaderResult {
  /** The canonical text: every span indexes into it. */
  text: string;
  format: SourceFormat;
  document: DocumentInfo;
  sections: Section[];
  targets: Target[];
  tasks: Task[];
}
