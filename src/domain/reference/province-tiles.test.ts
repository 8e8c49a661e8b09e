import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provinceTiles2025, tileGridSize } from './province-tiles';
import { PROVINCES_34 } from './provinces';

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
