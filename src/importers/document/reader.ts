/**
 * The reader's entry points: a text (or a file) in, the document's identity,
 * sections, targets and tasks out — pure, synchronous for text, fast (a
 * 40 KB document well under 200 ms; see `npm run bench`).
 */
import type { ReadResult } from '../../contracts/document-read';
import { extractText } from './extract';
import { readDocumentInfo } from './metadata';
import { parseLayout } from './structure';
import { extractTargets } from './targets';
import { extractTasks } from './tasks';
import type { DocumentInfo, ReaderResult, SourceFormat } from './types';

/** Bumped whenever the reader reads the same text differently. */
export const READER_VERSION = '1.1.0';

/** What a caller may tell the reader about a text. */
export interface ReadOptions {
  /** How the text was obtained; `text` by default. */
  format?: SourceFormat;
  /** Used only to tell Markdown from plain text. */
  fileName?: string;
}

function referenceYear(info: DocumentInfo, text: string): number | null {
  if (info.date) return Number(info.date.slice(0, 4));
  // a plan "giai đoạn 2021 - 2025" is written at the start of its period
  const period = /giai đoạn\s+(20\d\d)\s*[-–]\s*20\d\d/iu.exec(`${info.title}\n${text.slice(0, 1500)}`);
  return period ? Number(period[1]) : null;
}

function defaultYear(info: DocumentInfo): number | null {
  // "Kế hoạch chuyển đổi số năm 2024": targets that name no year are that year's
  const years = [...info.title.matchAll(/năm\s+(20\d\d)/giu)].map((m) => Number(m[1]));
  if (years.length === 1 && !/(đến|tới|giai đoạn|định hướng|tầm nhìn)/iu.test(info.title))
    return years[0] as number;
  return null;
}

/**
 * Reads a document's text. Every span in the result indexes into `text` as
 * given (JavaScript string indices).
 * @example readDocumentText('I. MỤC TIÊU\n- 90% hồ sơ công việc cấp tỉnh …').targets[0].value // 90
 */
export function readDocumentText(text: string, options: ReadOptions = {}): ReaderResult {
  const layout = parseLayout(text);
  const document = readDocumentInfo(layout);
  const dy = defaultYear(document);
  if (dy !== null && !document.horizonYears.includes(dy)) document.horizonYears = [dy];
  const targets = extractTargets(layout, {
    referenceYear: referenceYear(document, text),
    defaultYear: dy,
  });
  const tasks = extractTasks(layout);
  const format = options.format ?? (/\.(md|markdown)$/i.test(options.fileName ?? '') ? 'markdown' : 'text');
  return { text, format, document, sections: layout.sections, targets, tasks };
}

/**
 * Reads a file: TXT/Markdown, DOCX or PDF with a text layer. A file that is
 * not a document is refused with an AppError (`reader.*`) whose message says
 * why in Vietnamese and English.
 */
export async function readDocumentFile(bytes: Uint8Array, fileName: string): Promise<ReaderResult> {
  const { text, format } = await extractText(bytes, fileName);
  return readDocumentText(text, { format, fileName });
}

/** The JSON of `nhipso document read --json`: exactly the shape of `readResultSchema`. */
export function toReadResult(result: ReaderResult): ReadResult {
  const { kind, number, issuer, date, province, title } = result.document;
  return {
    document: { kind, number, issuer, date, province, title },
    targets: result.targets.map((t) => ({
      year: t.year,
      level: t.level,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax,
      unit: t.unit,
      indicator: t.indicator,
      confidence: t.confidence,
      quote: t.quote,
      span: t.span,
    })),
    tasks: result.tasks.map((t) => ({
      section: t.section,
      title: t.title,
      text: t.text,
      leads: t.leads,
      cooperating: t.cooperating,
      deadline: t.deadline,
      span: t.span,
    })),
  };
}
