/**
 * Which indicator of the national catalog a target measures. Phrase rules
 * written from the language of DX programs ("hồ sơ công việc … xử lý trên
 * môi trường mạng", "kinh tế số … GRDP") decide first; a word-overlap match
 * against the catalog's names catches the rest with a lower confidence.
 * Everything works on folded text (lower case, no diacritics).
 */
import { type IndicatorCode, indicatorCodes } from '../../domain/reference/indicator-codes';
import { foldKeepLength } from './text';

type Unit = 'percent' | 'count' | 'rank' | 'amount' | 'other';

interface Rule {
  code: IndicatorCode;
  /** Patterns that must all match the target's own words or its sentence. */
  all: RegExp[];
  /** When given, one must match the subject (the words the figure measures). */
  subject?: RegExp;
  /** None may match the target's own words. */
  none?: RegExp[];
  /** Every pattern must match the target's own words (for broad themes like "nông nghiệp"). */
  ownAll?: boolean;
  /** The sentence around may name the measure alone (a rank's index is often named once for several years). */
  contextOk?: boolean;
  /** Units the indicator is measured in. */
  units: Unit[];
  score: number;
}

const P: Unit[] = ['percent'];
const C: Unit[] = ['count'];
const R: Unit[] = ['rank'];

const RULES: Rule[] = [
  // digital government
  { code: 'GOV.WORKFILE_ONLINE', all: [/ho so cong viec/], units: P, score: 0.95 },
  {
    code: 'GOV.DVC_MULTICHANNEL',
    all: [/dich vu cong|dvc/, /nhieu phuong tien|thiet bi di dong|da kenh/],
    subject: /^(cac )?(dich vu cong|dvc)/,
    units: P,
    score: 0.92,
  },
  {
    code: 'GOV.TTHC_FILES_ONLINE',
    all: [/ho so/, /truc tuyen|dich vu cong|moi truong mang|qua mang/],
    subject:
      /ho so (giai quyet|thu tuc|tthc|duoc tiep nhan|tiep nhan)|ho so .{0,30}(truc tuyen|dich vu cong)/,
    none: [/ho so cong viec/],
    units: P,
    score: 0.9,
  },
  {
    code: 'GOV.DVC_FULL_ONLINE',
    all: [/muc do 4|toan trinh/, /dich vu cong|thu tuc hanh chinh|tthc|dvc/],
    units: P,
    score: 0.85,
  },
  {
    code: 'GOV.DVC_NATIONAL_PORTAL',
    all: [/cong dich vu cong quoc gia/],
    subject: /dich vu cong|thu tuc/,
    units: P,
    score: 0.85,
  },
  {
    code: 'GOV.DVC_ONLINE_PAYMENT',
    all: [/thanh toan (truc tuyen|dien tu)/, /dich vu cong|ho so|thu tuc|phi, le phi|le phi/],
    units: P,
    score: 0.85,
  },
  {
    code: 'GOV.TTHC_DIGITISED',
    all: [/so hoa/, /ho so|ket qua giai quyet|thu tuc hanh chinh/],
    subject: /ho so|ket qua/,
    none: [/ho so cong viec/],
    units: P,
    score: 0.8,
  },
  { code: 'GOV.EDOC_SIGNED', all: [/van ban/, /ky so|chu ky so/], units: P, score: 0.85 },
  {
    code: 'GOV.REPORT_ONLINE',
    all: [/che do bao cao|bao cao dinh ky|bao cao thong ke|he thong (thong tin )?bao cao/],
    units: P,
    score: 0.92,
  },
  {
    code: 'GOV.INSPECTION_DIGITAL',
    all: [/hoat dong kiem tra|kiem tra .{0,40}moi truong so/],
    units: P,
    score: 0.95,
  },
  { code: 'GOV.NATIONAL_DB_CONNECTED', all: [/co so du lieu quoc gia|csdl quoc gia/], units: P, score: 0.9 },
  { code: 'GOV.OPEN_DATA', all: [/du lieu mo|bo du lieu/], units: [...C, ...P], score: 0.75 },
  { code: 'GOV.SPECIALISED_NETWORK', all: [/mang truyen so lieu chuyen dung/], units: P, score: 0.92 },
  {
    code: 'GOV.ONLINE_MEETING',
    all: [/hop truc tuyen|hoi nghi truyen hinh|hoi nghi truc tuyen|phong hop khong giay/],
    units: P,
    score: 0.85,
  },
  { code: 'GOV.IOC', all: [/trung tam (giam sat,? )?dieu hanh|ioc/], units: [...P, ...C], score: 0.75 },
  { code: 'GOV.CLOUD_SYSTEMS', all: [/dien toan dam may|cloud/], units: P, score: 0.85 },
  { code: 'GOV.SATISFACTION', all: [/hai long/], units: P, score: 0.92 },
  {
    code: 'GOV.ICT_INDEX_RANK',
    all: [/ict|ung dung cong nghe thong tin|chinh quyen dien tu|chinh phu dien tu/],
    units: R,
    score: 0.8,
  },
  { code: 'GOV.DTI_RANK', all: [/chuyen doi so|dti/], units: R, score: 0.9, contextOk: true },
  // foundations
  { code: 'FND.SECURITY_4_LAYER', all: [/4 lop|bon lop/, /an toan|an ninh/], units: P, score: 0.88 },
  { code: 'FND.SECURITY_LEVEL_APPROVED', all: [/cap do/, /an toan/, /phe duyet/], units: P, score: 0.88 },
  {
    code: 'FND.STAFF_DIGITAL_TRAINED',
    all: [/can bo|cong chuc|vien chuc|cbccvc|nguoi lao dong/, /dao tao|boi duong|tap huan/],
    subject:
      /^(luot |nguoi )?(cac |doi ngu )?(can bo|cong chuc|vien chuc|cbccvc|nguoi lao dong trong co quan)/,
    units: [...P, ...C],
    score: 0.88,
  },
  {
    code: 'FND.IT_STAFF',
    all: [/can bo (chuyen trach|phu trach|chuyen mon)( ve)? (cong nghe thong tin|cntt|chuyen doi so)/],
    units: C,
    score: 0.8,
  },
  { code: 'FND.DX_BUDGET_SHARE', all: [/ngan sach|kinh phi|tong chi/], units: P, score: 0.88 },
  { code: 'FND.COMMUNITY_DIGITAL_TEAMS', all: [/to cong nghe so/], units: [...P, ...C], score: 0.92 },
  {
    code: 'FND.DX_DEPARTMENTS_PLAN',
    all: [/ke hoach chuyen doi so|chuong trinh chuyen doi so/],
    subject: /co quan|dia phuong|don vi|so, ban, nganh/,
    units: P,
    score: 0.75,
  },
  // digital economy
  {
    code: 'ECO.DIGITAL_ECONOMY_SECTOR',
    all: [/kinh te so/, /(tung|moi|cac) nganh|nganh, linh vuc|linh vuc/],
    none: [/grdp/],
    units: P,
    score: 0.92,
  },
  { code: 'ECO.DIGITAL_ECONOMY_GRDP', all: [/kinh te so/, /grdp|tong san pham/], units: P, score: 0.95 },
  { code: 'ECO.LABOUR_PRODUCTIVITY_GROWTH', all: [/nang suat lao dong/], units: P, score: 0.92 },
  {
    code: 'ECO.SME_DIGITAL_PLATFORM',
    all: [/doanh nghiep nho va vua|dnnvv|doanh nghiep vua va nho/],
    units: P,
    score: 0.8,
  },
  {
    code: 'ECO.DIGITAL_TECH_ENTERPRISES',
    all: [/doanh nghiep (cong nghe so|so|cong nghe thong tin|cntt)(?![a-z])/],
    units: C,
    score: 0.88,
  },
  {
    code: 'ECO.SME_DX_SUPPORTED',
    all: [/doanh nghiep/, /ho tro|chuyen doi so|tiep can/],
    subject: /^(cac )?doanh nghiep/,
    units: C,
    score: 0.7,
  },
  {
    code: 'ECO.ECOMMERCE_RETAIL_SHARE',
    all: [/thuong mai dien tu/, /ban le|tong muc/],
    units: P,
    score: 0.9,
  },
  { code: 'ECO.ENTERPRISE_E_INVOICE', all: [/hoa don dien tu/], units: P, score: 0.92 },
  { code: 'ECO.ENTERPRISE_E_CONTRACT', all: [/hop dong dien tu/], units: P, score: 0.92 },
  { code: 'ECO.OCOP_ECOMMERCE', all: [/ocop/], units: [...P, ...C], score: 0.85 },
  {
    code: 'ECO.COOPERATIVES_DIGITAL',
    all: [/hop tac xa|htx/],
    subject: /^(cac )?(hop tac xa|htx)/,
    units: [...C, ...P],
    score: 0.8,
  },
  {
    code: 'ECO.AGRI_DIGITAL',
    all: [/nong nghiep|trang trai|nuoi trong|trong trot/, /cong nghe|so hoa|thong minh|truy xuat/],
    units: C,
    ownAll: true,
    score: 0.65,
  },
  {
    code: 'ECO.INNOVATIVE_STARTUPS',
    all: [/khoi nghiep|doi moi sang tao/],
    units: C,
    ownAll: true,
    score: 0.75,
  },
  { code: 'ECO.TOURISM_DIGITAL', all: [/du lich/], units: [...C, ...P], ownAll: true, score: 0.7 },
  // digital society
  {
    code: 'SOC.FIBRE_HOUSEHOLDS',
    all: [/cap quang|bang rong co dinh|bang thong rong|bang rong/],
    subject: /ho gia dinh|ho dan/,
    units: P,
    score: 0.95,
  },
  {
    code: 'SOC.FIBRE_COMMUNES',
    all: [/cap quang|bang rong|bang thong rong|internet/],
    subject: /^(cac )?(xa|thon|ban|to dan pho|ap)(?![a-z])/,
    units: P,
    score: 0.92,
  },
  {
    code: 'SOC.MOBILE_BROADBAND',
    all: [/4g|5g|di dong bang rong|song di dong|phu song/],
    subject: /dan cu|dan so|nguoi dan|dien tich|thon|xa|khu vuc/,
    units: P,
    score: 0.8,
  },
  {
    code: 'SOC.SMARTPHONE_ADULTS',
    all: [/dien thoai (di dong )?thong minh|smartphone/],
    units: P,
    score: 0.88,
  },
  {
    code: 'SOC.EPAYMENT_ACCOUNTS',
    all: [/tai khoan (thanh toan|giao dich|ngan hang)/],
    units: P,
    score: 0.92,
  },
  {
    code: 'SOC.EPAYMENT_USERS',
    all: [/thanh toan (dien tu|khong dung tien mat|truc tuyen)/],
    subject: /nguoi dan|dan so|nguoi (dan )?truong thanh|nguoi dung|nguoi tieu dung|giao dich/,
    units: P,
    score: 0.88,
  },
  {
    code: 'SOC.DIGITAL_SKILLS',
    all: [/ky nang so/],
    subject: /nguoi dan|dan so|nguoi/,
    units: P,
    score: 0.85,
  },
  { code: 'SOC.DIGITAL_ID', all: [/dinh danh|danh tinh so|vneid/], units: P, score: 0.88 },
  {
    code: 'SOC.HEALTH_RECORDS',
    all: [/ho so suc khoe|so suc khoe dien tu|benh an dien tu/],
    units: P,
    score: 0.88,
  },
  {
    code: 'SOC.TELEHEALTH',
    all: [/(kham|chua) benh tu xa|y te tu xa|tu van .{0,20}tu xa/],
    subject: /co so y te|benh vien|tram y te|co so kham/,
    units: P,
    score: 0.92,
  },
  {
    code: 'SOC.HOSPITAL_CASHLESS',
    all: [/khong dung tien mat/, /vien phi|hoc phi|thu phi|benh vien|truong hoc|co so y te|co so giao duc/],
    units: P,
    score: 0.88,
  },
  {
    code: 'SOC.SCHOOLS_ONLINE',
    all: [/(day|hoc|dao tao) .{0,12}(tu xa|truc tuyen)|day va hoc (tu xa|truc tuyen)/],
    subject: /co so giao duc|truong|co so dao tao|co so giao duc nghe nghiep/,
    units: P,
    score: 0.9,
  },
  {
    code: 'SOC.SCHOOLS_DIGITAL_MGMT',
    all: [/hoc ba|so diem|quan tri (so|truong hoc)|quan ly truong hoc/],
    units: P,
    score: 0.85,
  },
  { code: 'SOC.PUBLIC_WIFI', all: [/wifi|wi-fi|internet khong day/], units: [...C, ...P], score: 0.88 },
  {
    code: 'SOC.SMART_CITY',
    all: [/do thi thong minh|thanh pho thong minh|do thi/],
    subject: /^(cac )?(do thi|thanh pho)/,
    units: [...C, ...P],
    score: 0.8,
  },
  // codes the catalog added for finer measures
  {
    code: 'GOV.DEPARTMENT_DB_SHARED',
    all: [/co so du lieu/, /so, ban, nganh|ban, so, nganh|cac so|cac nganh/, /ket noi|lien thong|chia se/],
    none: [/quoc gia/],
    units: P,
    score: 0.86,
  },
  {
    code: 'FND.AGENCIES_WITH_IT_STAFF',
    all: [/can bo (phu trach|chuyen trach)/],
    subject: /^(cac )?(co quan|don vi|so|uy ban)/,
    units: P,
    score: 0.88,
  },
  {
    code: 'ECO.SME_IN_DX',
    all: [/doanh nghiep nho va vua|dnnvv|doanh nghiep vua va nho/, /chuyen doi so/],
    none: [/nen tang so/],
    units: P,
    score: 0.86,
  },
  {
    code: 'ECO.INDUSTRIAL_ZONE_DIGITAL',
    all: [/khu (kinh te|cong nghiep)|cum cong nghiep/, /cong nghe so|chuyen doi so/],
    subject: /^(cac )?doanh nghiep/,
    units: P,
    score: 0.86,
  },
  {
    code: 'ECO.AGRI_HOUSEHOLDS_DIGITISED',
    all: [/ho (san xuat )?nong nghiep|nong ho/, /so hoa|lap danh sach|du lieu/],
    units: P,
    score: 0.86,
  },
  {
    code: 'ECO.ECOMMERCE_TRAINING_INSTITUTIONS',
    all: [/thuong mai dien tu/, /dao tao/],
    subject: /^(cac )?(co so giao duc|truong|co so dao tao)/,
    units: C,
    score: 0.86,
  },
  {
    code: 'ECO.ECOMMERCE_TRAINEES',
    all: [/thuong mai dien tu/, /dao tao|tap huan|boi duong/],
    subject: /^(luot|nguoi)/,
    units: C,
    score: 0.84,
  },
  { code: 'SOC.SMART_COMMUNES', all: [/xa thong minh/], units: [...C, ...P], score: 0.88 },
  {
    code: 'SOC.BANK_ACCOUNTS',
    all: [/tai khoan (giao dich )?(tai |o )?ngan hang|tai khoan giao dich/],
    units: P,
    score: 0.94,
  },
  {
    code: 'SOC.SMART_DEVICE_EGOV_USERS',
    all: [/thiet bi (dau cuoi )?thong minh/, /chinh quyen dien tu|dich vu cong|do thi thong minh/],
    units: P,
    score: 0.9,
  },
  {
    code: 'SOC.HOSPITALS_EMR',
    all: [/benh an dien tu/],
    subject: /^(cac )?(co so (y te|kham)|benh vien)/,
    units: P,
    score: 0.9,
  },
  {
    code: 'SOC.VOCATIONAL_SCHOOLS_ONLINE',
    all: [/(day|hoc|dao tao) .{0,12}(tu xa|truc tuyen)/],
    subject: /^(cac )?(truong cao dang|truong trung cap|co so giao duc nghe nghiep)/,
    units: P,
    score: 0.93,
  },
  {
    code: 'SOC.ONLINE_LEARNING_SHARE',
    all: [/hoc truc tuyen|dao tao truc tuyen/],
    subject: /^(noi dung|thoi luong|chuong trinh)/,
    units: P,
    score: 0.9,
  },
];

/** The words a figure measures, and its context, in folded text. */
export interface IndicatorQuery {
  /** The target's own words (its clause). */
  own: string;
  /** The words right after (or before) the figure: what is counted. */
  subject: string;
  /** The whole sentence and the headings above it. */
  context: string;
  unit: Unit;
}

/** The best catalog code for a target, with a confidence 0–1. */
export interface IndicatorMatch {
  code: IndicatorCode;
  confidence: number;
}

/** Word pairs of a folded phrase: "ket qua", "so hoa" say more than single words. */
function bigrams(folded: string): Set<string> {
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const pair = `${words[i - 1]} ${words[i]}`;
    if (!STOP_PAIRS.has(pair)) out.add(pair);
  }
  return out;
}
const STOP_PAIRS = new Set(['ty le', 'ty trong', 'so luong', 'duoc cung', 'cua tinh', 'tren tong']);

const names = (Object.entries(indicatorCodes) as [IndicatorCode, string][]).map(([code, name]) => ({
  code,
  words: bigrams(foldKeepLength(name)),
  unit: (/^(ty le|ty trong|toc do|muc do)/.test(foldKeepLength(name))
    ? 'percent'
    : /^thu hang/.test(foldKeepLength(name))
      ? 'rank'
      : /^so /.test(foldKeepLength(name))
        ? 'count'
        : 'other') as Unit,
}));

const documentFrequency = new Map<string, number>();
for (const entry of names)
  for (const w of entry.words) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
const idf = new Map([...documentFrequency].map(([w, df]) => [w, Math.log((names.length + 1) / df)]));

/** Ranks every rule that fits; the first is the match. */
export function rankIndicators(query: IndicatorQuery): IndicatorMatch[] {
  const scope = `${query.own} ${query.context}`;
  const out: IndicatorMatch[] = [];
  for (const rule of RULES) {
    if (!rule.all.every((re) => re.test(scope))) continue;
    if (rule.none?.some((re) => re.test(query.own))) continue;
    if (rule.subject && !rule.subject.test(query.subject)) continue;
    // a rank is only ever a rank indicator, and a rank indicator only a rank
    if ((query.unit === 'rank') !== rule.units.includes('rank')) continue;
    // words of the sentence around may complete a clause ("…, 100% xã"), never replace it
    const ownHits = rule.all.filter((re) => re.test(query.own)).length;
    if (ownHits === 0 && !rule.subject && !rule.contextOk) continue;
    if (rule.ownAll && ownHits < rule.all.length) continue;
    let confidence = rule.score * (0.8 + (0.2 * ownHits) / rule.all.length);
    if (!rule.units.includes(query.unit)) confidence *= 0.5;
    out.push({ code: rule.code, confidence: Math.round(confidence * 100) / 100 });
  }
  if (!out.length) {
    // only the words of what is measured: a long clause names many things
    const head = (query.subject || query.own)
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .slice(0, 20)
      .join(' ');
    const words = bigrams(head);
    for (const entry of names) {
      // words shared by many indicator names ("hồ sơ", "thủ tục") say little: weigh by rarity
      let hit = 0;
      let total = 0;
      for (const w of entry.words) {
        const weight = idf.get(w) ?? 0;
        total += weight;
        if (words.has(w)) hit += weight;
      }
      const overlap = total ? hit / total : 0;
      if (overlap >= 0.5) {
        const unitOk = entry.unit === query.unit || entry.unit === 'other';
        out.push({ code: entry.code, confidence: Math.round(overlap * (unitOk ? 0.65 : 0.35) * 100) / 100 });
      }
    }
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}

/** The best indicator, or null when nothing fits well enough (below 0.4). */
export function matchIndicator(query: IndicatorQuery): IndicatorMatch | null {
  const best = rankIndicators(query)[0];
  return best && best.confidence >= 0.4 ? best : null;
}

/**
 * The catalog codes a free phrase names, best first (for search and review):
 * "tỷ lệ hồ sơ công việc xử lý trên môi trường mạng" → ["GOV.WORKFILE_ONLINE"].
 */
export function classifyIndicator(phrase: string): string[] {
  const folded = foldKeepLength(phrase).replace(/\s+/g, ' ');
  const subject = folded.replace(/^.*?\d+\s*%\s*/, '').replace(/^(ty le|ty trong|so luong|so)\s+/, '');
  const unit: Unit = /thu hang|xep hang|nhom \d|top \d/.test(folded)
    ? 'rank'
    : /^(so |so luong)/.test(folded)
      ? 'count'
      : 'percent';
  return rankIndicators({ own: folded, subject, context: '', unit }).map((m) => m.code);
}
