/**
 * Public facts the product ships: the nation, the 63 provinces in force until
 * 30 June 2025, the 34 in force from 1 July 2025 (official two-digit codes,
 * names in the statistics office's form), and which old province went into
 * which new one on 1 July 2025 (Resolution 202/2025/QH15 of the National
 * Assembly on the arrangement of provincial-level administrative units).
 * A province that kept its code and name is one continuous unit.
 */

/** A province as an official list names it. */
export interface ProvinceFact {
  /** Official two-digit code. */
  code: string;
  /** Name in the statistics office's form, with its sub-kind word: "Tỉnh Nghệ An". */
  name: string;
}

/** The root of the tree. */
export const NATION = { code: 'VN', name: 'Việt Nam', nameEn: 'Viet Nam' } as const;

/** The date the 34-province structure took effect. */
export const PROVINCES_2025_EFFECTIVE_ON = '2025-07-01';

/** The legal basis of the 2025 province merges. */
export const PROVINCES_2025_SOURCE = 'Nghị quyết 202/2025/QH15';

/** The 63 provinces and centrally-run cities in force until 30 June 2025. */
export const PROVINCES_63: readonly ProvinceFact[] = [
  { code: '01', name: 'Thành phố Hà Nội' },
  { code: '02', name: 'Tỉnh Hà Giang' },
  { code: '04', name: 'Tỉnh Cao Bằng' },
  { code: '06', name: 'Tỉnh Bắc Kạn' },
  { code: '08', name: 'Tỉnh Tuyên Quang' },
  { code: '10', name: 'Tỉnh Lào Cai' },
  { code: '11', name: 'Tỉnh Điện Biên' },
  { code: '12', name: 'Tỉnh Lai Châu' },
  { code: '14', name: 'Tỉnh Sơn La' },
  { code: '15', name: 'Tỉnh Yên Bái' },
  // the statistics office's list writes the old-style "Hoà"
  { code: '17', name: 'Tỉnh Hoà Bình' },
  { code: '19', name: 'Tỉnh Thái Nguyên' },
  { code: '20', name: 'Tỉnh Lạng Sơn' },
  { code: '22', name: 'Tỉnh Quảng Ninh' },
  { code: '24', name: 'Tỉnh Bắc Giang' },
  { code: '25', name: 'Tỉnh Phú Thọ' },
  { code: '26', name: 'Tỉnh Vĩnh Phúc' },
  { code: '27', name: 'Tỉnh Bắc Ninh' },
  { code: '30', name: 'Tỉnh Hải Dương' },
  { code: '31', name: 'Thành phố Hải Phòng' },
  { code: '33', name: 'Tỉnh Hưng Yên' },
  { code: '34', name: 'Tỉnh Thái Bình' },
  { code: '35', name: 'Tỉnh Hà Nam' },
  { code: '36', name: 'Tỉnh Nam Định' },
  { code: '37', name: 'Tỉnh Ninh Bình' },
  { code: '38', name: 'Tỉnh Thanh Hóa' },
  { code: '40', name: 'Tỉnh Nghệ An' },
  { code: '42', name: 'Tỉnh Hà Tĩnh' },
  { code: '44', name: 'Tỉnh Quảng Bình' },
  { code: '45', name: 'Tỉnh Quảng Trị' },
  { code: '46', name: 'Thành phố Huế' },
  { code: '48', name: 'Thành phố Đà Nẵng' },
  { code: '49', name: 'Tỉnh Quảng Nam' },
  { code: '51', name: 'Tỉnh Quảng Ngãi' },
  { code: '52', name: 'Tỉnh Bình Định' },
  { code: '54', name: 'Tỉnh Phú Yên' },
  { code: '56', name: 'Tỉnh Khánh Hòa' },
  { code: '58', name: 'Tỉnh Ninh Thuận' },
  { code: '60', name: 'Tỉnh Bình Thuận' },
  { code: '62', name: 'Tỉnh Kon Tum' },
  { code: '64', name: 'Tỉnh Gia Lai' },
  { code: '66', name: 'Tỉnh Đắk Lắk' },
  { code: '67', name: 'Tỉnh Đắk Nông' },
  { code: '68', name: 'Tỉnh Lâm Đồng' },
  { code: '70', name: 'Tỉnh Bình Phước' },
  { code: '72', name: 'Tỉnh Tây Ninh' },
  { code: '74', name: 'Tỉnh Bình Dương' },
  { code: '75', name: 'Tỉnh Đồng Nai' },
  { code: '77', name: 'Tỉnh Bà Rịa - Vũng Tàu' },
  { code: '79', name: 'Thành phố Hồ Chí Minh' },
  { code: '80', name: 'Tỉnh Long An' },
  { code: '82', name: 'Tỉnh Tiền Giang' },
  { code: '83', name: 'Tỉnh Bến Tre' },
  { code: '84', name: 'Tỉnh Trà Vinh' },
  { code: '86', name: 'Tỉnh Vĩnh Long' },
  { code: '87', name: 'Tỉnh Đồng Tháp' },
  { code: '89', name: 'Tỉnh An Giang' },
  { code: '91', name: 'Tỉnh Kiên Giang' },
  { code: '92', name: 'Thành phố Cần Thơ' },
  { code: '93', name: 'Tỉnh Hậu Giang' },
  { code: '94', name: 'Tỉnh Sóc Trăng' },
  { code: '95', name: 'Tỉnh Bạc Liêu' },
  { code: '96', name: 'Tỉnh Cà Mau' },
];

/** The 34 provinces and centrally-run cities in force from 1 July 2025. */
export const PROVINCES_34: readonly ProvinceFact[] = [
  { code: '01', name: 'Thành phố Hà Nội' },
  { code: '04', name: 'Tỉnh Cao Bằng' },
  { code: '08', name: 'Tỉnh Tuyên Quang' },
  { code: '11', name: 'Tỉnh Điện Biên' },
  { code: '12', name: 'Tỉnh Lai Châu' },
  { code: '14', name: 'Tỉnh Sơn La' },
  { code: '15', name: 'Tỉnh Lào Cai' },
  { code: '19', name: 'Tỉnh Thái Nguyên' },
  { code: '20', name: 'Tỉnh Lạng Sơn' },
  { code: '22', name: 'Tỉnh Quảng Ninh' },
  { code: '24', name: 'Tỉnh Bắc Ninh' },
  { code: '25', name: 'Tỉnh Phú Thọ' },
  { code: '31', name: 'Thành phố Hải Phòng' },
  { code: '33', name: 'Tỉnh Hưng Yên' },
  { code: '37', name: 'Tỉnh Ninh Bình' },
  { code: '38', name: 'Tỉnh Thanh Hóa' },
  { code: '40', name: 'Tỉnh Nghệ An' },
  { code: '42', name: 'Tỉnh Hà Tĩnh' },
  { code: '44', name: 'Tỉnh Quảng Trị' },
  { code: '46', name: 'Thành phố Huế' },
  { code: '48', name: 'Thành phố Đà Nẵng' },
  { code: '51', name: 'Tỉnh Quảng Ngãi' },
  { code: '52', name: 'Tỉnh Gia Lai' },
  { code: '56', name: 'Tỉnh Khánh Hòa' },
  { code: '66', name: 'Tỉnh Đắk Lắk' },
  { code: '68', name: 'Tỉnh Lâm Đồng' },
  { code: '75', name: 'Tỉnh Đồng Nai' },
  { code: '79', name: 'Thành phố Hồ Chí Minh' },
  { code: '80', name: 'Tỉnh Tây Ninh' },
  { code: '82', name: 'Tỉnh Đồng Tháp' },
  { code: '86', name: 'Tỉnh Vĩnh Long' },
  { code: '91', name: 'Tỉnh An Giang' },
  { code: '92', name: 'Thành phố Cần Thơ' },
  { code: '96', name: 'Tỉnh Cà Mau' },
];

/** One old province going (wholly) into a new one on 1 July 2025. */
export interface ProvinceMerge {
  /** Code of the province in force until 30 June 2025. */
  from: string;
  /** Code of the province in force from 1 July 2025. */
  to: string;
}

/**
 * Where each of the 63 went on 1 July 2025. Every old province went wholly
 * into one new province; a province that kept its code and name maps to itself.
 */
export const PROVINCE_MERGES_2025: readonly ProvinceMerge[] = [
  { from: '01', to: '01' },
  { from: '04', to: '04' },
  { from: '02', to: '08' },
  { from: '08', to: '08' },
  { from: '11', to: '11' },
  { from: '12', to: '12' },
  { from: '14', to: '14' },
  { from: '10', to: '15' },
  { from: '15', to: '15' },
  { from: '06', to: '19' },
  { from: '19', to: '19' },
  { from: '20', to: '20' },
  { from: '22', to: '22' },
  { from: '24', to: '24' },
  { from: '27', to: '24' },
  { from: '17', to: '25' },
  { from: '25', to: '25' },
  { from: '26', to: '25' },
  { from: '30', to: '31' },
  { from: '31', to: '31' },
  { from: '33', to: '33' },
  { from: '34', to: '33' },
  { from: '35', to: '37' },
  { from: '36', to: '37' },
  { from: '37', to: '37' },
  { from: '38', to: '38' },
  { from: '40', to: '40' },
  { from: '42', to: '42' },
  { from: '44', to: '44' },
  { from: '45', to: '44' },
  { from: '46', to: '46' },
  { from: '48', to: '48' },
  { from: '49', to: '48' },
  { from: '51', to: '51' },
  { from: '62', to: '51' },
  { from: '52', to: '52' },
  { from: '64', to: '52' },
  { from: '56', to: '56' },
  { from: '58', to: '56' },
  { from: '54', to: '66' },
  { from: '66', to: '66' },
  { from: '60', to: '68' },
  { from: '67', to: '68' },
  { from: '68', to: '68' },
  { from: '70', to: '75' },
  { from: '75', to: '75' },
  { from: '74', to: '79' },
  { from: '77', to: '79' },
  { from: '79', to: '79' },
  { from: '72', to: '80' },
  { from: '80', to: '80' },
  { from: '82', to: '82' },
  { from: '87', to: '82' },
  { from: '83', to: '86' },
  { from: '84', to: '86' },
  { from: '86', to: '86' },
  { from: '89', to: '91' },
  { from: '91', to: '91' },
  { from: '92', to: '92' },
  { from: '93', to: '92' },
  { from: '94', to: '92' },
  { from: '95', to: '96' },
  { from: '96', to: '96' },
];

/** The three provinces whose programs the seed documents are: Nam Định, Nghệ An, Quảng Nam. */
export const SEED_PROVINCE_CODES = ['36', '40', '49'] as const;

/**
 * The English name of a province: "Tỉnh Nghệ An" → "Nghệ An Province",
 * "Thành phố Đà Nẵng" → "Đà Nẵng City".
 */
export function provinceNameEn(name: string): string {
  const city = /^Thành phố\s+/i.exec(name);
  if (city) return `${name.slice(city[0].length)} City`;
  const province = /^Tỉnh\s+/i.exec(name);
  if (province) return `${name.slice(province[0].length)} Province`;
  return name;
}
