/**
 * Names of Vietnam's provinces and centrally-run cities (the 63 before
 * 1 July 2025; the 34 after are among them), as policy documents write them
 * after "tỉnh" / "thành phố". Used to find a document's province.
 */
import { foldKeepLength } from './text';

export const PROVINCE_NAMES = [
  'Hà Nội',
  'Hà Giang',
  'Cao Bằng',
  'Bắc Kạn',
  'Tuyên Quang',
  'Lào Cai',
  'Điện Biên',
  'Lai Châu',
  'Sơn La',
  'Yên Bái',
  'Hòa Bình',
  'Thái Nguyên',
  'Lạng Sơn',
  'Quảng Ninh',
  'Bắc Giang',
  'Phú Thọ',
  'Vĩnh Phúc',
  'Bắc Ninh',
  'Hải Dương',
  'Hải Phòng',
  'Hưng Yên',
  'Thái Bình',
  'Hà Nam',
  'Nam Định',
  'Ninh Bình',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Quảng Bình',
  'Quảng Trị',
  'Thừa Thiên Huế',
  'Huế',
  'Đà Nẵng',
  'Quảng Nam',
  'Quảng Ngãi',
  'Bình Định',
  'Phú Yên',
  'Khánh Hòa',
  'Ninh Thuận',
  'Bình Thuận',
  'Kon Tum',
  'Gia Lai',
  'Đắk Lắk',
  'Đắk Nông',
  'Lâm Đồng',
  'Bình Phước',
  'Tây Ninh',
  'Bình Dương',
  'Đồng Nai',
  'Bà Rịa - Vũng Tàu',
  'Hồ Chí Minh',
  'Long An',
  'Tiền Giang',
  'Bến Tre',
  'Trà Vinh',
  'Vĩnh Long',
  'Đồng Tháp',
  'An Giang',
  'Kiên Giang',
  'Cần Thơ',
  'Hậu Giang',
  'Sóc Trăng',
  'Bạc Liêu',
  'Cà Mau',
] as const;

const byFolded = new Map<string, string>(
  PROVINCE_NAMES.map((name) => [foldKeepLength(name).replace(/\s*-\s*/g, ' '), name]),
);
// longest names first so "Thừa Thiên Huế" wins over "Huế"
const foldedNames = [...byFolded.keys()].sort((a, b) => b.length - a.length);
const provinceRe = new RegExp(
  `(?:^|[^a-z])(tinh|thanh pho|tp\\.?)\\s+(${foldedNames.map((n) => n.replace(/ /g, '\\s*-?\\s*')).join('|')})(?![a-z])`,
  'g',
);

/** A province named after "tỉnh"/"thành phố" in folded text. */
export interface ProvinceMention {
  name: string;
  start: number;
  end: number;
}

/** Every "tỉnh X" / "thành phố X" naming a province, in a folded text. */
export function findProvinceMentions(folded: string): ProvinceMention[] {
  const out: ProvinceMention[] = [];
  for (const m of folded.matchAll(provinceRe)) {
    const name = byFolded.get((m[2] as string).replace(/[\s-]+/g, ' ').trim());
    if (!name) continue;
    const start = m.index + m[0].indexOf(m[1] as string);
    out.push({ name, start, end: m.index + m[0].length });
  }
  return out;
}

/** Capitalises province names inside a lower-cased phrase. */
export function restoreProvinceCase(phrase: string): string {
  let out = phrase;
  for (const name of PROVINCE_NAMES) {
    const lower = name.toLocaleLowerCase('vi');
    const at = out.toLocaleLowerCase('vi').indexOf(lower);
    if (at >= 0) out = out.slice(0, at) + name + out.slice(at + name.length);
  }
  return out;
}
