/**
 * A map of Vietnam's provinces drawn by the product as SVG: by default one
 * square tile per province laid out like the country (see
 * src/domain/reference/province-tiles.ts), or real boundaries when a GeoJSON
 * is given. Each province is coloured by a value (sequential scale) or a
 * category (e.g. target status), labelled, keyboard focusable (Tab, arrow
 * keys, Enter/Space), with a tooltip and the accessible name
 * "Tên tỉnh: giá trị" in vi-VN number format; a click calls `onSelect`.
 */
import { type KeyboardEvent, useRef } from 'react';
import {
  archipelagoMarkersFor,
  type ProvinceTile,
  provinceTiles2025,
  tileGridSize,
} from '../../src/domain/reference/province-tiles';
import { type TargetStatus, targetStatuses } from '../../src/domain/status/types';
import { formatNumber } from '../../src/i18n/format';
import { type Locale, t } from '../../src/i18n/index';

/** What is shown for one province: a number, a category, or both. */
export interface TileDatum {
  value?: number | null;
  /** A key of a categorical scale (e.g. a target status). */
  category?: string | null;
  /** Replaces the formatted value in the tooltip and accessible name. */
  label?: string;
}

/** One class of a categorical scale. */
export interface TileCategory {
  key: string;
  label: string;
  color: string;
}

/** How values become colours. */
export type TileScale =
  | {
      type: 'sequential';
      /** Defaults: the smallest and largest value shown. */
      min?: number;
      max?: number;
      /** Light to dark; one class per colour. */
      colors?: readonly string[];
      /** Darker for smaller values (e.g. ranks, where 1 is best). */
      reverse?: boolean;
    }
  | { type: 'categorical'; categories: readonly TileCategory[] };

/** A GeoJSON polygon feature (lon/lat, WGS 84) carrying the province code in its properties. */
export interface GeoFeature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] }
    | null;
}

/** A GeoJSON feature collection of province boundaries. */
export interface GeoFeatureCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

export interface TileMapProps {
  /** Accessible name and heading of the map, e.g. "Tỷ lệ hồ sơ trực tuyến năm 2025". */
  title: string;
  /** Data by province code; a bare number is a value. */
  data: Readonly<Record<string, TileDatum | number | null | undefined>>;
  scale?: TileScale;
  locale?: Locale;
  /** Unit appended to formatted values: "%" gives "85,5%". */
  unit?: string;
  /** Formats a value; default vi-VN/en-GB with up to `fractionDigits` decimals plus `unit`. */
  formatValue?: (value: number) => string;
  fractionDigits?: number;
  /** The layout: the 34 provinces from 1 July 2025 by default, `provinceTiles63` for figures before it. */
  tiles?: readonly ProvinceTile[];
  /** Real boundaries: when given, drawn instead of the tiles (features matched by `boundaryCodeProperty`). */
  boundaries?: GeoFeatureCollection | null;
  boundaryCodeProperty?: string;
  selectedCode?: string | null;
  onSelect?: (code: string) => void;
  /** Show the values on the tiles (default true). */
  showValues?: boolean;
  /** Mark the Hoàng Sa and Trường Sa archipelagos (default true; shipped tile layouts only). */
  showArchipelagos?: boolean;
  className?: string;
}

/** Light grey-blue to the product's navy, five classes. */
export const defaultSequentialColors = ['#e3ecf7', '#b3cbe6', '#7ea5d2', '#4676b2', '#0b3a6f'] as const;
/** The colour of a province without data. */
export const noDataColor = '#eceff3';

const statusColors: Record<TargetStatus, string> = {
  met: '#1b6e2a',
  on_track: '#5aa454',
  at_risk: '#e8a317',
  off_track: '#c0392b',
  no_data: '#c9ced6',
};

/** The categorical scale of target statuses, labelled in the given language. */
export function statusScale(locale: Locale = 'vi'): TileScale {
  return {
    type: 'categorical',
    categories: targetStatuses.map((s) => ({
      key: s,
      label: t(locale, `status.${s}`),
      color: statusColors[s],
    })),
  };
}

function normalise(d: TileDatum | number | null | undefined): TileDatum {
  if (d === null || d === undefined) return {};
  return typeof d === 'number' ? { value: d } : d;
}

/** The class index of a value on a sequential scale of `classes` classes. */
export function sequentialClass(value: number, min: number, max: number, classes: number): number {
  if (!(max > min)) return classes - 1;
  const i = Math.floor(((value - min) / (max - min)) * classes);
  return Math.min(classes - 1, Math.max(0, i));
}

/** Black or white, whichever reads better on a background colour `#rrggbb`. */
export function textColorOn(background: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!m) return '#1c2430';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = Number.parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.36 ? '#1c2430' : '#ffffff';
}

interface Projected {
  code: string;
  d: string;
  cx: number;
  cy: number;
}

/**
 * Projects boundaries into a box `width` wide (equirectangular, scaled by the
 * cosine of the middle latitude — enough at a country's scale), north up.
 */
export function projectBoundaries(
  collection: GeoFeatureCollection,
  codeProperty = 'code',
  width = 360,
): { width: number; height: number; shapes: Projected[] } {
  const rings = (f: GeoFeature): number[][][] =>
    f.geometry === null
      ? []
      : f.geometry.type === 'Polygon'
        ? f.geometry.coordinates
        : f.geometry.coordinates.flat();
  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const f of collection.features)
    for (const ring of rings(f))
      for (const [lon = 0, lat = 0] of ring) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
  if (!Number.isFinite(minLon)) return { width, height: 0, shapes: [] };
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max(1e-9, (maxLon - minLon) * k);
  const scale = width / spanX;
  const height = (maxLat - minLat) * scale;
  const x = (lon: number) => Math.round((lon - minLon) * k * scale * 10) / 10;
  const y = (lat: number) => Math.round((maxLat - lat) * scale * 10) / 10;
  const shapes: Projected[] = [];
  for (const f of collection.features) {
    const code = f.properties?.[codeProperty];
    if (typeof code !== 'string' && typeof code !== 'number') continue;
    const rs = rings(f);
    if (rs.length === 0) continue;
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    const d = rs
      .map((ring) =>
        ring
          .map(([lon = 0, lat = 0], i) => {
            const px = x(lon);
            const py = y(lat);
            x0 = Math.min(x0, px);
            x1 = Math.max(x1, px);
            y0 = Math.min(y0, py);
            y1 = Math.max(y1, py);
            return `${i === 0 ? 'M' : 'L'}${px} ${py}`;
          })
          .join('')
          .concat('Z'),
      )
      .join('');
    shapes.push({ code: String(code), d, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 });
  }
  return { width, height, shapes };
}

const TILE = 48;
const GAP = 4;
const PAD = 6;

/** Splits a label onto two lines at its middle space when it is long. */
function labelLines(label: string): string[] {
  if (label.length <= 8 || !label.includes(' ')) return [label];
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index ?? 0);
  const mid = label.length / 2;
  const at = spaces.reduce(
    (best, s) => (Math.abs(s - mid) < Math.abs(best - mid) ? s : best),
    spaces[0] ?? 0,
  );
  return [label.slice(0, at), label.slice(at + 1)];
}

/** The province map. */
export function TileMap({
  title,
  data,
  scale,
  locale = 'vi',
  unit = '',
  formatValue,
  fractionDigits = 1,
  tiles = provinceTiles2025,
  boundaries = null,
  boundaryCodeProperty = 'code',
  selectedCode = null,
  onSelect,
  showValues = true,
  showArchipelagos = true,
  className,
}: TileMapProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const format = formatValue ?? ((v: number) => `${formatNumber(v, locale, fractionDigits)}${unit}`);
  const noData = t(locale, 'tilemap.no_data');

  const values = tiles
    .map((tile) => normalise(data[tile.code]).value)
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const effective: TileScale = scale ?? { type: 'sequential' };
  const colors = effective.type === 'sequential' ? (effective.colors ?? defaultSequentialColors) : [];
  const min = effective.type === 'sequential' ? (effective.min ?? Math.min(...values)) : 0;
  const max = effective.type === 'sequential' ? (effective.max ?? Math.max(...values)) : 0;
  const categories =
    effective.type === 'categorical' ? new Map(effective.categories.map((c) => [c.key, c])) : null;

  const describe = (tile: ProvinceTile) => {
    const d = normalise(data[tile.code]);
    const value = typeof d.value === 'number' && Number.isFinite(d.value) ? d.value : null;
    let fill = noDataColor;
    let text: string;
    if (categories) {
      const c = d.category ? categories.get(d.category) : undefined;
      if (c) fill = c.color;
      text =
        d.label ??
        (c
          ? value === null
            ? c.label
            : `${c.label} (${format(value)})`
          : value === null
            ? noData
            : format(value));
    } else {
      if (value !== null && values.length > 0) {
        const i = sequentialClass(value, min, max, colors.length);
        fill =
          colors[effective.type === 'sequential' && effective.reverse ? colors.length - 1 - i : i] ??
          noDataColor;
      }
      text = d.label ?? (value === null ? noData : format(value));
    }
    return { fill, value, accessibleName: `${tile.name}: ${text}` };
  };

  const focusNeighbour = (from: ProvinceTile, dc: number, dr: number) => {
    let best: ProvinceTile | null = null;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const other of tiles) {
      const c = other.col - from.col;
      const r = other.row - from.row;
      const along = dc !== 0 ? c * dc : r * dr;
      if (along <= 0) continue;
      const across = dc !== 0 ? Math.abs(r) : Math.abs(c);
      const score = along + across * 2;
      if (score < bestScore) {
        bestScore = score;
        best = other;
      }
    }
    if (best) svgRef.current?.querySelector<SVGGElement>(`[data-code="${best.code}"]`)?.focus();
  };

  const onKeyDown = (tile: ProvinceTile) => (e: KeyboardEvent<SVGGElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowRight: [1, 0],
      ArrowLeft: [-1, 0],
      ArrowDown: [0, 1],
      ArrowUp: [0, -1],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      focusNeighbour(tile, move[0], move[1]);
    } else if ((e.key === 'Enter' || e.key === ' ') && onSelect) {
      e.preventDefault();
      onSelect(tile.code);
    }
  };

  const projected = boundaries ? projectBoundaries(boundaries, boundaryCodeProperty) : null;
  const { cols, rows } = tileGridSize(tiles);
  const archipelagos = showArchipelagos && !projected ? archipelagoMarkersFor(tiles) : [];
  const extraCols = archipelagos.length > 0 ? 2.6 : 0;
  const width = projected ? projected.width + 2 * PAD : (cols + extraCols) * (TILE + GAP) + 2 * PAD;
  const height = projected ? projected.height + 2 * PAD : rows * (TILE + GAP) + 2 * PAD;
  const byCode = new Map(tiles.map((tile) => [tile.code, tile]));

  const renderProvince = (tile: ProvinceTile, shape: Projected | null) => {
    const { fill, value, accessibleName } = describe(tile);
    const selected = selectedCode === tile.code;
    const x = PAD + tile.col * (TILE + GAP);
    const y = PAD + tile.row * (TILE + GAP);
    const ink = textColorOn(fill);
    const lines = labelLines(tile.label);
    const withValue = showValues && value !== null && !shape;
    const lineHeight = 10;
    const blockHeight = lines.length * lineHeight + (withValue ? 12 : 0);
    const top = y + (TILE - blockHeight) / 2 + 8;
    // role img and role button make their children presentational: the name is the whole story
    const content = (
      <>
        <title>{accessibleName}</title>
        {shape ? (
          <path d={shape.d} transform={`translate(${PAD} ${PAD})`} fill={fill} className="tilemap__shape" />
        ) : (
          <rect x={x} y={y} width={TILE} height={TILE} rx={4} fill={fill} className="tilemap__tile" />
        )}
        {shape ? null : (
          <text x={x + TILE / 2} y={top} textAnchor="middle" fill={ink} className="tilemap__label">
            {lines.map((line, i) => (
              <tspan key={line} x={x + TILE / 2} dy={i === 0 ? 0 : lineHeight}>
                {line}
              </tspan>
            ))}
            {withValue ? (
              <tspan x={x + TILE / 2} dy={lineHeight + 2} className="tilemap__value">
                {format(value)}
              </tspan>
            ) : null}
          </text>
        )}
      </>
    );
    const common = {
      'data-code': tile.code,
      className: `tilemap__province${selected ? ' is-selected' : ''}${onSelect ? ' is-interactive' : ''}`,
      tabIndex: 0,
      'aria-label': accessibleName,
      onKeyDown: onKeyDown(tile),
    };
    return onSelect ? (
      // biome-ignore lint/a11y/useSemanticElements: SVG has no <button> element; the group is the button
      <g
        key={tile.code}
        {...common}
        role="button"
        aria-pressed={selected}
        onClick={() => onSelect(tile.code)}
      >
        {content}
      </g>
    ) : (
      // tiles of a read-only map stay focusable so that keyboard users can read each value
      // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: see above
      <g key={tile.code} {...common} role="img">
        {content}
      </g>
    );
  };

  // the no-data swatch only when some province is drawn without data
  const anyNoData = (projected ? projected.shapes.map((x) => x.code) : tiles.map((tile) => tile.code)).some(
    (code) => {
      const tile = byCode.get(code);
      return tile === undefined || describe(tile).fill === noDataColor;
    },
  );
  const legend =
    effective.type === 'categorical'
      ? effective.categories.map((c) => ({ key: c.key, color: c.color, label: c.label }))
      : values.length === 0
        ? []
        : colors.map((color, i) => {
            const step = (max - min) / colors.length;
            const from = min + i * step;
            const to = i === colors.length - 1 ? max : from + step;
            const shown = effective.reverse ? colors[colors.length - 1 - i] : color;
            return {
              key: `c${i}`,
              color: shown ?? color,
              label: max > min ? `${format(from)} – ${format(to)}` : format(min),
            };
          });

  return (
    <figure className={`tilemap${className ? ` ${className}` : ''}`}>
      <figcaption className="tilemap__title">{title}</figcaption>
      <svg
        ref={svgRef}
        className="tilemap__svg"
        viewBox={`0 0 ${Math.round(width)} ${Math.round(height)}`}
        aria-label={title}
      >
        {projected
          ? projected.shapes.map((shape) => {
              const tile = byCode.get(shape.code) ?? {
                code: shape.code,
                name: shape.code,
                label: shape.code,
                col: 0,
                row: 0,
              };
              return renderProvince(tile, shape);
            })
          : tiles.map((tile) => renderProvince(tile, null))}
        {archipelagos.map((a) => {
          const x = PAD + a.col * (TILE + GAP);
          const y = PAD + a.row * (TILE + GAP);
          return (
            <g key={a.key} className="tilemap__islands">
              <circle cx={x} cy={y} r={2} />
              <circle cx={x + 6} cy={y + 4} r={1.6} />
              <circle cx={x - 4} cy={y + 6} r={1.4} />
              <text x={x - 12} y={y + 18} className="tilemap__islands-label">
                {t(locale, `tilemap.${a.key}`)
                  .split(/ (?=\()/)
                  .map((part, i) => (
                    <tspan key={part} x={x - 12} dy={i === 0 ? 0 : 9}>
                      {part}
                    </tspan>
                  ))}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="tilemap__legend" aria-label={t(locale, 'tilemap.legend')}>
        {legend.map((item) => (
          <li key={item.key}>
            <span className="tilemap__swatch" style={{ background: item.color }} aria-hidden="true" />
            {item.label}
          </li>
        ))}
        {anyNoData ? (
          <li>
            <span
              className="tilemap__swatch tilemap__swatch--none"
              style={{ background: noDataColor }}
              aria-hidden="true"
            />
            {noData}
          </li>
        ) : null}
      </ul>
    </figure>
  );
}
