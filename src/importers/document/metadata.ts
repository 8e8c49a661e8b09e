/**
 * The identity of a policy document from its header: kind, number and
 * symbol, issuer, date, province, title, the years it aims at, and the
 * documents it cites (the resolution a plan carries out).
 */
import type { documentKinds } from '../../contracts/document-read';
import { findProvinceMentions, restoreProvinceCase } from './provinces';
import type { Layout } from './structure';
import { capitalize, squash } from './text';
import type { Citation, DocumentInfo } from './types';

type DocumentKind = (typeof documentKinds)[number];

// "09-NQ/TU", "46 - CV/BCSD", "123/KH-UBND", "45/2020/NĐ-CP", "749/QĐ-TTg"
const numberBody = String.raw`(\d{1,5})((?:[ \t]*[-–/][ \t]*(?:\d{4}|[A-ZĐ][A-ZĐa-zđ0-9&]*)){1,4})`;
const numberRe = new RegExp(numberBody, 'u');
const citedRe = new RegExp(
  String.raw`(Nghị quyết|Kế hoạch|Quyết định|Chỉ thị|Công văn|Nghị định|Thông tư|Chương trình|Kết luận|Quy định|Hướng dẫn|Luật|Đề án)\s+(?:số\s*:?\s*)?` +
    numberBody,
  'gu',
);

/** Normalises a number and symbol: no spaces, en dashes as hyphens. */
export function normaliseNumber(raw: string): string {
  return raw.replace(/[ \t]+/g, '').replace(/–/g, '-');
}

function kindOfWord(word: string): DocumentKind | null {
  const w = word.toLowerCase();
  if (w === 'nghị quyết') return 'resolution';
  if (w === 'kế hoạch' || w === 'chương trình' || w === 'đề án') return 'plan';
  if (w === 'quyết định') return 'decision';
  if (w === 'đề cương') return 'outline';
  return null;
}

function kindOfSymbol(number: string): DocumentKind | null {
  if (/(^|[-/])NQ([-/]|$)/.test(number)) return 'resolution';
  if (/(^|[-/])(KH|CTr|CT)([-/]|$)/.test(number)) return 'plan';
  if (/(^|[-/])QĐ([-/]|$)/.test(number)) return 'decision';
  return null;
}

/** Lines of the header: everything before the first section, at most 3,000 characters. */
function headerLines(layout: Layout): { text: string; start: number }[] {
  const first = layout.sections[0];
  const limit = Math.min(first ? first.span[0] : layout.clean.length, 3000);
  const out: { text: string; start: number }[] = [];
  let at = 0;
  for (const raw of layout.clean.slice(0, limit).split('\n')) {
    const text = squash(raw);
    if (text) out.push({ text, start: at + raw.indexOf(text.charAt(0)) });
    else out.push({ text: '', start: at });
    at += raw.length + 1;
  }
  return out;
}

const titleWords =
  /^(mẫu[ \t]+)?(đề cương|kế hoạch|nghị quyết|quyết định|chương trình(?: hành động)?|đề án|chỉ thị|công văn|báo cáo|hướng dẫn)\b/iu;
const mottoRe =
  /^(đảng cộng sản việt nam|cộng hòa xã hội chủ nghĩa|cộng hoà xã hội chủ nghĩa|độc lập\s*-\s*tự do)/iu;

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 2 && letters === letters.toLocaleUpperCase('vi');
}

function sentenceCase(text: string): string {
  if (!isUpper(text)) return text;
  return capitalize(restoreProvinceCase(text.toLocaleLowerCase('vi')))
    .replace(/\bviệt nam\b/giu, 'Việt Nam')
    .replace(/\btrung ương\b/giu, 'Trung ương');
}

const ministries: [RegExp, string][] = [
  [/thông tin và truyền thông/iu, 'Thông tin và Truyền thông'],
  [/khoa học và công nghệ/iu, 'Khoa học và Công nghệ'],
  [/kế hoạch và đầu tư/iu, 'Kế hoạch và Đầu tư'],
  [/tài chính/iu, 'Tài chính'],
  [/nội vụ/iu, 'Nội vụ'],
  [/công an/iu, 'Công an'],
];

/** Canonical spelling of an issuing body written in capitals or abbreviated. */
function canonicalIssuer(raw: string, province: string | null): string | null {
  const s = squash(raw)
    .replace(/^của\s+/iu, '')
    .replace(/[.,:;]+$/u, '');
  const l = s.toLocaleLowerCase('vi');
  const withProvince = (body: string) =>
    province && /tỉnh$|tỉnh ủy$/iu.test(body) ? `${body} ${province}` : body;
  const named = findProvinceMentions(
    l
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd'),
  )[0]?.name;
  const prov = named ?? province;
  const addProv = (body: string) => (named ? `${body} ${named}` : withProvince(body));
  if (/^(ban chấp hành|bch) đảng bộ tỉnh/u.test(l)) return addProv('Ban Chấp hành Đảng bộ tỉnh');
  if (/^(ban chấp hành|bch) đảng bộ thành phố/u.test(l)) return addProv('Ban Chấp hành Đảng bộ thành phố');
  if (/^(ban thường vụ|btv) tỉnh ủy/u.test(l))
    return prov ? `Ban Thường vụ Tỉnh ủy ${prov}` : 'Ban Thường vụ Tỉnh ủy';
  if (/^(ban thường vụ|btv) thành ủy/u.test(l))
    return prov ? `Ban Thường vụ Thành ủy ${prov}` : 'Ban Thường vụ Thành ủy';
  if (/^tỉnh ủy/u.test(l)) return prov ? `Tỉnh ủy ${prov}` : 'Tỉnh ủy';
  if (/^thành ủy/u.test(l)) return prov ? `Thành ủy ${prov}` : 'Thành ủy';
  if (/^(ủy ban nhân dân|uỷ ban nhân dân|ubnd) tỉnh/u.test(l)) return addProv('Ủy ban nhân dân tỉnh');
  if (/^(ủy ban nhân dân|uỷ ban nhân dân|ubnd) thành phố/u.test(l))
    return addProv('Ủy ban nhân dân thành phố');
  if (/^(hội đồng nhân dân|hđnd) tỉnh/u.test(l)) return addProv('Hội đồng nhân dân tỉnh');
  if (/^thủ tướng chính phủ/u.test(l)) return 'Thủ tướng Chính phủ';
  if (/^chính phủ/u.test(l)) return 'Chính phủ';
  const bcs = /^ban cán sự đảng\s+(bộ\s+.+)$/u.exec(l);
  if (bcs) {
    const ministry = ministries.find(([re]) => re.test(bcs[1] as string));
    return ministry ? `Ban cán sự đảng Bộ ${ministry[1]}` : `Ban cán sự đảng ${capitalize(bcs[1] as string)}`;
  }
  const bo = /^bộ\s+(.+)$/u.exec(l);
  if (bo) {
    const ministry = ministries.find(([re]) => re.test(bo[1] as string));
    if (ministry) return `Bộ ${ministry[1]}`;
  }
  return null;
}

function parseDate(day: string, month: string, year: string): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (!(y >= 1945 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The documents a text cites by number, with why. */
export function findCitations(layout: Layout, own: string | null): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  for (const m of layout.clean.matchAll(citedRe)) {
    const number = normaliseNumber(`${m[2]}${m[3]}`);
    if (!/[A-ZĐ]/u.test(number) || number === own || seen.has(number)) continue;
    seen.add(number);
    const before = layout.folded.slice(Math.max(0, m.index - 40), m.index);
    const role = /(thuc hien|trien khai|cu the hoa|quan triet)\s*$/.test(before)
      ? 'implements'
      : /can cu\s*$/.test(before)
        ? 'basis'
        : 'mentions';
    out.push({
      number,
      kind: kindOfWord(m[1] as string) ?? kindOfSymbol(number),
      role,
      span: [m.index, m.index + m[0].length],
    });
  }
  return out;
}

/** Reads kind, number, issuer, date, province, title and horizon from the header. */
export function readDocumentInfo(layout: Layout): DocumentInfo {
  const lines = headerLines(layout);
  const headerText = lines.map((l) => l.text).join('\n');

  // kind: the first title word written on its own line, capitals first
  let kind: DocumentKind = 'other';
  let titleLine = -1;
  let isLetter = false;
  for (let pass = 0; pass < 2 && titleLine < 0; pass++) {
    lines.forEach((line, i) => {
      if (titleLine >= 0 || !line.text) return;
      const m = titleWords.exec(line.text);
      if (!m || (pass === 0 && !isUpper(line.text.slice(0, m[0].length)))) return;
      if (/^(công văn|báo cáo|hướng dẫn)$/iu.test(m[2] as string) && !m[1]) return;
      if (pass === 1 && line.text.length > 160) return;
      titleLine = i;
      kind = m[1] ? 'template' : (kindOfWord((m[2] as string).replace(/ hành động$/iu, '')) ?? 'other');
    });
  }
  // number and symbol: "Số: 46 - CV/BCSD", else "Nghị quyết số 09-NQ/TU" in the title
  let number: string | null = null;
  for (const line of lines) {
    const m = /(?:^|\s)Số\s*:?\s*(.*)$/u.exec(line.text);
    if (!m) continue;
    const n = numberRe.exec(m[1] as string);
    if (n && n.index === 0 && /[A-ZĐ]/u.test(n[2] as string)) {
      number = normaliseNumber(n[0]);
      break;
    }
  }
  if (!number) {
    const m = /\b(?:số)\s*:?\s*/iu.exec(headerText.slice(0, 800));
    // "Triển khai thực hiện Quyết định số 749/QĐ-TTg" cites another document: not ours
    const before = m ? headerText.slice(Math.max(0, m.index - 60), m.index) : '';
    const cited = /(thực hiện|triển khai|căn cứ|theo|của)\s+[\p{L} ]{0,25}$/iu.test(before);
    if (m && !cited) {
      const n = numberRe.exec(headerText.slice(m.index + m[0].length, m.index + m[0].length + 40));
      const candidate = n && n.index === 0 && /[A-ZĐ]/u.test(n[2] as string) ? normaliseNumber(n[0]) : null;
      // a plan is not numbered as a decision, nor a resolution as a plan
      const symbolKind = candidate ? kindOfSymbol(candidate) : null;
      // (kind is set inside the forEach above, which TypeScript's narrowing does not see)
      const ownKind = kind as DocumentKind;
      const clash =
        symbolKind !== null && (ownKind === 'plan' || ownKind === 'resolution') && symbolKind !== ownKind;
      if (candidate && !clash) number = candidate;
    }
  }
  if (
    /(^|[-/])CV([-/]|$)/.test(number ?? '') ||
    /^V\/v\b/imu.test(headerText) ||
    /Kính gửi/u.test(headerText)
  )
    isLetter = true;
  if (isLetter) {
    const attached = /\bmẫu\b/iu.test(headerText) || /gửi kèm|kèm theo/iu.test(layout.clean.slice(0, 4000));
    kind =
      attached && /^MẪU|\nMẪU|mẫu (nghị quyết|kế hoạch)/u.test(layout.clean.slice(0, 6000))
        ? 'template'
        : 'other';
  } else if (kind === 'other' && number) kind = kindOfSymbol(number) ?? 'other';

  // date: "Hà Nội, ngày 26 tháng 5 năm 2021", else "ngày 15/10/2021"
  // (only on the place-date line or beside the document's own number, never a cited document's date)
  let date: string | null = null;
  for (const line of lines) {
    const long = /^(?:[\p{L} .'-]{2,40},\s*)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*$/iu.exec(
      line.text,
    );
    if (long) {
      date = parseDate(long[1] as string, long[2] as string, long[3] as string);
      if (date) break;
    }
  }
  if (!date && number) {
    const own = lines.find((l) => l.text.replace(/\s+/g, '').includes(number.replace(/\s+/g, '')));
    const short = own && /ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/iu.exec(own.text);
    if (short) date = parseDate(short[1] as string, short[2] as string, short[3] as string);
    const long = own && /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(own.text);
    if (!date && long) date = parseDate(long[1] as string, long[2] as string, long[3] as string);
  }

  // province: "tỉnh X" in the header, else the one named most in the document
  const headerStart = 0;
  const headerEnd = lines.length ? (lines[lines.length - 1] as { start: number }).start + 200 : 0;
  const inHeader = findProvinceMentions(layout.folded.slice(headerStart, Math.min(headerEnd, 3000)));
  let province: string | null = inHeader[0]?.name ?? null;
  if (!province && !/tỉnh\/thành phố|tỉnh\/thành/iu.test(headerText)) {
    const counts = new Map<string, number>();
    for (const m of findProvinceMentions(layout.folded)) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] >= 2) province = best[0];
  }

  // title: the lines after the title word, without the issuer line
  let title = '';
  let issuerRaw: string | null = null;
  if (titleLine >= 0) {
    const first = (lines[titleLine] as { text: string }).text;
    const rest = first.replace(titleWords, '').trim();
    const parts: string[] = [];
    if (rest && kind !== 'template') parts.push(rest);
    for (let i = titleLine + 1; i < lines.length && parts.join(' ').length < 400; i++) {
      const t = (lines[i] as { text: string }).text;
      if (!t) {
        if (parts.length) break;
        continue;
      }
      if (/^(\(|căn cứ|số\b|kính gửi|-{3,})/iu.test(t) || /ngày\s+(\d{1,2}|\.\.\.)\s+tháng/iu.test(t)) break;
      if (/^của\s/iu.test(t)) {
        const split = /^(của\s.+?)\s+(về\s.+)$/iu.exec(t);
        issuerRaw = split ? (split[1] as string) : t;
        if (split) parts.push(split[2] as string);
        continue;
      }
      parts.push(t);
    }
    if (kind === 'template') parts.unshift(first);
    title = squash(parts.join(' '));
  }
  if (!title) title = lines.find((l) => l.text && !mottoRe.test(l.text))?.text ?? '';
  // an outline names the resolution it explains: "… của BCH Đảng bộ tỉnh về “Chuyển đổi số …”"
  const quoted = /[“"]([^”"]{10,})[”"]/u.exec(title);
  const ofIssuer = /\bcủa\s+(.+?)\s+về\s/iu.exec(title);
  if (ofIssuer && !issuerRaw) issuerRaw = ofIssuer[1] as string;
  if (quoted) title = quoted[1] as string;
  else if (kind !== 'template' && /\b(số|của)\b.*?\svề\s/iu.test(title))
    // "Nghị quyết số 09-NQ/TU … của BCH Đảng bộ tỉnh về chuyển đổi số …": the subject is from "về" on
    title = title.replace(/^.*?\s(về\s)/iu, '$1');
  title = sentenceCase(squash(title.replace(/^V\/v\s*/iu, '')));
  title = capitalize(title.replace(/[,;:]+$/u, ''));

  // issuer: the body in capitals above the title, "CỦA …" under it, "… ban hành" in the preamble
  let issuer: string | null = null;
  if (issuerRaw) issuer = canonicalIssuer(issuerRaw, province);
  if (!issuer) {
    const top: string[] = [];
    for (let i = 0; i < (titleLine >= 0 ? titleLine : Math.min(lines.length, 12)); i++) {
      const t = (lines[i] as { text: string }).text;
      if (!t) {
        if (top.length) break;
        continue;
      }
      if (mottoRe.test(t) || !isUpper(t)) {
        if (top.length) break;
        continue;
      }
      top.push(t);
    }
    for (let k = 0; k < top.length && !issuer; k++)
      issuer = canonicalIssuer(top.slice(k).join(' '), province);
  }
  if (!issuer) {
    const m =
      /((?:Ban Chấp hành|BCH|Ban Thường vụ|Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s+[^,.;]{0,30}?)\s+ban hành\s+(kế hoạch|nghị quyết|quyết định|chương trình)/iu.exec(
        layout.clean.slice(0, 5000),
      );
    if (m) issuer = canonicalIssuer(m[1] as string, province);
  }

  // horizon: "đến năm 2025, định hướng đến năm 2030", "giai đoạn 2021 - 2025"
  const years = new Set<number>();
  for (const m of title.matchAll(
    /(?:đến|tới)\s+(?:hết\s+)?năm\s+(20\d\d)|giai đoạn\s+20\d\d\s*[-–]\s*(20\d\d)|tầm nhìn\s+(?:đến\s+)?(?:năm\s+)?(20\d\d)/giu,
  ))
    years.add(Number(m[1] ?? m[2] ?? m[3]));
  const horizonYears = [...years].sort((a, b) => a - b);

  const citations = findCitations(layout, number);
  return {
    kind,
    number,
    issuer,
    date,
    province: kind === 'template' ? null : province,
    title: title || 'Văn bản không có tiêu đề',
    horizonYears,
    cites: citations.map((c) => c.number),
    citations,
  };
}
