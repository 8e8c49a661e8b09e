/**
 * Links between documents, read from what a document says about others:
 * "Triển khai thực hiện Quyết định số 749/QĐ-TTg …, Ủy ban nhân dân tỉnh ban
 * hành Kế hoạch" (the plan implements Decision 749), "Đề cương Nghị quyết số
 * 09-NQ/TU" (the outline explains Resolution 09-NQ/TU).
 */
import { foldVietnamese } from '../text';

/** How one document relates to another. */
export type DocumentRelation = 'implements' | 'follows_template' | 'explains' | 'revises';

/** A link read from a text: the relation and the other document's number. */
export interface DerivedLink {
  relation: DocumentRelation;
  /** The number and symbol, normalised: `749/QĐ-TTg`, `09-NQ/TU`. */
  reference: string;
}

// "Nghị quyết số 09-NQ/TU", "Quyết định số 749/QĐ-TTg", "Công văn số 46 - CV/BCSD"
const REFERENCE =
  /(Nghị quyết|Quyết định|Chỉ thị|Kết luận|Kế hoạch|Chương trình|Đề án|Công văn|Thông tư|Nghị định)\s+(?:số\s*)?(\d{1,5}[a-z]?(?:\s*[-/]\s*[0-9A-ZĐa-zđ]+)+)/giu;

/**
 * Normalises a document number: no spaces around `-` and `/`.
 * @example normalizeDocumentNumber('46 - CV/BCSD') // "46-CV/BCSD"
 */
export function normalizeDocumentNumber(number: string): string {
  return number
    .normalize('NFC')
    .replace(/\s*([-/])\s*/g, '$1')
    .replace(/[.,;:]+$/, '')
    .trim();
}

/** Two numbers name the same document (case, spacing and diacritics aside). */
export function sameDocumentNumber(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return foldVietnamese(normalizeDocumentNumber(a)) === foldVietnamese(normalizeDocumentNumber(b));
}

/** Every document reference in a piece of text, in order. */
export function findDocumentReferences(text: string): { kind: string; number: string; index: number }[] {
  const found: { kind: string; number: string; index: number }[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    // "Kế hoạch 2021 - 2025" is a period, not a number: a symbol has letters
    if (!/[A-ZĐa-zđ]/u.test(m[2]!)) continue;
    found.push({ kind: m[1]!, number: normalizeDocumentNumber(m[2]!), index: m.index ?? 0 });
  }
  return found;
}

// the enacting formula opens with the verb of carrying something out
const ENACTING =
  /^(?:để\s+)?(?:tiếp tục\s+)?(?:triển khai\s+)?(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá)(?=[\s,]|$)/iu;

function strip(line: string): string {
  return line.replace(/^[\s*_#>\-–•+]+/, '').trim();
}

/**
 * The links a document's own words establish:
 * - `implements`: the documents named in its enacting formula — a paragraph
 *   that opens with "Triển khai / Thực hiện / Để … thực hiện / Cụ thể hóa"
 *   and goes on to "ban hành" (only the references before "ban hành");
 * - `explains`: for an outline, the document its heading names.
 * The document's own number is never linked to itself.
 * @example deriveDocumentLinks('Triển khai thực hiện Quyết định số 749/QĐ-TTg …, UBND tỉnh ban hành Kế hoạch …', 'plan', null)
 * // [{ relation: 'implements', reference: '749/QĐ-TTg' }]
 */
export function deriveDocumentLinks(text: string, kind: string, ownNumber: string | null): DerivedLink[] {
  const links: DerivedLink[] = [];
  const add = (relation: DocumentRelation, reference: string) => {
    if (sameDocumentNumber(reference, ownNumber)) return;
    if (links.some((l) => l.relation === relation && sameDocumentNumber(l.reference, reference))) return;
    links.push({ relation, reference });
  };

  for (const raw of text.split(/\n+/)) {
    const line = strip(raw);
    if (!ENACTING.test(line)) continue;
    const enact = line.search(/ban hành/iu);
    if (enact < 0) continue;
    for (const ref of findDocumentReferences(line.slice(0, enact))) add('implements', ref.number);
  }

  if (kind === 'outline') {
    // the outline's heading names what it explains, before the first section starts
    const head = text.slice(0, 1200);
    const firstSection = head.search(/\n\s*[*_#\s]*(?:I|1)[.\-)]\s/u);
    const heading = firstSection > 0 ? head.slice(0, firstSection) : head;
    const ref = findDocumentReferences(heading)[0];
    if (ref) {
      const number = ref.number;
      // an outline carrying the resolution's own number still explains that resolution
      if (!links.some((l) => sameDocumentNumber(l.reference, number)))
        links.push({ relation: 'explains', reference: number });
    }
  }
  return links;
}

/** The kind of a document named by its symbol (`QĐ` decision, `NQ` resolution, …), for display. */
export function referenceKind(
  reference: string,
): 'decision' | 'resolution' | 'plan' | 'letter' | 'directive' | 'other' {
  const symbol = foldVietnamese(reference).toUpperCase();
  if (/\bQD\b|QD-/.test(symbol)) return 'decision';
  if (/\bNQ\b|NQ-|-NQ/.test(symbol)) return 'resolution';
  if (/\bKH\b|KH-|-KH/.test(symbol)) return 'plan';
  if (/\bCV\b|CV-|-CV/.test(symbol)) return 'letter';
  if (/\bCT\b|CT-|-CT/.test(symbol)) return 'directive';
  return 'other';
}
