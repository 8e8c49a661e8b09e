import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ProvinceTile, provinceTiles63, provinceTiles2025, tileGridSize } from './province-tiles';
import { PROVINCES_34, PROVINCES_63 } from './provinces';

const tiles = provinceTiles2025;
const byCode = (code: string) => {
  const t = tiles.find((x) => x.code === code);
  if (!t) throw new Error(`no tile ${code}`);
  return t;
};

describe('the 34-province tile layout', () => {
  it('has one tile per province of the 2025 list, with unique codes', () => {
    const codes = tiles.map((t) => t.code);
    expect(new Set(codes).size).toBe(34);
    expect([...codes].sort()).toEqual(PROVINCES_34.map((p) => p.code).sort());
  });

  it('uses the codes of the statistics office list in ../shared/data', () => {
    const csv = readFileSync(
      resolve(process.env.NHIPSO_UNITS_DIR ?? '../shared/data/units', 'dvhc-2025.csv'),
      'utf8',
    );
    const provinces = new Map<string, string>();
    for (const line of csv.split(/\r?\n/).slice(1)) {
      const [code, name] = line.split(',');
      if (code && name) provinces.set(code, name);
    }
    expect([...provinces.keys()].sort()).toEqual(tiles.map((t) => t.code).sort());
    // the tile's common name is the official name without "Tỉnh" / "Thành phố"
    for (const t of tiles) {
      const official = provinces.get(t.code)?.replace(/^(Tỉnh|Thành phố) /, '');
      expect([t.code, t.name.replace(/^TP\. /, '')]).toEqual([t.code, official]);
    }
  });

  it('puts no two tiles in the same cell', () => {
    const cells = new Set(tiles.map((t) => `${t.col},${t.row}`));
    expect(cells.size).toBe(tiles.length);
    expect(tileGridSize(tiles)).toEqual({ cols: 5, rows: 17 });
  });

  it('is one connected shape: every tile touches another, edge or corner', () => {
    const touching = (a: (typeof tiles)[number], b: (typeof tiles)[number]) =>
      a !== b && Math.abs(a.col - b.col) <= 1 && Math.abs(a.row - b.row) <= 1;
    const seen = new Set([tiles[0]?.code]);
    const queue = [tiles[0]];
    while (queue.length > 0) {
      const t = queue.shift();
      if (!t) break;
      for (const n of tiles) {
        if (touching(t, n) && !seen.has(n.code)) {
          seen.add(n.code);
          queue.push(n);
        }
      }
    }
    expect(seen.size).toBe(34);
    // and most tiles share an edge with a neighbour, not only a corner
    const edgeNeighbours = tiles.filter((a) =>
      tiles.some((b) => Math.abs(a.col - b.col) + Math.abs(a.row - b.row) === 1),
    );
    expect(edgeNeighbours.length).toBeGreaterThanOrEqual(30);
  });

  it('reads like the country: north at the top, the six cities where they belong', () => {
    const hanoi = byCode('01');
    const haiphong = byCode('31');
    const hue = byCode('46');
    const danang = byCode('48');
    const hcm = byCode('79');
    const cantho = byCode('92');
    // north to south
    expect(byCode('12').row).toBe(0); // Lai Châu
    expect(byCode('04').row).toBe(0); // Cao Bằng
    expect(hanoi.row).toBeLessThan(hue.row);
    expect(hue.row + 1).toBe(danang.row);
    expect(danang.row).toBeLessThan(hcm.row);
    expect(hcm.row).toBeLessThan(cantho.row);
    expect(byCode('96').row).toBe(16); // Cà Mau at the southern tip
    // Hải Phòng on the coast east of Hà Nội; Lào Cai west of Cao Bằng; An Giang west of Vĩnh Long
    expect(haiphong.col).toBeGreaterThan(hanoi.col);
    expect(byCode('15').col).toBeLessThan(byCode('04').col);
    expect(byCode('91').col).toBeLessThan(byCode('86').col);
    // Khánh Hòa is the easternmost of the south
    expect(byCode('56').col).toBe(4);
  });
});

/** Province codes and names of a statistics office list in ../shared/data/units. */
function officialProvinces(file: string): Map<string, string> {
  const csv = readFileSync(resolve(process.env.NHIPSO_UNITS_DIR ?? '../shared/data/units', file), 'utf8');
  const provinces = new Map<string, string>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [code, name] = line.split(',');
    if (code && name) provinces.set(code, name);
  }
  return provinces;
}

function isConnected(layout: readonly ProvinceTile[]): boolean {
  const seen = new Set<string>();
  const queue = layout.slice(0, 1);
  for (const t of queue) seen.add(t.code);
  while (queue.length > 0) {
    const t = queue.shift() as ProvinceTile;
    for (const n of layout) {
      if (!seen.has(n.code) && Math.abs(t.col - n.col) <= 1 && Math.abs(t.row - n.row) <= 1) {
        seen.add(n.code);
        queue.push(n);
      }
    }
  }
  return seen.size === layout.length;
}

describe('the 63-province tile layout (until 30 June 2025)', () => {
  const old = provinceTiles63;
  const at = (code: string) => old.find((t) => t.code === code) as ProvinceTile;

  it('has one tile per province of the 2024 list, named as the list names them', () => {
    expect(new Set(old.map((t) => t.code)).size).toBe(63);
    expect(old.map((t) => t.code).sort()).toEqual(PROVINCES_63.map((p) => p.code).sort());
    const official = officialProvinces('dvhc-2024.csv');
    expect([...official.keys()].sort()).toEqual(old.map((t) => t.code).sort());
    for (const t of old) {
      // the list writes the old-style "Hoà"
      const name = official
        .get(t.code)
        ?.replace(/^(Tỉnh|Thành phố) /, '')
        .replace('Hoà', 'Hòa');
      expect([t.code, t.name.replace(/^TP\. /, '')]).toEqual([t.code, name]);
    }
  });

  it('puts no two tiles in one cell and forms one connected shape', () => {
    expect(new Set(old.map((t) => `${t.col},${t.row}`)).size).toBe(63);
    expect(isConnected(old)).toBe(true);
    expect(isConnected(provinceTiles2025)).toBe(true);
    expect(tileGridSize(old)).toEqual({ cols: 7, rows: 23 });
  });

  it('keeps neighbours together: the merged provinces of 2025 sit next to each other', () => {
    // Nam Định (36) and Hà Nam (35) went into Ninh Bình (37); Quảng Nam (49) into Đà Nẵng (48)
    const touch = (a: string, b: string) =>
      Math.abs(at(a).col - at(b).col) <= 1 && Math.abs(at(a).row - at(b).row) <= 1;
    expect(touch('36', '37')).toBe(true);
    expect(touch('35', '37')).toBe(true);
    expect(touch('49', '48')).toBe(true);
    // north to south, and the deltas where they belong
    expect(at('01').row).toBeLessThan(at('46').row);
    expect(at('46').row).toBeLessThan(at('79').row);
    expect(at('31').col).toBeGreaterThan(at('01').col);
    expect(at('96').row).toBe(22);
  });
});
