/**
 * Tags of a task: the pillar of the national DX program it serves
 * (government, economy, society, or the foundations under them) and the
 * sectors it concerns, from the words of its title (first) and text.
 */
import { foldKeepLength } from './text';
import type { Pillar } from './types';

const PILLARS: [Pillar, RegExp][] = [
  [
    'government',
    /chinh quyen so|chinh phu so|chinh quyen dien tu|chinh phu dien tu|dich vu cong|thu tuc hanh chinh|co quan nha nuoc|mot cua|cai cach hanh chinh|ho so cong viec|van ban dien tu|dieu hanh|lgsp|ioc|co quan dang/g,
  ],
  [
    'economy',
    /kinh te so|doanh nghiep|thuong mai dien tu|san xuat|kinh doanh|khoi nghiep|hop tac xa|logistics|cong nghiep|nong nghiep|du lich|kinh te/g,
  ],
  [
    'society',
    /xa hoi so|ky nang so|nguoi dan|cong dan so|thanh toan dien tu|giao duc|y te|van hoa so|khoang cach so|an sinh|cong dong/g,
  ],
  [
    'foundation',
    /ha tang|phu song|song di dong|cap quang|bang rong|4g|5g|nen tang|nhan thuc|the che|phap ly|co che|chinh sach|nhan luc|an toan thong tin|an ninh mang|an toan, an ninh|du lieu|tuyen truyen|lanh dao|hop tac quoc te|doi moi sang tao|nguon luc/g,
  ],
];

const SECTORS: [string, RegExp][] = [
  ['health', /(?:^|[^a-z])(y te|benh vien|kham,? chua benh|suc khoe)(?![a-z])/g],
  ['education', /(?:^|[^a-z])(giao duc|hoc sinh|truong hoc|day va hoc|giao duc nghe nghiep)(?![a-z])/g],
  ['agriculture', /(?:^|[^a-z])(nong nghiep|nong thon|thuy san|cay trong|vat nuoi|ocop)(?![a-z])/g],
  ['tourism', /(?:^|[^a-z])(du lich)(?![a-z])/g],
  ['finance-banking', /(?:^|[^a-z])(tai chinh|ngan hang|thanh toan)(?![a-z])/g],
  ['transport-logistics', /(?:^|[^a-z])(giao thong|van tai|logistics)(?![a-z])/g],
  ['energy', /(?:^|[^a-z])(nang luong|dien luc|luoi dien)(?![a-z])/g],
  [
    'natural-resources-environment',
    /(?:^|[^a-z])(tai nguyen|moi truong|dat dai|khoang san|bien doi khi hau|quan trac)(?![a-z])/g,
  ],
  ['industry', /(?:^|[^a-z])(cong nghiep|san xuat thong minh|khu cong nghiep)(?![a-z])/g],
  ['trade', /(?:^|[^a-z])(thuong mai|cong thuong)(?![a-z])/g],
  [
    'construction-urban',
    /(?:^|[^a-z])(nganh xay dung|cap phep xay dung|cong trinh xay dung|quy hoach|do thi)(?![a-z])/g,
  ],
  ['culture', /(?:^|[^a-z])(van hoa)(?![a-z])/g],
  ['labour-social', /(?:^|[^a-z])(lao dong|viec lam|an sinh xa hoi)(?![a-z])/g],
];

function count(re: RegExp, text: string): number {
  return [...text.matchAll(re)].length;
}

/** Pillar, sectors and tags (`pillar:…`, `sector:…`) of a task. */
export function tagTask(
  title: string,
  text: string,
): { pillar: Pillar | null; sectors: string[]; tags: string[] } {
  const t = foldKeepLength(title);
  // "môi trường mạng" is the online world, not the environment
  const body = foldKeepLength(text).replace(/moi truong (mang|so|dien tu)/g, ' ');
  const titleClean = t.replace(/moi truong (mang|so|dien tu)/g, ' ');
  let pillar: Pillar | null = null;
  let best = 0;
  let tie = false;
  for (const [name, re] of PILLARS) {
    const score = count(re, titleClean) * 4 + count(re, body);
    if (score > best) {
      best = score;
      pillar = name;
      tie = false;
    } else if (score === best && score > 0) tie = true;
  }
  if (tie) pillar = null;
  const sectors: string[] = [];
  for (const [name, re] of SECTORS) {
    // a sector named in the title, or often enough in the text for its length
    if (count(re, titleClean) > 0 || count(re, body) >= Math.max(3, body.length / 1200)) sectors.push(name);
  }
  return {
    pillar,
    sectors,
    tags: [...(pillar ? [`pillar:${pillar}`] : []), ...sectors.map((s) => `sector:${s}`)],
  };
}
