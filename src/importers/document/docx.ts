/**
 * The text of a DOCX. Mammoth gives the words of every paragraph; Word's
 * automatic numbering ("I.", "1.", "a)" and bullets drawn by the list, not
 * typed) is not in them, yet it is what structures a plan. So the numbering
 * is worked out from word/numbering.xml and the paragraphs' list properties
 * and written in front of the paragraphs it belongs to, as a reader of the
 * printed page sees it. Tables become one line per row, cells between pipes.
 */
import { inflateRawSync } from 'node:zlib';

/** One entry of a ZIP, inflated; null when absent. */
export function readZipEntry(bytes: Uint8Array, name: string): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const extraLength = view.getUint16(i + 30, true);
    const commentLength = view.getUint16(i + 32, true);
    const entryName = bytes.subarray(i + 46, i + 46 + nameLength);
    if (nameLength === wanted.length && entryName.every((b, k) => b === wanted[k])) {
      const method = view.getUint16(i + 10, true);
      const size = view.getUint32(i + 20, true);
      const local = view.getUint32(i + 42, true);
      const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(dataStart, dataStart + size);
      const raw = method === 8 ? inflateRawSync(data) : data;
      return new TextDecoder('utf-8').decode(raw);
    }
    i += 45 + nameLength + extraLength + commentLength;
  }
  return null;
}

interface Level {
  format: string;
  text: string;
  start: number;
}

const attr = (xml: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1];

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
}

function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

/** The list definitions of a DOCX: levels by abstract list, lists by id. */
function readNumbering(xml: string | null) {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  if (!xml) return { abstracts, nums };
  for (const m of xml.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels = new Map<number, Level>();
    for (const l of (m[2] as string).matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2] as string;
      levels.set(Number(l[1]), {
        format: attr(/<w:numFmt\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 'decimal',
        text: decode(attr(/<w:lvlText\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? ''),
        start: Number(attr(/<w:start\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 1),
      });
    }
    abstracts.set(m[1] as string, levels);
  }
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const body = m[2] as string;
    const starts = new Map<number, number>();
    for (const o of body.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(/<w:startOverride\b[^>]*>/.exec(o[2] as string)?.[0] ?? '', 'w:val');
      if (start) starts.set(Number(o[1]), Number(start));
    }
    nums.set(m[1] as string, {
      abstract: attr(/<w:abstractNumId\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? '',
      starts,
    });
  }
  return { abstracts, nums };
}

/** List properties of paragraph styles ("Heading 1" numbered through its style). */
function readStyleNumbering(xml: string | null): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  if (!xml) return out;
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2] as string)?.[1];
    const numId = numPr && attr(/<w:numId\b[^>]*>/.exec(numPr)?.[0] ?? '', 'w:val');
    if (numId && numId !== '0')
      out.set(m[1] as string, {
        numId,
        ilvl: Number(attr(/<w:ilvl\b[^>]*>/.exec(numPr)?.[0] ?? '', 'w:val') ?? 0),
      });
  }
  return out;
}

const squashText = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The numbering label of each paragraph of the body, with its text to align on. */
export function paragraphLabels(bytes: Uint8Array): { text: string; label: string | null }[] {
  const document = readZipEntry(bytes, 'word/document.xml');
  if (!document) return [];
  const { abstracts, nums } = readNumbering(readZipEntry(bytes, 'word/numbering.xml'));
  const styles = readStyleNumbering(readZipEntry(bytes, 'word/styles.xml'));
  const counters = new Map<string, number[]>();
  const started = new Set<string>();
  const out: { text: string; label: string | null }[] = [];
  for (const m of document.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const body = m[1] ?? '';
    const text = squashText(
      decode(
        [...body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)]
          .map((t) => (t[0].startsWith('<w:tab') ? ' ' : t[1]))
          .join(''),
      ),
    );
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(body)?.[1];
    let numId = numPr ? attr(/<w:numId\b[^>]*>/.exec(numPr)?.[0] ?? '', 'w:val') : undefined;
    let ilvl = numPr ? Number(attr(/<w:ilvl\b[^>]*>/.exec(numPr)?.[0] ?? '', 'w:val') ?? 0) : 0;
    if (!numId) {
      const style = attr(/<w:pStyle\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val');
      const fromStyle = style ? styles.get(style) : undefined;
      if (fromStyle) ({ numId, ilvl } = fromStyle);
    }
    const num = numId && numId !== '0' ? nums.get(numId) : undefined;
    const levels = num ? abstracts.get(num.abstract) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level || !text) {
      out.push({ text, label: null });
      continue;
    }
    const key = num.abstract;
    const count = counters.get(key) ?? [];
    // a list that restarts ("startOverride") starts again the first time it is used
    if (!started.has(numId as string) && num.starts.size) {
      for (const [l, s] of num.starts) count[l] = s - 1;
      started.add(numId as string);
    }
    count[ilvl] = (count[ilvl] ?? (level.start ?? 1) - 1) + 1;
    count.length = ilvl + 1;
    counters.set(key, count);
    let label: string;
    if (level.format === 'bullet') label = /^[-–—−]$/.test(level.text) ? '-' : level.text === '+' ? '+' : '•';
    else if (level.format === 'none') label = '';
    else
      label = level.text.replace(/%(\d)/g, (_, d: string) => {
        const l = Number(d) - 1;
        return formatCounter(count[l] ?? levels.get(l)?.start ?? 1, levels.get(l)?.format ?? 'decimal');
      });
    out.push({ text, label: label || null });
  }
  return out;
}

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

function nodeText(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'tab') return '\t';
  if (node.type === 'break') return '\n';
  return (node.children ?? []).map(nodeText).join('');
}

/**
 * The canonical text of a DOCX: mammoth's paragraphs (blank line between
 * them), each preceded by its list label, tables one row a line.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  let root: Node | null = null;
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      transformDocument: (element: Node) => {
        root = element;
        return element;
      },
    },
  );
  const labels = paragraphLabels(bytes);
  let cursor = 0;
  const labelOf = (text: string): string | null => {
    const wanted = squashText(text);
    // mammoth and the XML see the same paragraphs in the same order; look a little ahead if not
    for (let k = cursor; k < Math.min(labels.length, cursor + 8); k++) {
      if ((labels[k] as { text: string }).text === wanted) {
        cursor = k + 1;
        return (labels[k] as { label: string | null }).label;
      }
    }
    return null;
  };
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.type === 'paragraph') {
      const text = nodeText(node);
      const label = labelOf(text);
      out.push(`${label ? `${label} ` : ''}${text}\n\n`);
      return;
    }
    if (node.type === 'table') {
      for (const row of node.children ?? []) {
        const cells = (row.children ?? []).map((cell) =>
          (cell.children ?? [])
            .map((p) => {
              const t = nodeText(p);
              labelOf(t);
              return squashText(t.replace(/\|/g, '/'));
            })
            .filter(Boolean)
            .join(' '),
        );
        out.push(`| ${cells.join(' | ')} |\n`);
      }
      out.push('\n');
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  if (root) walk(root);
  return out.join('');
}
