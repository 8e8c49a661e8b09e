/**
 * The document reader: Vietnamese policy documents (resolutions, plans,
 * outlines, templates, decisions) into structure, targets and tasks, each
 * linked to its words by a span into the text as read from the file.
 *
 * - `readDocumentFile(bytes, fileName)` — TXT/Markdown, DOCX, PDF with a text
 *   layer; anything else is refused with an AppError `reader.*`.
 * - `readDocumentText(text)` — the same from a text already in hand.
 * - `parseStructure(text)` — only the sections.
 * - `toReadResult(result)` — the JSON contract of `nhipso document read --json`.
 * - `classifyIndicator(phrase)` — catalog codes a phrase names, best first.
 * - `canonicalUnit(mention)` — the canonical name of a provincial body as written.
 *
 * See docs/document-json.md for the shape and the conventions.
 */
import { foldKeepLength } from './text';
import { canonicalUnitName } from './unit-aliases';

export { MAX_DOCUMENT_BYTES } from './extract';
export { classifyIndicator } from './indicator-match';
export { READER_VERSION, type ReadOptions, readDocumentFile, readDocumentText, toReadResult } from './reader';
export { parseStructure } from './structure';
export type {
  Citation,
  DocumentInfo,
  Pillar,
  ReaderResult,
  Section,
  SectionKind,
  SectionRole,
  SourceFormat,
  Target,
  Task,
} from './types';
export { UNIT_ALIASES, type UnitAlias } from './unit-aliases';

/**
 * The canonical name of a provincial body as a document writes it, or null
 * when it is not one the reader knows.
 * @example canonicalUnit('Sở TT&TT') // "Sở Thông tin và Truyền thông"
 */
export function canonicalUnit(mention: string): string | null {
  return canonicalUnitName(mention, foldKeepLength);
}
