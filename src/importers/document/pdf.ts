/**
 * The text layer of a PDF, with pdfjs-dist's legacy build (the one meant for
 * Node): text items joined into lines by their baseline, lines into
 * paragraphs by the space between them, page numbers left out. A PDF with no
 * text layer (a scan) is refused: the reader does not do OCR.
 */
import { AppError } from '../../domain/errors';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  y: number;
  x: number;
  height: number;
  text: string;
}

function joinItems(items: Item[]): string {
  let out = '';
  let prevEnd: number | null = null;
  for (const item of items) {
    if (!item.str) continue;
    if (prevEnd !== null) {
      const gap = item.x - prevEnd;
      // a gap wider than a sixth of the font size is a space the PDF did not write
      if (gap > Math.max(1, item.height * 0.16) && !/\s$/.test(out) && !/^\s/.test(item.str)) out += ' ';
    }
    out += item.str;
    prevEnd = item.x + item.width;
  }
  return out.replace(/[ \t\u00a0]+/g, ' ').trim();
}

function pageLines(items: Item[]): Line[] {
  const sorted = items
    .filter((i) => i.str.trim() !== '' || i.str === ' ')
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; height: number; items: Item[] }[] = [];
  for (const item of sorted) {
    const tolerance = Math.max(2, (item.height || 10) * 0.45);
    const line = lines.find((l) => Math.abs(l.y - item.y) <= tolerance);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, height: item.height || 10, items: [item] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const its = l.items.sort((a, b) => a.x - b.x);
      return {
        y: l.y,
        x: its[0]?.x ?? 0,
        height: Math.max(...its.map((i) => i.height || 10)),
        text: joinItems(its),
      };
    })
    .filter((l) => l.text !== '');
}

/** Extracts the text of a PDF: lines, blank lines between paragraphs. */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const reason = (e as Error).message ?? String(e);
    if (/password/i.test(reason))
      throw new AppError('reader.pdf_encrypted', { status: 422, params: { fileName } });
    throw new AppError('reader.pdf_unreadable', {
      status: 422,
      params: { fileName, reason: reason.slice(0, 200) },
    });
  }
  const paragraphs: string[] = [];
  let current: string[] = [];
  let letters = 0;
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const t = raw.transform as number[];
        items.push({
          str: raw.str,
          x: t[4] ?? 0,
          y: t[5] ?? 0,
          width: raw.width,
          height: raw.height || Math.abs(t[3] ?? 10),
          hasEOL: raw.hasEOL,
        });
      }
      const lines = pageLines(items);
      // page numbers: a lone number at the top or the bottom of the page
      const body = lines.filter(
        (l, i) => !((i === 0 || i === lines.length - 1) && /^[-–\s]*\d{1,4}[-–\s]*$/.test(l.text)),
      );
      const gaps: number[] = [];
      for (let i = 1; i < body.length; i++) gaps.push((body[i - 1] as Line).y - (body[i] as Line).y);
      const typical = gaps.length
        ? ([...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] as number)
        : 0;
      body.forEach((line, i) => {
        letters += (line.text.match(/\p{L}/gu) ?? []).length;
        if (i > 0) {
          const gap = (body[i - 1] as Line).y - line.y;
          const indent = line.x - Math.min(...body.map((l) => l.x));
          // more space than between the lines of a paragraph, or a first-line indent after a full stop
          const newParagraph =
            gap > Math.max(typical * 1.35, line.height * 1.6) ||
            (indent > line.height * 1.2 && /[.;:!?]$/.test((body[i - 1] as Line).text));
          if (newParagraph && current.length) {
            paragraphs.push(current.join('\n'));
            current = [];
          }
        }
        current.push(line.text);
      });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  if (current.length) paragraphs.push(current.join('\n'));
  if (letters < 20) throw new AppError('reader.pdf_no_text', { status: 422, params: { fileName } });
  return paragraphs.join('\n\n').normalize('NFC');
}
