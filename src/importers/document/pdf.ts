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

/** Rough advance of a character in ems, for sharing a run's width among its glyphs. */
function charShare(ch: string): number {
  const base = ch.normalize('NFD').charAt(0);
  if (/\s/.test(base)) return 0.25;
  if (/[ilj.,;:'!|()[\]]/.test(base)) return 0.28;
  if (/[ftr-]/.test(base)) return 0.34;
  if (/[mw]/.test(base)) return 0.75;
  if (/[MW%]/.test(base)) return 0.9;
  if (/[A-ZĐ]/.test(base)) return 0.68;
  if (/[0-9]/.test(base)) return 0.5;
  return 0.48;
}

interface Glyph {
  ch: string;
  x: number;
  w: number;
  item: number;
}

/**
 * The text of one line from its items. Some PDF writers draw a line twice,
 * once per font: the base font leaves a space where a letter it lacks goes
 * ("KẾ HOẠCH" as "K HO CH" + "Ế", "Ạ" from a second font). Each item is cut
 * into glyphs by its width; a glyph drawn over another run's space takes that
 * space's place; spaces the PDF left out are put back from the gaps.
 */
function joinItems(items: Item[]): string {
  const glyphs: Glyph[] = [];
  items.forEach((item, index) => {
    // runs of only spaces are positioning fillers
    if (!item.str?.trim()) return;
    const chars = [...item.str];
    // the item's width shared out by the usual proportions of a serif font
    const shares = chars.map(charShare);
    const scale = item.width / (shares.reduce((a, b) => a + b, 0) || 1);
    let x = item.x;
    chars.forEach((ch, k) => {
      const w = (shares[k] as number) * scale;
      glyphs.push({ ch, x, w, item: index });
      x += w;
    });
  });
  const isSpace = (g: Glyph) => /\s/.test(g.ch);
  const spaces = glyphs.filter(isSpace);
  const taken = new Set<Glyph>();
  for (const g of glyphs) {
    if (isSpace(g)) continue;
    const centre = g.x + g.w / 2;
    let best: Glyph | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const s of spaces) {
      if (s.item === g.item || taken.has(s)) continue;
      const d = Math.abs(s.x + s.w / 2 - centre);
      if (d < bestDistance && d < Math.max(s.w, g.w) * 0.8) {
        best = s;
        bestDistance = d;
      }
    }
    if (best) {
      taken.add(best);
      g.x = best.x;
    }
  }
  // a space of one run under a letter of another is room left for that letter
  for (const s of spaces) {
    if (taken.has(s)) continue;
    const centre = s.x + s.w / 2;
    if (glyphs.some((g) => g.item !== s.item && !isSpace(g) && g.x < centre && centre < g.x + g.w))
      taken.add(s);
  }
  const kept = glyphs
    .filter((g) => !taken.has(g))
    .map((g, order) => ({ g, order }))
    .sort((a, b) => a.g.x - b.g.x || a.order - b.order)
    .map(({ g }) => g);
  const size = Math.max(1, ...items.map((i) => i.height || 10));
  let out = '';
  let prev: Glyph | null = null;
  for (const g of kept) {
    if (prev && prev.item !== g.item && !isSpace(prev) && !isSpace(g)) {
      // a gap wider than a sixth of the font size is a space the PDF did not write
      if (g.x - (prev.x + prev.w) > size * 0.16) out += ' ';
    }
    out += g.ch;
    prev = g;
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
