/**
 * Quantities as Vietnamese policy language writes them: a comparator word
 * ("trên", "tối thiểu", "ít nhất", "khoảng", "từ … trở lên"), a number in
 * Vietnamese format (3.000, 42,5, 08), a range ("08 - 10%", "15% đến 20%",
 * "từ 01 đến 02"), and what is counted (%, lượt, doanh nghiệp…), or a rank
 * ("nhóm 20 địa phương dẫn đầu", "top 8"). Works on the clean and folded
 * views of the text; every index is an index into the text.
 */
import type { comparators, targetUnits } from '../../contracts/document-read';
import { parseVietnameseNumber } from './text';

export type Comparator = (typeof comparators)[number];
export type QuantityUnit = (typeof targetUnits)[number];

/** One quantity found in a clause. */
export interface Quantity {
  /** Start of the comparator words, or of the number. */
  start: number;
  /** Start of the first number. */
  numberStart: number;
  /** End of the unit (or of the counted noun). */
  end: number;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: QuantityUnit;
  /** `%`, the counted noun (`doanh nghiệp`) or the currency. */
  unitLabel: string | null;
  /** "01 xã/01 huyện": per district; "/xã": per commune. */
  per: 'district' | 'commune' | null;
}

/** The same pattern with any run of whitespace (a wrapped line) where it has a space. */
function wrapped(re: RegExp): RegExp {
  return new RegExp(re.source.replace(/ /g, '\\s+'), re.flags);
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const numberRe = new RegExp(`(?<![\\d.,/\\-–])(${NUM})(?![\\d])`, 'g');
const rangeTail = new RegExp(
  String.raw`^\s*(%|phần trăm)?\s*(?:-|–|—|~|đến|tới|den|toi)\s*(${NUM})(?![\d])`,
  'u',
);

// what is counted, folded; longest first so "co so du lieu" wins over "co so"
const COUNT_NOUNS = [
  'doanh nghiep cong nghe so',
  'doanh nghiep',
  'hop tac xa',
  'to hop tac',
  'co so du lieu',
  'co so giao duc',
  'co so y te',
  'co so',
  'bo du lieu',
  'luot',
  'nguoi dan',
  'nguoi',
  'ho gia dinh',
  'ho kinh doanh',
  'ho dan',
  'ho',
  'dn',
  'htx',
  'csdl',
  'xa',
  'phuong',
  'thi tran',
  'huyen',
  'thon',
  'to cong nghe so',
  'to dan pho',
  'do thi',
  'thanh pho',
  'san pham',
  'mo hinh',
  'diem',
  'tram',
  'he thong',
  'nen tang',
  'dich vu',
  'ung dung',
  'khoa hoc',
  'khoa dao tao',
  'lop tap huan',
  'lop hoc',
  'lop',
  'chuyen gia',
  'can bo',
  'cong chuc',
  'vien chuc',
  'hoc vien',
  'sinh vien',
  'hoc sinh',
  'giao vien',
  'nong dan',
  'truong',
  'benh vien',
  'lang nghe',
  'gian hang',
  'website',
  'trang thong tin',
  'tai khoan',
  'thue bao',
  'camera',
  'km',
  'thiet bi',
  'sang kien',
  'de tai',
  'du an',
  'startup',
  'khu',
  'cum',
  'cho',
  'trang trai',
  'trung tam',
  'cua hang',
  'giao dich',
  'ho so',
  'thu tuc',
  'bai giang',
  'hoc lieu',
  'tin bai',
  'hoi nghi',
  'hoi thao',
  'chuong trinh',
  'ocop',
  'tour',
  'diem du lich',
  'ban do',
  'hop dong',
  'hoa don',
  'bts',
] as const;
const countNounRe = wrapped(
  new RegExp(
    `^\\s*(?:(nghin|ngan|trieu|ty)\\s+)?(${[...COUNT_NOUNS].sort((a, b) => b.length - a.length).join('|')})(?![a-z0-9])`,
  ),
);
const amountRe = wrapped(/^\s*(nghin ty|ngan ty|ty|trieu|nghin|ngan)?\s*(dong|vnd|usd|do la)(?![a-z])/);
const otherUnitRe = /^\s*(gb|tb|mbps|gbps|mb\/s|gb\/s|mhz|kw|mw|ha|tan)(?![a-z])/;
// names and numbers that are not amounts: "mô hình 4 lớp", "mức độ 3", "Nghị định số 45"
const notAmountBefore = wrapped(
  /(?:^|[^a-z])(so|nghi dinh|quyet dinh|thong tu|chi thi|nghi quyet|ke hoach|cong van|luat|khoan|dieu|diem|phan|chuong|lan thu|giai doan|nam|ngay|thang|quy|muc do|cap do|the he|phien ban|ipv|mo hinh|lop|cap|ban|tuoi|version|dai hoi|khoa|nhiem ky|top|nhom|thu|hang|vi tri)\s*[:(“"']?\s*$/,
);
const multipliers: Record<string, number> = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9 };

function comparatorBefore(
  folded: string,
  from: number,
  at: number,
): { comparator: Comparator; start: number } {
  const window = folded.slice(Math.max(from, at - 48), at);
  const base = at - window.length;
  const rules: [RegExp, Comparator][] = [
    [
      /(khong duoi|khong it hon|khong thap hon|toi thieu|it nhat|tren hoac bang)(?:\s+(?:la|khoang|muc|la khoang))?\s*$/,
      '>=',
    ],
    [
      /(toi da|khong qua|khong vuot qua|khong cao hon|duoi hoac bang|nhieu nhat)(?:\s+(?:la|khoang|muc))?\s*$/,
      '<=',
    ],
    [/(tren|hon|vuot|vuot muc|cao hon|nhieu hon)\s*$/, '>'],
    [/(duoi|thap hon|it hon)\s*$/, '<'],
    [/(?:^|[^a-z])(tu)\s*$/, '>='],
    [/(khoang|xap xi|gan|dat|bang|chiem|la|muc)\s*$/, '='],
  ];
  for (const [rule, comparator] of rules) {
    const m = wrapped(rule).exec(window);
    if (m) {
      const word = m[1] as string;
      return { comparator, start: base + m.index + m[0].indexOf(word) };
    }
  }
  return { comparator: '=', start: at };
}

/** Every quantity in [from, to) of the text, read on its clean and folded views. */
export function findQuantities(clean: string, folded: string, from: number, to: number): Quantity[] {
  const out: Quantity[] = [];
  const slice = clean.slice(from, to);
  let consumedTo = from;
  numberRe.lastIndex = 0;
  for (const m of slice.matchAll(numberRe)) {
    const numberStart = from + m.index;
    if (numberStart < consumedTo) continue;
    let end = numberStart + (m[1] as string).length;
    const first = parseVietnameseNumber(m[1] as string);
    if (first === null) continue;
    const after = clean.slice(end, Math.min(to, end + 40));
    // dates, ratios and document numbers: 27/9/2019, 21/63, 52-NQ/TW, 749/QĐ-TTg, 4G/5G, 4.0
    if (/^\s*\/\s*\d/.test(after) && !/^\s*\/\s*\d+\s*\p{L}/u.test(after)) continue;
    if (/^(?:[-–/]\s*)?\p{Lu}{2,}/u.test(after) || /^\/\p{L}/u.test(after) || /^[.,]\d/.test(after)) continue;
    if (/^\p{L}/u.test(after) && !/^%/.test(after)) continue;
    const before = folded.slice(Math.max(from, numberStart - 24), numberStart);
    if (notAmountBefore.test(before)) continue;

    let value = first;
    let valueMax: number | null = null;
    let unitAfterFirst = false;
    const range = rangeTail.exec(after);
    if (range) {
      const second = parseVietnameseNumber(range[2] as string);
      if (second !== null && second > first) {
        valueMax = second;
        unitAfterFirst = Boolean(range[1]);
        end += range[0].length;
      }
    }
    const tail = folded.slice(end, Math.min(to, end + 60));
    let unit: QuantityUnit | null = null;
    let unitLabel: string | null = null;
    const pct = /^\s*(%|phan tram)/.exec(tail);
    if (pct || unitAfterFirst) {
      unit = 'percent';
      unitLabel = '%';
      if (pct) end += pct[0].length;
    } else {
      const amount = amountRe.exec(tail);
      const count = countNounRe.exec(tail);
      const other = otherUnitRe.exec(tail);
      if (amount) {
        unit = 'amount';
        // an amount keeps the figure as written ("50 tỷ đồng" is 50, unit label "tỷ đồng")
        unitLabel = clean.slice(end, end + amount[0].length).trim();
        end += amount[0].length;
      } else if (count) {
        unit = 'count';
        if (count[1]) {
          const mult = multipliers[count[1] as string] ?? 1;
          value *= mult;
          if (valueMax !== null) valueMax *= mult;
        }
        unitLabel = clean.slice(end + count[0].indexOf(count[2] as string), end + count[0].length).trim();
        end += count[0].length;
      } else if (other) {
        unit = 'other';
        unitLabel = clean.slice(end, end + other[0].length).trim();
        end += other[0].length;
      }
    }
    if (!unit) continue;

    // "từ 01 đến 02", "ít nhất từ 01 đến 02": a range wins over a comparator word
    let comparator: Comparator;
    let start: number;
    const cmp = comparatorBefore(folded, from, numberStart);
    if (valueMax !== null) {
      comparator = 'range';
      start = cmp.start;
    } else {
      comparator = cmp.comparator;
      start = cmp.start;
      const trailing = /^\s*(?:\p{L}+\s+){0,3}?(tro len|tro xuong)(?![a-z])/u.exec(
        folded.slice(end, end + 40),
      );
      if (
        trailing &&
        (trailing[1] === 'tro len' ? /^\s*tro len/.test(folded.slice(end)) || cmp.comparator === '>=' : true)
      ) {
        comparator = trailing[1] === 'tro len' ? '>=' : '<=';
        if (/^\s*tro (len|xuong)/.test(folded.slice(end)))
          end += (/^\s*tro (len|xuong)/.exec(folded.slice(end)) as RegExpExecArray)[0].length;
      }
    }
    const rest = folded.slice(end, Math.min(to, end + 40));
    const perMatch = /^[^;,.]{0,20}?\/\s*(?:\d+\s*)?(huyen|quan|xa|phuong)(?![a-z])/.exec(rest);
    // "01 xã/01 huyện", "mỗi huyện … ít nhất 01 mô hình": so many per district (or commune)
    const eachBefore = /(?:^|[^a-z])moi\s+(huyen|quan|xa|phuong)(?![a-z])[^;.]{0,80}$/.exec(
      folded.slice(from, numberStart),
    );
    const perWord = perMatch ? (perMatch[1] as string) : eachBefore ? (eachBefore[1] as string) : null;
    const per = perWord ? (/huyen|quan/.test(perWord) ? 'district' : 'commune') : null;
    out.push({ start, numberStart, end, comparator, value, valueMax, unit, unitLabel, per });
    consumedTo = end;
  }
  return out.concat(findRanks(folded, from, to, out)).sort((a, b) => a.start - b.start);
}

const rankRe = /(?:^|[^a-z])(nhom|top|top dau|tốp|top)\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?![\d%])/g;
const rankContext =
  /dan dau|dung dau|cao nhat|chi so|xep hang|tot nhat|hang dau|diem cao|tinh, thanh pho|dia phuong|tinh thanh/;

/** Ranks: "thuộc nhóm 20 địa phương dẫn đầu", "top 8", "nhóm 25 - 30 tỉnh, thành phố có chỉ số cao". */
function findRanks(folded: string, from: number, to: number, taken: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  const slice = folded.slice(from, to);
  for (const m of slice.matchAll(rankRe)) {
    const word = m[1] as string;
    const at = from + m.index + m[0].indexOf(word);
    const numberStart = at + m[0].slice(m[0].indexOf(word)).indexOf(m[2] as string, word.length);
    const end = from + m.index + m[0].length;
    if (taken.some((q) => q.numberStart >= at && q.numberStart < end)) continue;
    const following = slice.slice(m.index + m[0].length, m.index + m[0].length + 90);
    if (!word.startsWith('top') && !rankContext.test(following)) continue;
    const value = Number(m[2]);
    const valueMax = m[3] ? Number(m[3]) : null;
    if (!(value > 0) || (valueMax !== null && valueMax <= value)) continue;
    // the rank phrase runs to "dẫn đầu / có chỉ số cao…" when it is near
    const tail = /^[^;.]*?(dan dau|dung dau|cao nhat|hang dau|tot nhat)/.exec(following);
    const phraseEnd = tail && tail[0].length < 80 ? end + tail[0].length : end;
    const lead = /(thuoc|vao|trong|nam trong|lot vao|giu vi tri thuoc|giu vung vi tri trong)\s*$/.exec(
      folded.slice(Math.max(from, at - 30), at),
    );
    const start = lead ? at - (lead[0].length - lead[0].indexOf(lead[1] as string)) : at;
    out.push({
      start,
      numberStart,
      end: phraseEnd,
      comparator: 'top',
      value,
      valueMax,
      unit: 'rank',
      unitLabel: null,
      per: null,
    });
  }
  return out;
}
