/**
 * Province boundaries from a GeoJSON file (RFC 7946: WGS 84 longitude,
 * latitude), as statistics offices, GADM or OpenStreetMap extracts publish
 * them: each feature is matched to a province by a code property ("ma_tinh",
 * "code", "MaTinh" …) or by its name ("ten_tinh", "name", "NAME_1" …, with or
 * without diacritics or "Tỉnh"/"Thành phố"), features of one province (an
 * island apart) are merged, and the rings are simplified for a national map.
 * Every problem is reported with the feature's index and what it carried;
 * nothing is taken from a file with any problem.
 */
import type { ErrorDetail } from '../errors';
import { foldVietnamese } from '../text';

/** A GeoJSON polygon or multipolygon geometry. */
export type BoundaryGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** A province a feature may be matched to. */
export interface BoundaryProvince {
  id: number;
  code: string;
  name: string;
}

/** One province's boundary, ready to store. */
export interface MatchedBoundary {
  unitId: number;
  code: string;
  name: string;
  geometry: BoundaryGeometry;
  points: number;
}

export interface BoundaryReading {
  boundaries: MatchedBoundary[];
  /** Provinces of the layout the file has no feature for (the map then keeps its tiles). */
  missing: BoundaryProvince[];
  issues: ErrorDetail[];
}

/** Options of the simplification: the tolerance in degrees (≈ 0,005° is half a kilometre). */
export interface SimplifyOptions {
  tolerance: number;
  /** Decimal places kept (4 ≈ 11 m). */
  decimals: number;
}

export const defaultSimplify: SimplifyOptions = { tolerance: 0.005, decimals: 4 };

const CODE_KEYS = ['ma_tinh', 'matinh', 'ma', 'code', 'province_code', 'provincecode', 'ma_dvhc', 'id_1'];
const NAME_KEYS = ['ten_tinh', 'tentinh', 'ten', 'name', 'name_1', 'province', 'province_name', 'varname_1'];

/** "Tỉnh Nghệ An", "Thành phố Hà Nội", "TP. Hồ Chí Minh", "Nghe An Province" → "nghe an". */
export function foldProvinceName(name: string): string {
  return foldVietnamese(name)
    .replace(/^(tinh|thanh pho|tp\.?)\s+/, '')
    .replace(/\s+(province|city)$/, '')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Properties with their keys folded (case, diacritics, spaces). */
function foldedProperties(p: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (p && typeof p === 'object' && !Array.isArray(p))
    for (const [k, v] of Object.entries(p)) out.set(foldVietnamese(k).replace(/[\s-]+/g, '_'), v);
  return out;
}

/** A short text of what a feature carried, for messages: `{ma_tinh: "01", ten: "Hà Nội"}`. */
function describe(props: Map<string, unknown>): string {
  const parts = [...props]
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${JSON.stringify(v).slice(0, 40)}`);
  return parts.length ? `{${parts.join(', ')}}` : '{}';
}

const isPosition = (p: unknown): p is number[] =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Number.isFinite(p[0]) &&
  Number.isFinite(p[1]) &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;

const isRing = (r: unknown): r is number[][] => Array.isArray(r) && r.length >= 4 && r.every(isPosition);

/** The polygons of a geometry (a Polygon is one), or null when it is not a valid (multi)polygon. */
function polygonsOf(g: unknown): number[][][][] | null {
  if (!g || typeof g !== 'object') return null;
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  const isPolygon = (p: unknown): p is number[][][] => Array.isArray(p) && p.length > 0 && p.every(isRing);
  if (type === 'Polygon') return isPolygon(coordinates) ? [coordinates] : null;
  if (type === 'MultiPolygon')
    return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isPolygon)
      ? coordinates
      : null;
  return null;
}

/**
 * Simplifies a closed ring: points closer than `tolerance` to the last kept
 * one are dropped (radial distance), coordinates rounded; a ring that would
 * fall under four points keeps its original shape, rounded.
 */
export function simplifyRing(ring: readonly number[][], o: SimplifyOptions = defaultSimplify): number[][] {
  const f = 10 ** o.decimals;
  const round = (p: readonly number[]) => [
    Math.round((p[0] as number) * f) / f,
    Math.round((p[1] as number) * f) / f,
  ];
  const t2 = o.tolerance * o.tolerance;
  const kept: number[][] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const p = round(ring[i] as number[]);
    const last = kept.at(-1);
    if (
      !last ||
      ((p[0] as number) - (last[0] as number)) ** 2 + ((p[1] as number) - (last[1] as number)) ** 2 >= t2
    )
      kept.push(p);
  }
  if (kept.length < 3) return ring.map(round);
  kept.push(kept[0] as number[]);
  return kept;
}

/**
 * Reads a parsed GeoJSON value against the provinces of one layout (the 34
 * since 1 July 2025, or the 63 before).
 */
export function readBoundaries(
  json: unknown,
  provinces: readonly BoundaryProvince[],
  options: SimplifyOptions = defaultSimplify,
): BoundaryReading {
  const issues: ErrorDetail[] = [];
  const root = json as { type?: unknown; features?: unknown };
  if (
    !root ||
    typeof root !== 'object' ||
    root.type !== 'FeatureCollection' ||
    !Array.isArray(root.features)
  ) {
    issues.push({ path: 'file', code: 'boundary.not_feature_collection' });
    return { boundaries: [], missing: [], issues };
  }
  const byCode = new Map(provinces.map((p) => [p.code.padStart(2, '0'), p]));
  const byName = new Map(provinces.map((p) => [foldProvinceName(p.name), p]));
  const polygons = new Map<number, number[][][][]>();
  const firstFeature = new Map<number, number>();

  root.features.forEach((feature: unknown, index) => {
    const path = `features.${index}`;
    const f = feature as { type?: unknown; properties?: unknown; geometry?: unknown };
    const props = foldedProperties(f?.properties);
    const polys = f?.type === 'Feature' ? polygonsOf(f.geometry) : null;
    if (!polys) {
      issues.push({
        path,
        code: 'boundary.bad_geometry',
        params: { index: index + 1, properties: describe(props) },
      });
      return;
    }
    let province: BoundaryProvince | undefined;
    for (const k of CODE_KEYS) {
      const v = props.get(k);
      if ((typeof v === 'string' || typeof v === 'number') && /^\d{1,2}$/.test(String(v).trim())) {
        province = byCode.get(String(v).trim().padStart(2, '0'));
        if (province) break;
      }
    }
    if (!province)
      for (const k of NAME_KEYS) {
        const v = props.get(k);
        if (typeof v === 'string' && v.trim()) {
          province = byName.get(foldProvinceName(v));
          if (province) break;
        }
      }
    if (!province) {
      issues.push({
        path,
        code: 'boundary.unmatched',
        params: { index: index + 1, properties: describe(props) },
      });
      return;
    }
    polygons.set(province.id, [...(polygons.get(province.id) ?? []), ...polys]);
    if (!firstFeature.has(province.id)) firstFeature.set(province.id, index);
  });

  const boundaries: MatchedBoundary[] = [];
  for (const p of provinces) {
    const polys = polygons.get(p.id);
    if (!polys) continue;
    const simplified = polys.map((poly) => poly.map((ring) => simplifyRing(ring, options)));
    const points = simplified.reduce((n, poly) => n + poly.reduce((m, r) => m + r.length, 0), 0);
    boundaries.push({
      unitId: p.id,
      code: p.code,
      name: p.name,
      geometry:
        simplified.length === 1
          ? { type: 'Polygon', coordinates: simplified[0] as number[][][] }
          : { type: 'MultiPolygon', coordinates: simplified },
      points,
    });
  }
  if (boundaries.length === 0 && issues.length === 0)
    issues.push({ path: 'features', code: 'boundary.no_features' });
  return { boundaries, missing: provinces.filter((p) => !polygons.has(p.id)), issues };
}
