/**
 * Departments and other provincial bodies (sở, ban, ngành) of the three seed
 * provinces — Nam Định (36), Nghệ An (40), Quảng Nam (49) — and of the two
 * provinces that took in Nam Định and Quảng Nam on 1 July 2025, Ninh Bình
 * (37) and Đà Nẵng (48), written from public facts:
 *
 * - until 28 February 2025 the People's Committee of a province had the
 *   departments of Decree 24/2014/NĐ-CP (as amended by Decree 107/2020/NĐ-CP);
 * - from 1 March 2025 (Decree 45/2025/NĐ-CP and each province's decisions)
 *   Thông tin và Truyền thông went into Khoa học và Công nghệ (press and
 *   publishing to Văn hóa, Thể thao và Du lịch), Kế hoạch và Đầu tư into Tài
 *   chính, Nông nghiệp và PTNT with Tài nguyên và Môi trường became Nông
 *   nghiệp và Môi trường, Giao thông vận tải went into Xây dựng, Lao động -
 *   Thương binh và Xã hội into Nội vụ (social protection to Y tế, vocational
 *   training to Giáo dục và Đào tạo), and where there was a Ban Dân tộc it
 *   became Sở Dân tộc và Tôn giáo with the religious affairs of Nội vụ;
 * - from 1 March 2025 the State Bank, the State Treasury, the tax
 *   administration and social security were organised by region, so their
 *   provincial bodies ended;
 * - on 1 July 2025 (Resolution 202/2025/QH15) the bodies of Nam Định went into
 *   those of the new Ninh Bình, those of Quảng Nam into those of Đà Nẵng.
 *
 * A name is the body's canonical full name without the province ("Sở Thông
 * tin và Truyền thông", "Công an tỉnh"); the internal code is
 * `<provinceCode>.<ABBR>`. What could not be established as fact (the exact
 * dates of the 2025 Party-commission and media mergers, which culture and
 * tourism departments Ninh Bình and Đà Nẵng have) is left out: those bodies
 * keep an open end, or have no successor recorded.
 */

/** A body of a province as shipped reference data. */
export interface DepartmentFact {
  /** Internal code `<provinceCode>.<ABBR>`, e.g. `40.SYT`. */
  code: string;
  provinceCode: string;
  /** 'department' for the People's Committee's own departments; 'agency' for every other body. */
  kind: 'department' | 'agency';
  name: string;
  shortName: string | null;
  nameEn: string;
  /** Other ways documents name it, for the mention matcher. */
  aliases: readonly string[];
  validFrom: string | null;
  validTo: string | null;
}

/** A successor link between two bodies. */
export interface DepartmentLineageFact {
  from: string;
  to: string;
  effectiveOn: string;
  /** 'full': the whole body went into the other; 'partial': a part of its duties did. */
  kind: 'full' | 'partial' | 'rename';
  source: string;
}

/** The date the 2025 consolidation of departments took effect. */
export const DEPARTMENTS_2025_03_EFFECTIVE_ON = '2025-03-01';
const MARCH_2025 = DEPARTMENTS_2025_03_EFFECTIVE_ON;
const JULY_2025 = '2025-07-01';
const DECREE_45 = 'Nghị định 45/2025/NĐ-CP';
const RESOLUTION_202 = 'Nghị quyết 202/2025/QH15';

interface BodyTemplate {
  kind: 'department' | 'agency';
  /** `{tier}` becomes "tỉnh" or "thành phố", `{Tier}` "Provincial" or "City", `{base}` the province's own name. */
  name: string;
  shortName?: string;
  nameEn: string;
  aliases?: readonly string[];
}

// The bodies by abbreviation; which province has which, and when, follows below.
const bodies = {
  VP: {
    kind: 'department',
    name: 'Văn phòng Ủy ban nhân dân {tier}',
    shortName: 'VP UBND {tier}',
    nameEn: "Office of the {Tier} People's Committee",
  },
  SNV: { kind: 'department', name: 'Sở Nội vụ', nameEn: 'Department of Home Affairs' },
  STP: { kind: 'department', name: 'Sở Tư pháp', nameEn: 'Department of Justice' },
  SKHDT: {
    kind: 'department',
    name: 'Sở Kế hoạch và Đầu tư',
    shortName: 'Sở KH&ĐT',
    nameEn: 'Department of Planning and Investment',
  },
  STC: { kind: 'department', name: 'Sở Tài chính', nameEn: 'Department of Finance' },
  SCT: { kind: 'department', name: 'Sở Công Thương', nameEn: 'Department of Industry and Trade' },
  SNNPTNT: {
    kind: 'department',
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    shortName: 'Sở NN&PTNT',
    nameEn: 'Department of Agriculture and Rural Development',
  },
  STNMT: {
    kind: 'department',
    name: 'Sở Tài nguyên và Môi trường',
    shortName: 'Sở TN&MT',
    nameEn: 'Department of Natural Resources and Environment',
  },
  SNNMT: {
    kind: 'department',
    name: 'Sở Nông nghiệp và Môi trường',
    shortName: 'Sở NN&MT',
    nameEn: 'Department of Agriculture and Environment',
  },
  SGTVT: {
    kind: 'department',
    name: 'Sở Giao thông vận tải',
    shortName: 'Sở GTVT',
    nameEn: 'Department of Transport',
  },
  SXD: { kind: 'department', name: 'Sở Xây dựng', nameEn: 'Department of Construction' },
  STTTT: {
    kind: 'department',
    name: 'Sở Thông tin và Truyền thông',
    shortName: 'Sở TT&TT',
    nameEn: 'Department of Information and Communications',
  },
  SLDTBXH: {
    kind: 'department',
    name: 'Sở Lao động - Thương binh và Xã hội',
    shortName: 'Sở LĐ-TB&XH',
    nameEn: 'Department of Labour, Invalids and Social Affairs',
  },
  SKHCN: {
    kind: 'department',
    name: 'Sở Khoa học và Công nghệ',
    shortName: 'Sở KH&CN',
    nameEn: 'Department of Science and Technology',
  },
  SGDDT: {
    kind: 'department',
    name: 'Sở Giáo dục và Đào tạo',
    shortName: 'Sở GD&ĐT',
    nameEn: 'Department of Education and Training',
  },
  SYT: { kind: 'department', name: 'Sở Y tế', nameEn: 'Department of Health' },
  SVHTTDL: {
    kind: 'department',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    shortName: 'Sở VH-TT&DL',
    nameEn: 'Department of Culture, Sports and Tourism',
  },
  SVHTT: {
    kind: 'department',
    name: 'Sở Văn hóa và Thể thao',
    shortName: 'Sở VH&TT',
    nameEn: 'Department of Culture and Sports',
  },
  SDL: { kind: 'department', name: 'Sở Du lịch', nameEn: 'Department of Tourism' },
  TTR: { kind: 'department', name: 'Thanh tra {tier}', nameEn: '{Tier} Inspectorate' },
  BDT: { kind: 'department', name: 'Ban Dân tộc', nameEn: 'Ethnic Minority Affairs Committee' },
  SDTTG: {
    kind: 'department',
    name: 'Sở Dân tộc và Tôn giáo',
    shortName: 'Sở DT&TG',
    nameEn: 'Department of Ethnic Minority and Religious Affairs',
  },
  CA: { kind: 'agency', name: 'Công an {tier}', nameEn: '{Tier} Police' },
  BCHQS: {
    kind: 'agency',
    name: 'Bộ Chỉ huy Quân sự {tier}',
    shortName: 'BCH Quân sự {tier}',
    nameEn: '{Tier} Military Command',
  },
  DPTTH: {
    kind: 'agency',
    name: 'Đài Phát thanh và Truyền hình {tier}',
    shortName: 'Đài PT-TH {tier}',
    nameEn: '{Tier} Radio and Television Station',
  },
  BAO: { kind: 'agency', name: 'Báo {base}', nameEn: '{base} Newspaper', aliases: ['Báo {tier}'] },
  BHXH: {
    kind: 'agency',
    name: 'Bảo hiểm xã hội {tier}',
    shortName: 'BHXH {tier}',
    nameEn: '{Tier} Social Security',
  },
  CT: { kind: 'agency', name: 'Cục Thuế {tier}', nameEn: '{Tier} Tax Department' },
  KBNN: {
    kind: 'agency',
    name: 'Kho bạc Nhà nước {tier}',
    shortName: 'KBNN {tier}',
    nameEn: '{Tier} State Treasury',
  },
  NHNN: {
    kind: 'agency',
    name: 'Ngân hàng Nhà nước chi nhánh {tier}',
    shortName: 'NHNN chi nhánh {tier}',
    nameEn: 'State Bank of Vietnam, {Tier} Branch',
    aliases: ['Ngân hàng Nhà nước Việt Nam chi nhánh {tier}'],
  },
  HDND: {
    kind: 'agency',
    name: 'Hội đồng nhân dân {tier}',
    shortName: 'HĐND {tier}',
    nameEn: "{Tier} People's Council",
    aliases: ['Thường trực Hội đồng nhân dân {tier}'],
  },
  VPTU: { kind: 'agency', name: 'Văn phòng Tỉnh ủy', nameEn: 'Office of the Provincial Party Committee' },
  BTGTU: {
    kind: 'agency',
    name: 'Ban Tuyên giáo Tỉnh ủy',
    nameEn: 'Propaganda and Education Commission of the Provincial Party Committee',
  },
  BDVTU: {
    kind: 'agency',
    name: 'Ban Dân vận Tỉnh ủy',
    nameEn: 'Mass Mobilisation Commission of the Provincial Party Committee',
  },
  BTCTU: {
    kind: 'agency',
    name: 'Ban Tổ chức Tỉnh ủy',
    nameEn: 'Organisation Commission of the Provincial Party Committee',
  },
  UBKTTU: {
    kind: 'agency',
    name: 'Ủy ban Kiểm tra Tỉnh ủy',
    shortName: 'UBKT Tỉnh ủy',
    nameEn: 'Inspection Commission of the Provincial Party Committee',
  },
  MTTQ: {
    kind: 'agency',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam {tier}',
    shortName: 'UBMTTQ Việt Nam {tier}',
    nameEn: 'Vietnam Fatherland Front Committee of the Province',
    aliases: ['Mặt trận Tổ quốc {tier}', 'Ủy ban Mặt trận Tổ quốc {tier}'],
  },
  TD: {
    kind: 'agency',
    name: 'Tỉnh đoàn',
    nameEn: 'Provincial Youth Union',
    aliases: ['Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh', 'Tỉnh Đoàn thanh niên'],
  },
  HLHPN: {
    kind: 'agency',
    name: 'Hội Liên hiệp Phụ nữ {tier}',
    shortName: 'Hội LHPN {tier}',
    nameEn: "{Tier} Women's Union",
  },
  HND: { kind: 'agency', name: 'Hội Nông dân {tier}', nameEn: "{Tier} Farmers' Union" },
  HCCB: { kind: 'agency', name: 'Hội Cựu chiến binh {tier}', nameEn: "{Tier} Veterans' Association" },
  LDLD: {
    kind: 'agency',
    name: 'Liên đoàn Lao động {tier}',
    shortName: 'LĐLĐ {tier}',
    nameEn: '{Tier} Labour Federation',
  },
  LMHTX: {
    kind: 'agency',
    name: 'Liên minh Hợp tác xã {tier}',
    shortName: 'Liên minh HTX {tier}',
    nameEn: '{Tier} Cooperative Alliance',
  },
} as const satisfies Record<string, BodyTemplate>;

type Abbr = keyof typeof bodies;

interface ProvinceBodies {
  code: string;
  /** The province's own name ("Nghệ An"), for bodies named after it. */
  base: string;
  tier: 'tỉnh' | 'thành phố';
  /** When every body of the province ends (the province itself ends). */
  endsOn: string | null;
  /** Bodies that exist from `startsOn` (or since before our records) to `endsOn`. */
  startsOn: string | null;
  bodies: ReadonlyArray<Abbr | [Abbr, string | null, string | null]>;
}

// Bodies common to the three seed provinces before the 2025 reorganisations;
// [abbr, validFrom, validTo] where the body starts or ends on its own.
const seedCommon: ProvinceBodies['bodies'] = [
  'VP',
  'SNV',
  'STP',
  ['SKHDT', null, MARCH_2025],
  'STC',
  'SCT',
  ['SNNPTNT', null, MARCH_2025],
  ['STNMT', null, MARCH_2025],
  ['SNNMT', MARCH_2025, null],
  ['SGTVT', null, MARCH_2025],
  'SXD',
  ['STTTT', null, MARCH_2025],
  ['SLDTBXH', null, MARCH_2025],
  'SKHCN',
  'SGDDT',
  'SYT',
  'TTR',
  'CA',
  'BCHQS',
  'DPTTH',
  'BAO',
  ['BHXH', null, MARCH_2025],
  ['CT', null, MARCH_2025],
  ['KBNN', null, MARCH_2025],
  ['NHNN', null, MARCH_2025],
  'HDND',
  'VPTU',
  'BTGTU',
  'BDVTU',
  'BTCTU',
  'UBKTTU',
  'MTTQ',
  'TD',
  'HLHPN',
  'HND',
  'HCCB',
  'LDLD',
  'LMHTX',
];

// The bodies of the new Ninh Bình and Đà Nẵng that took in those of Nam Định and Quảng Nam.
const mergedInJuly2025: Abbr[] = [
  'VP',
  'SNV',
  'STP',
  'STC',
  'SCT',
  'SNNMT',
  'SXD',
  'SKHCN',
  'SGDDT',
  'SYT',
  'TTR',
  'CA',
  'BCHQS',
  'HDND',
];

const provinces: ProvinceBodies[] = [
  {
    code: '36',
    base: 'Nam Định',
    tier: 'tỉnh',
    startsOn: null,
    endsOn: JULY_2025,
    bodies: [...seedCommon, 'SVHTTDL'],
  },
  {
    code: '40',
    base: 'Nghệ An',
    tier: 'tỉnh',
    startsOn: null,
    endsOn: null,
    bodies: [...seedCommon, 'SVHTT', 'SDL', ['BDT', null, MARCH_2025], ['SDTTG', MARCH_2025, null]],
  },
  {
    code: '49',
    base: 'Quảng Nam',
    tier: 'tỉnh',
    startsOn: null,
    endsOn: JULY_2025,
    bodies: [...seedCommon, 'SVHTTDL', ['BDT', null, MARCH_2025], ['SDTTG', MARCH_2025, null]],
  },
  {
    code: '37',
    base: 'Ninh Bình',
    tier: 'tỉnh',
    startsOn: JULY_2025,
    endsOn: null,
    bodies: mergedInJuly2025,
  },
  {
    code: '48',
    base: 'Đà Nẵng',
    tier: 'thành phố',
    startsOn: JULY_2025,
    endsOn: null,
    bodies: mergedInJuly2025,
  },
];

function fill(template: string, p: ProvinceBodies): string {
  return template
    .replaceAll('{tier}', p.tier)
    .replaceAll('{Tier}', p.tier === 'tỉnh' ? 'Provincial' : 'City')
    .replaceAll('{base}', p.base);
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

function buildDepartments(): DepartmentFact[] {
  const out: DepartmentFact[] = [];
  for (const p of provinces) {
    for (const entry of p.bodies) {
      const [abbr, from, to] = typeof entry === 'string' ? [entry, null, null] : entry;
      const t: BodyTemplate = bodies[abbr];
      out.push({
        code: `${p.code}.${abbr}`,
        provinceCode: p.code,
        kind: t.kind,
        name: fill(t.name, p),
        shortName: t.shortName ? fill(t.shortName, p) : null,
        nameEn: fill(t.nameEn, p),
        aliases: (t.aliases ?? []).map((a) => fill(a, p)),
        // a body never outlives its province
        validFrom: later(from, p.startsOn),
        validTo: earlier(to, p.endsOn),
      });
    }
  }
  return out;
}

function buildLineage(): DepartmentLineageFact[] {
  const links: DepartmentLineageFact[] = [];
  const march = (from: string, to: string, kind: 'full' | 'partial') =>
    links.push({ from, to, effectiveOn: MARCH_2025, kind, source: DECREE_45 });
  for (const p of ['36', '40', '49']) {
    march(`${p}.SKHDT`, `${p}.STC`, 'full');
    march(`${p}.SNNPTNT`, `${p}.SNNMT`, 'full');
    march(`${p}.STNMT`, `${p}.SNNMT`, 'full');
    march(`${p}.SGTVT`, `${p}.SXD`, 'full');
    march(`${p}.STTTT`, `${p}.SKHCN`, 'partial');
    march(`${p}.SLDTBXH`, `${p}.SNV`, 'partial');
    march(`${p}.SLDTBXH`, `${p}.SYT`, 'partial');
    march(`${p}.SLDTBXH`, `${p}.SGDDT`, 'partial');
  }
  // press and publishing went to the culture department where it is one department
  march('36.STTTT', '36.SVHTTDL', 'partial');
  march('49.STTTT', '49.SVHTTDL', 'partial');
  for (const p of ['40', '49']) {
    march(`${p}.BDT`, `${p}.SDTTG`, 'full');
    march(`${p}.SNV`, `${p}.SDTTG`, 'partial');
  }
  for (const [from, to] of [
    ['36', '37'],
    ['49', '48'],
  ] as const) {
    for (const abbr of mergedInJuly2025) {
      links.push({
        from: `${from}.${abbr}`,
        to: `${to}.${abbr}`,
        effectiveOn: JULY_2025,
        kind: 'full',
        source: RESOLUTION_202,
      });
    }
  }
  return links;
}

/** Every shipped body of a province, with its validity. */
export const DEPARTMENTS: readonly DepartmentFact[] = buildDepartments();

/** Successor links between shipped bodies (the 2025 consolidations and merges). */
export const DEPARTMENT_LINEAGE: readonly DepartmentLineageFact[] = buildLineage();

/** The codes of the provinces that have shipped bodies. */
export const PROVINCES_WITH_DEPARTMENTS: readonly string[] = provinces.map((p) => p.code);
