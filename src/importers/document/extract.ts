/**
 * Bytes and a file name into the one canonical text of a document: plain
 * text and Markdown (UTF-8 with or without BOM, UTF-16 with BOM), DOCX
 * (mammoth's text, with Word's automatic numbering written in) and PDF with a text layer (pdfjs-dist, items joined
 * into lines and paragraphs). Anything else — an image, an empty file, a
 * huge blob, binary junk, a ZIP that is not a DOCX, a scanned PDF — is
 * refused with an AppError whose message says why, in Vietnamese and English.
 */
import { AppError } from '../../domain/errors';
import { docxText } from './docx';
import type { SourceFormat } from './types';

/** Largest file the reader accepts: policy documents are far below it. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** What the reader got out of a file. */
export interface ExtractedText {
  text: string;
  format: SourceFormat;
}

function startsWith(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

function imageKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return 'PNG';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'JPEG';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'GIF';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 26) return 'BMP';
  if (startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)) return 'TIFF';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'WebP';
  if (ascii(bytes, 4, 4) === 'ftyp' && /heic|heix|mif1|avif/.test(ascii(bytes, 8, 4))) return 'HEIC/AVIF';
  if (startsWith(bytes, 0x00, 0x00, 0x01, 0x00)) return 'ICO';
  if (/^\s*<svg[\s>]|^\s*<\?xml[^>]*>\s*<svg/i.test(ascii(bytes, 0, Math.min(bytes.length, 200))))
    return 'SVG';
  return null;
}

/** Names of the entries of a ZIP, read from its central directory records. */
function zipEntries(bytes: Uint8Array): string[] {
  const names: string[] = [];
  for (let i = 0; i + 46 < bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 0x01 || bytes[i + 3] !== 0x02)
      continue;
    const nameLength = (bytes[i + 28] as number) | ((bytes[i + 29] as number) << 8);
    names.push(ascii(bytes, i + 46, nameLength));
    i += 45 + nameLength;
  }
  return names;
}

/** Share of control bytes other than tab, CR, LF and form feed in the head of a file. */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) bad++;
  }
  return n ? bad / n : 0;
}

function refuse(
  code: string,
  params: Record<string, string | number> = {},
  status: 413 | 415 | 422 = 422,
): never {
  throw new AppError(code, { status, params });
}

function decodePlain(bytes: Uint8Array, fileName: string): ExtractedText {
  let text: string;
  if (startsWith(bytes, 0xff, 0xfe)) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, 0xfe, 0xff)) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (controlShare(bytes) > 0.01) refuse('reader.not_a_document', { fileName }, 415);
    const body = startsWith(bytes, 0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      refuse('reader.encoding', { fileName }, 415);
    }
  }
  text = text.normalize('NFC');
  if (!text.trim()) refuse('reader.empty_file', { fileName });
  if (!/\p{L}{2}/u.test(text)) refuse('reader.not_a_document', { fileName }, 415);
  return { text, format: /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text' };
}

async function readDocx(bytes: Uint8Array, fileName: string): Promise<ExtractedText> {
  let value: string;
  try {
    value = await docxText(bytes);
  } catch (e) {
    refuse('reader.docx_unreadable', { fileName, reason: (e as Error).message.slice(0, 200) });
  }
  const text = value.normalize('NFC').replace(/\n{3,}/g, '\n\n');
  if (!text.trim()) refuse('reader.empty_file', { fileName });
  return { text, format: 'docx' };
}

/** Sniffs the content (never only the extension) and extracts the text. */
export async function extractText(bytes: Uint8Array, fileName: string): Promise<ExtractedText> {
  if (bytes.length === 0) refuse('reader.empty_file', { fileName });
  if (bytes.length > MAX_DOCUMENT_BYTES)
    refuse(
      'reader.too_large',
      {
        fileName,
        sizeMb: Math.round((bytes.length / 1048576) * 10) / 10,
        maxMb: MAX_DOCUMENT_BYTES / 1048576,
      },
      413,
    );
  const image = imageKind(bytes);
  if (image) refuse('reader.image', { fileName, kind: image }, 415);
  const head = ascii(bytes, 0, Math.min(bytes.length, 1024));
  if (head.includes('%PDF-')) {
    const { readPdf } = await import('./pdf');
    return { text: await readPdf(bytes, fileName), format: 'pdf' };
  }
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    const entries = zipEntries(bytes);
    if (entries.includes('word/document.xml')) return readDocx(bytes, fileName);
    const kind = entries.some((e) => e.startsWith('xl/'))
      ? 'XLSX'
      : entries.some((e) => e.startsWith('ppt/'))
        ? 'PPTX'
        : entries.includes('content.xml')
          ? 'ODF'
          : 'ZIP';
    refuse('reader.zip_not_docx', { fileName, kind }, 415);
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) refuse('reader.legacy_office', { fileName }, 415);
  if (head.startsWith('{\\rtf')) refuse('reader.unsupported_format', { fileName, kind: 'RTF' }, 415);
  if (startsWith(bytes, 0x1f, 0x8b) || head.startsWith('7z\xbc\xaf') || head.startsWith('Rar!'))
    refuse('reader.unsupported_format', { fileName, kind: 'archive' }, 415);
  return decodePlain(bytes, fileName);
}
