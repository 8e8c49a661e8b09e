/**
 * The document reader as the document services use it: one place that knows
 * the reader's entry points, so the rest of the area depends on its result
 * type only.
 */
import {
  classifyIndicator,
  READER_VERSION,
  type ReaderResult,
  readDocumentFile,
} from '../importers/document';

/** Reads an uploaded file (TXT/MD, DOCX, PDF); a file that is not a document is refused by the reader. */
export async function readUploadedDocument(bytes: Uint8Array, fileName: string): Promise<ReaderResult> {
  return readDocumentFile(bytes, fileName);
}

/** The version of the reader, recorded with each document it read. */
export function readerVersion(): string {
  return READER_VERSION;
}

/**
 * The catalog indicators a phrase names ("tỷ lệ hồ sơ công việc … xử lý trên
 * môi trường mạng" → GOV.WORKFILE_ONLINE), by the reader's classifier.
 */
export function classifyIndicatorPhrase(phrase: string): string[] {
  return classifyIndicator(phrase);
}
