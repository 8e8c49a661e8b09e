import { describe, expect, it } from 'vitest';
import { foldProvinceName, readBoundaries, simplifyRing } from './boundaries';

const provinces = [
  { id: 1, code: '01', name: 'Thành phố Hà Nội' },
  { id: 40, code: '40', name: 'Tỉnh Nghệ An' },
  { id: 48, code: '48', name: 'Thành phố Đà Nẵng' },
];
const square = (x: number, y: number, d = 0.5) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const feature = (
  properties: Record<string, unknown>,
  coordinates: unknown = square(105, 20),
  type = 'Polygon',
) => ({
  type: 'Feature',
  properties,
  geometry: { type, coordinates },
});

describe('reading province boundaries', () => {
  it('matches features by code or by name, with or without diacritics, and merges a province’s islands', () => {
    const r = readBoundaries(
      {
        type: 'FeatureCollection',
        features: [
          feature({ MaTinh: 1 }),
          feature({ NAME_1: 'Nghe An' }, square(104, 18)),
          feature({ ten_tinh: 'TP. Đà Nẵng' }, square(108, 16)),
          feature({ 'Tên tỉnh': 'Đà Nẵng', dao: 'Hoàng Sa' }, square(112, 16, 0.1)),
        ],
      },
      provinces,
    );
    expect(r.issues).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(r.boundaries.map((b) => [b.code, b.geometry.type])).toEqual([
      ['01', 'Polygon'],
      ['40', 'Polygon'],
      ['48', 'MultiPolygon'],
    ]);
  });

  it('names every feature it cannot take, by number and by what it carried', () => {
    const r = readBoundaries(
      {
        type: 'FeatureCollection',
        features: [
          feature({ ma_tinh: '01' }),
          feature({ name: 'Tỉnh Atlantis' }),
          feature({ code: '40' }, [
            [
              [105, 20],
              [106, 20],
            ],
          ]),
          feature({ code: '48' }, [
            [
              [500, 20],
              [106, 20],
              [106, 21],
              [500, 20],
            ],
          ]),
        ],
      },
      provinces,
    );
    expect(r.issues).toEqual([
      {
        path: 'features.1',
        code: 'boundary.unmatched',
        params: { index: 2, properties: '{name: "Tỉnh Atlantis"}' },
      },
      { path: 'features.2', code: 'boundary.bad_geometry', params: { index: 3, properties: '{code: "40"}' } },
      { path: 'features.3', code: 'boundary.bad_geometry', params: { index: 4, properties: '{code: "48"}' } },
    ]);
  });

  it('refuses what is not a feature collection, and says which provinces a partial file leaves out', () => {
    expect(readBoundaries({ type: 'Feature' }, provinces).issues[0]?.code).toBe(
      'boundary.not_feature_collection',
    );
    expect(readBoundaries({ type: 'FeatureCollection', features: [] }, provinces).issues[0]?.code).toBe(
      'boundary.no_features',
    );
    const partial = readBoundaries(
      { type: 'FeatureCollection', features: [feature({ ma_tinh: '40' })] },
      provinces,
    );
    expect(partial.missing.map((p) => p.code)).toEqual(['01', '48']);
  });

  it('folds the ways a province is named', () => {
    expect(foldProvinceName('Thành phố Hồ Chí Minh')).toBe('ho chi minh');
    expect(foldProvinceName('TP. Huế')).toBe('hue');
    expect(foldProvinceName('Nghe An Province')).toBe('nghe an');
  });
});

describe('simplifying a ring for a national map', () => {
  it('drops points closer than the tolerance, rounds, and keeps the ring closed', () => {
    const dense = [[105, 20]];
    for (let i = 1; i <= 100; i++) dense.push([105 + i * 0.001, 20]);
    dense.push([105.1, 20.1], [105, 20.1], [105, 20]);
    const s = simplifyRing(dense, { tolerance: 0.01, decimals: 3 });
    expect(s.length).toBeLessThan(20);
    expect(s[0]).toEqual(s.at(-1));
    expect(s.every((p) => p.every((c) => Math.round(c * 1000) / 1000 === c))).toBe(true);
  });

  it('keeps a tiny island’s shape instead of collapsing it', () => {
    const tiny = square(112, 16, 0.001)[0] as number[][];
    expect(simplifyRing(tiny, { tolerance: 0.01, decimals: 4 })).toHaveLength(5);
  });
});
