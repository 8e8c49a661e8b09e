/**
 * The document reader for commands and routes that only read (no database):
 * `nhipso document read`. Storing documents is the document services' work.
 */
import type { ReadResult } from '../contracts/document-read';
import { type ReaderResult, readDocumentFile, toReadResult } from '../importers/document/index';

/** Reads a file with the reader; refuses a file that is not a document with an AppError `reader.*`. */
export async function readPolicyDocument(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ result: ReaderResult; json: ReadResult }> {
  const result = await readDocumentFile(bytes, fileName);
  return { result, json: toReadResult(result) };
}
