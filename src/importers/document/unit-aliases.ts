/**
 * The bodies of a province that policy documents name as lead or
 * cooperating units, each with its canonical full name (without the
 * province's name, as the units of the province are named) and the ways
 * documents write it: "Sở TT&TT", "Sở Thông tin - Truyền thông", "UBND các
 * huyện, thành phố". Collective mentions ("các sở, ban, ngành") have
 * canonical collective names. Patterns work on folded text.
 */

/** A body of the province and how documents write it. */
export interface UnitAlias {
  /** Canonical full name, e.g. "Sở Thông tin và Truyền thông". */
  name: string;
  /** Folded patterns, longest forms first. */
  patterns: RegExp[];
  /** Collective mentions stand for several units. */
  collective?: boolean;
}

const AND = String.raw`\s*(?:va|&|-|–|,)\s*`;

function sở(name: string, core: string, short: string[] = []): UnitAlias {
  return {
    name,
    patterns: [
      new RegExp(String.raw`so\s+${core}`),
      ...short.map((s) => new RegExp(String.raw`so\s+${s}(?![a-z])`)),
    ],
  };
}

export const UNIT_ALIASES: UnitAlias[] = [
  sở('Sở Thông tin và Truyền thông', `thong tin${AND}truyen thong`, [
    `tt\\s*(?:&|va)\\s*tt`,
    'tttt',
    'ttvtt',
  ]),
  sở('Sở Kế hoạch và Đầu tư', `ke hoach${AND}dau tu`, [`kh\\s*(?:&|va)\\s*dt`, 'khdt', 'khđt']),
  sở('Sở Tài chính', 'tai chinh'),
  sở('Sở Nội vụ', 'noi vu'),
  sở('Sở Tư pháp', 'tu phap'),
  sở('Sở Công Thương', `cong(?:${AND}|\\s+)thuong`),
  sở('Sở Khoa học và Công nghệ', `khoa hoc${AND}cong nghe`, [`kh\\s*(?:&|va)\\s*cn`, 'khcn']),
  sở('Sở Giáo dục và Đào tạo', `giao duc${AND}dao tao`, [`gd\\s*(?:&|va)\\s*dt`, 'gddt']),
  sở('Sở Y tế', 'y te'),
  sở('Sở Nông nghiệp và Phát triển nông thôn', `nong nghiep${AND}phat trien nong thon`, [
    `nn\\s*(?:&|va)\\s*ptnt`,
    'nnptnt',
  ]),
  sở('Sở Nông nghiệp và Môi trường', `nong nghiep${AND}moi truong`, [`nn\\s*(?:&|va)\\s*mt`]),
  sở('Sở Giao thông vận tải', `giao thong(?:${AND}|\\s+)van tai`, ['gtvt']),
  sở('Sở Xây dựng', 'xay dung'),
  sở('Sở Tài nguyên và Môi trường', `tai nguyen${AND}moi truong`, [`tn\\s*(?:&|va)\\s*mt`, 'tnmt']),
  sở('Sở Lao động - Thương binh và Xã hội', `lao dong(?:${AND}|\\s+)thuong binh${AND}xa hoi`, [
    `ld\\s*-?\\s*tb\\s*(?:&|va)\\s*xh`,
    'ldtbxh',
  ]),
  sở('Sở Văn hóa, Thể thao và Du lịch', `van hoa${AND}the thao${AND}du lich`, [
    'vhttdl',
    `vh\\s*,?\\s*tt\\s*(?:&|va)\\s*dl`,
  ]),
  sở('Sở Văn hóa và Thể thao', `van hoa${AND}the thao`),
  sở('Sở Du lịch', 'du lich'),
  sở('Sở Ngoại vụ', 'ngoai vu'),
  sở('Sở Dân tộc và Tôn giáo', `dan toc${AND}ton giao`),
  {
    name: 'Văn phòng Ủy ban nhân dân tỉnh',
    patterns: [/van phong\s+(?:uy ban nhan dan|ubnd)\s+tinh/],
  },
  {
    name: 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh',
    patterns: [/van phong\s+doan dai bieu quoc hoi\s+(?:va|&)\s+(?:hoi dong nhan dan|hdnd)\s+tinh/],
  },
  { name: 'Văn phòng Tỉnh ủy', patterns: [/van phong\s+tinh uy/] },
  { name: 'Thanh tra tỉnh', patterns: [/thanh tra\s+tinh/] },
  { name: 'Ban Dân tộc tỉnh', patterns: [/ban dan toc(?:\s+tinh)?(?![a-z])/] },
  { name: 'Công an tỉnh', patterns: [/cong an\s+tinh/] },
  { name: 'Bộ Chỉ huy Quân sự tỉnh', patterns: [/bo chi huy quan su\s+tinh/] },
  { name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', patterns: [/bo chi huy bo doi bien phong\s+tinh/] },
  { name: 'Đài Phát thanh và Truyền hình tỉnh', patterns: [/dai phat thanh\s*(?:va|-|&)\s*truyen hinh/] },
  { name: 'Báo tỉnh', patterns: [/bao\s+(?:dang bo\s+)?tinh(?![a-z])/] },
  { name: 'Bảo hiểm xã hội tỉnh', patterns: [/bao hiem xa hoi\s+tinh/] },
  { name: 'Cục Thuế tỉnh', patterns: [/cuc thue(?:\s+tinh)?(?![a-z])/] },
  { name: 'Cục Thống kê tỉnh', patterns: [/cuc thong ke(?:\s+tinh)?(?![a-z])/] },
  { name: 'Cục Hải quan tỉnh', patterns: [/cuc hai quan(?:\s+tinh)?(?![a-z])/] },
  { name: 'Kho bạc Nhà nước tỉnh', patterns: [/kho bac nha nuoc(?:\s+tinh)?(?![a-z])/] },
  {
    name: 'Ngân hàng Nhà nước chi nhánh tỉnh',
    patterns: [/ngan hang nha nuoc(?:\s+viet nam)?(?:\s*(?:-|chi nhanh))*(?:\s*tinh)?(?![a-z])/],
  },
  {
    name: 'Ban Quản lý các khu công nghiệp tỉnh',
    patterns: [/ban quan ly\s+(?:cac\s+)?khu cong nghiep/],
  },
  { name: 'Ban Quản lý Khu kinh tế tỉnh', patterns: [/ban quan ly\s+(?:cac\s+)?khu kinh te/] },
  { name: 'Ban Tuyên giáo Tỉnh ủy', patterns: [/ban tuyen giao\s+tinh uy/] },
  { name: 'Ban Dân vận Tỉnh ủy', patterns: [/ban dan van\s+tinh uy/] },
  { name: 'Ban Tổ chức Tỉnh ủy', patterns: [/ban to chuc\s+tinh uy/] },
  { name: 'Ban Nội chính Tỉnh ủy', patterns: [/ban noi chinh\s+tinh uy/] },
  { name: 'Ủy ban Kiểm tra Tỉnh ủy', patterns: [/uy ban kiem tra\s+tinh uy/] },
  {
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    patterns: [/(?:uy ban\s+)?mat tran to quoc(?:\s+viet nam)?\s+tinh/, /ubmttq(?:vn)?\s+tinh/],
  },
  { name: 'Tỉnh đoàn', patterns: [/tinh doan(?![a-z])/, /doan thanh nien cong san ho chi minh\s+tinh/] },
  { name: 'Hội Liên hiệp Phụ nữ tỉnh', patterns: [/hoi lien hiep phu nu\s+tinh/] },
  { name: 'Hội Nông dân tỉnh', patterns: [/hoi nong dan\s+tinh/] },
  { name: 'Hội Cựu chiến binh tỉnh', patterns: [/hoi cuu chien binh\s+tinh/] },
  { name: 'Liên đoàn Lao động tỉnh', patterns: [/lien doan lao dong\s+tinh/] },
  { name: 'Liên minh Hợp tác xã tỉnh', patterns: [/lien minh hop tac xa\s+tinh/] },
  { name: 'Trường Chính trị tỉnh', patterns: [/truong chinh tri\s+tinh/] },
  {
    name: 'Ban cán sự đảng Ủy ban nhân dân tỉnh',
    patterns: [/ban can su dang\s+(?:uy ban nhan dan|ubnd)\s+tinh/],
  },
  { name: 'Đảng đoàn Hội đồng nhân dân tỉnh', patterns: [/dang doan\s+(?:hoi dong nhan dan|hdnd)\s+tinh/] },
  { name: 'Ban Thường vụ Tỉnh ủy', patterns: [/ban thuong vu\s+tinh uy/] },
  { name: 'Hội đồng nhân dân tỉnh', patterns: [/(?:hoi dong nhan dan|hdnd)\s+tinh/] },
  { name: 'Ủy ban nhân dân tỉnh', patterns: [/(?:uy ban nhan dan|ubnd)\s+tinh(?![a-z])/] },
  { name: 'Viễn thông tỉnh (VNPT)', patterns: [/vien thong\s+tinh|vnpt\s+tinh/] },
  { name: 'Viettel tỉnh', patterns: [/viettel\s+tinh/] },
  { name: 'Bưu điện tỉnh', patterns: [/buu dien\s+tinh/] },
  // collective mentions
  {
    name: 'Ủy ban nhân dân cấp huyện',
    collective: true,
    patterns: [
      /(?:uy ban nhan dan|ubnd)\s+cap\s+huyen/,
      /(?:uy ban nhan dan|ubnd)\s+(?:cac\s+)?(?:huyen|quan)(?:\s*(?:,|\/|va)\s*(?:thi xa|thanh pho|thi|thanh|quan|huyen))*/,
    ],
  },
  {
    name: 'Ủy ban nhân dân cấp xã',
    collective: true,
    patterns: [
      /(?:uy ban nhan dan|ubnd)\s+cap\s+xa/,
      /(?:uy ban nhan dan|ubnd)\s+(?:cac\s+)?xa(?:\s*(?:,|\/|va)\s*(?:phuong|thi tran|dac khu))*/,
    ],
  },
  {
    name: 'Các sở, ban, ngành',
    collective: true,
    patterns: [
      /(?:cac\s+)?so\s*,\s*ban\s*,\s*nganh(?:\s+(?:tinh|cap tinh|thuoc tinh))?/,
      /(?:cac\s+)?so\s*,\s*nganh(?:\s+(?:tinh|cap tinh))?/,
      /cac\s+co quan\s*,\s*don vi\s+(?:cap tinh|thuoc tinh|truc thuoc (?:uy ban nhan dan|ubnd) tinh)/,
      /cac\s+co quan\s+chuyen mon\s+(?:thuoc|truc thuoc)\s+(?:uy ban nhan dan|ubnd)\s+tinh/,
    ],
  },
  {
    name: 'Các huyện ủy, thị ủy, thành ủy',
    collective: true,
    patterns: [/cac\s+huyen\s*,\s*thi\s*,\s*thanh uy/, /cac\s+huyen uy\s*,\s*(?:thi uy\s*,\s*)?thanh uy/],
  },
];

/** A unit named in folded text. */
export interface UnitMention {
  /** Canonical name, or the words as written when no alias fits ("Sở Ngoại vụ và Du lịch"). */
  name: string;
  start: number;
  end: number;
  collective: boolean;
}

const generic = /(?:^|[^a-z])(so)\s+((?:[a-z]+\s?){1,6})/g;

// compiled once: a name may wrap onto the next line, so any run of spaces joins its words
const compiled = UNIT_ALIASES.flatMap((alias) =>
  alias.patterns.map((re) => ({ alias, re: new RegExp(re.source.replace(/ /g, '\\s+'), 'g') })),
);

function scan(text: string, folded: string, from: number, to: number): UnitMention[] {
  const slice = folded.slice(from, to);
  const found: UnitMention[] = [];
  for (const { alias, re } of compiled) {
    for (const m of slice.matchAll(re)) {
      const before = slice[m.index - 1];
      if (before !== undefined && /[a-z]/.test(before)) continue;
      // a department is written "Sở …"; "cơ sở y tế" is a facility
      if (alias.name.startsWith('Sở ') && text[from + m.index] !== 'S') continue;
      found.push({
        name: alias.name,
        start: from + m.index,
        end: from + m.index + m[0].length,
        collective: Boolean(alias.collective),
      });
    }
  }
  // a "Sở …" the table does not know is kept as written, up to a delimiter
  for (const m of slice.matchAll(generic)) {
    const start = from + m.index + m[0].indexOf('so');
    if (found.some((f) => start >= f.start && start < f.end)) continue;
    const raw = text.slice(start, from + m.index + m[0].length);
    const words = raw.split(/\s+/);
    // capitalised words make a name: "Sở Ngoại vụ", not "sở hữu trí tuệ"
    if (!/^Sở$/u.test(words[0] ?? '') || !/^\p{Lu}/u.test(words[1] ?? '')) continue;
    const name = raw
      .replace(/\s+(chủ trì|phối hợp|và|có|là|thực hiện|tham mưu|hướng dẫn|tổ chức)(\s.*)?$/u, '')
      .trim();
    found.push({ name, start, end: start + name.length, collective: false });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: UnitMention[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}

// a document is scanned once; later questions about a range filter that scan
const scanned = new WeakMap<object, UnitMention[]>();
const keys = new Map<string, object>();

/**
 * Every unit named in [from, to) of a text, by its folded view; overlapping
 * mentions keep the longest. `text` gives the words of unknown bodies.
 */
export function findUnitMentions(text: string, folded: string, from = 0, to = folded.length): UnitMention[] {
  if (folded.length < 2000) return scan(text, folded, from, to);
  let key = keys.get(folded);
  if (!key) {
    // one cached document at a time is enough for the reader
    keys.clear();
    key = {};
    keys.set(folded, key);
  }
  let all = scanned.get(key);
  if (!all) {
    all = scan(text, folded, 0, folded.length);
    scanned.set(key, all);
  }
  return all.filter((m) => m.start >= from && m.end <= to);
}

/** The canonical name of a unit mention as written, or null when no alias fits. */
export function canonicalUnitName(mention: string, fold: (s: string) => string): string | null {
  const folded = fold(mention);
  const found = findUnitMentions(mention, folded);
  return found.length === 1 &&
    (found[0] as UnitMention).end - (found[0] as UnitMention).start >= folded.trim().length - 12
    ? (found[0] as UnitMention).name
    : null;
}
