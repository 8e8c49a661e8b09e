/**
 * The document reader: Vietnamese policy documents (resolutions, plans,
 * outlines, templates, decisions) into structure, targets and tasks, each
 * linked to its words by a span into the text as read from the file.
 */
export { parseStructure } from './structure';
export type {
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
