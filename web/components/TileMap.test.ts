import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { provinceTiles63 } from '../../src/domain/reference/province-tiles';
import {
  defaultSequentialColors,
  noDataColor,
  projectBoundaries,
  sequentialClass,
  statusScale,
  TileMap,
  type TileMapProps,
  textColorOn,
} from './TileMap';

const render = (props: TileMapProps) => renderToStaticMarkup(createElement(TileMap, props));

/** The tile of a province in the markup: its group, from the opening tag to the closing `</g>`. */
function tileOf(html: string, code: string): string {
  const start = html.indexOf(`data-code="${code}"`);
  if (start < 0) throw new Error(`no tile ${code}`);
  return html.slice(html.lastIndexOf('<g', start), html.indexOf('</g>', start));
}

describe('TileMap', () => {
  // 0–100 in five classes of 20
  const data = { '01': 85.5, '79': 12, '48': { value: 50, label: 'năm mươi' }, '40': null };
  const html = render({
    title: 'Tỷ lệ hồ sơ trực tuyến',
    data,
    unit: '%',
    scale: { type: 'sequential', min: 0, max: 100 },
  });

  it('draws the 34 provinces, each focusable with a "name: value" accessible name in vi-VN format', () => {
    expect(html.match(/data-code="/g)?.length).toBe(34);
    expect(html.match(/tabindex="0"/g)?.length).toBe(34);
    expect(tileOf(html, '01')).toContain('aria-label="Hà Nội: 85,5%"');
    expect(tileOf(html, '01')).toContain('<title>Hà Nội: 85,5%</title>');
    expect(tileOf(html, '79')).toContain('aria-label="TP. Hồ Chí Minh: 12%"');
    expect(tileOf(html, '48')).toContain('aria-label="Đà Nẵng: năm mươi"');
    expect(tileOf(html, '40')).toContain('aria-label="Nghệ An: chưa có số liệu"');
    expect(html).toContain('aria-label="Tỷ lệ hồ sơ trực tuyến"');
  });

  it('colours tiles by class and shows the label and value', () => {
    // 85.5 is in the 5th class (80–100), 12 in the 1st (0–20), 50 in the 3rd (40–60)
    expect(tileOf(html, '01')).toContain(`fill="${defaultSequentialColors[4]}"`);
    expect(tileOf(html, '79')).toContain(`fill="${defaultSequentialColors[0]}"`);
    expect(tileOf(html, '48')).toContain(`fill="${defaultSequentialColors[2]}"`);
    expect(tileOf(html, '40')).toContain(`fill="${noDataColor}"`);
    expect(tileOf(html, '01')).toMatch(/>Hà Nội<\/tspan>.*>85,5%<\/tspan>/);
    // on the darkest class the text is white, on the lightest dark ink
    expect(tileOf(html, '01')).toContain('fill="#ffffff"');
    expect(tileOf(html, '79')).toContain('fill="#1c2430"');
    // long names wrap onto two lines
    expect(tileOf(html, '19')).toMatch(/>Thái<\/tspan>.*>Nguyên<\/tspan>/);
  });

  it('has a legend with the class ranges and the no-data swatch', () => {
    expect(html).toContain('0% – 20%');
    expect(html).toContain('80% – 100%');
    expect(html).toMatch(/tilemap__swatch--none.*chưa có số liệu/);
    expect(html).toContain('QĐ. Hoàng Sa');
    expect(html).toContain('QĐ. Trường Sa');
  });

  it('colours by target status with the status legend, in English on request', () => {
    const statusHtml = render({
      title: 'Status',
      locale: 'en',
      scale: statusScale('en'),
      data: { '37': { category: 'on_track', value: 72 }, '40': { category: 'off_track' } },
      onSelect: () => {},
      selectedCode: '37',
    });
    expect(tileOf(statusHtml, '37')).toContain('aria-label="Ninh Bình: On track (72)"');
    expect(tileOf(statusHtml, '37')).toContain('fill="#5aa454"');
    expect(tileOf(statusHtml, '37')).toContain('aria-pressed="true"');
    expect(tileOf(statusHtml, '37')).toContain('role="button"');
    expect(tileOf(statusHtml, '40')).toContain('aria-label="Nghệ An: Off track"');
    expect(statusHtml).toContain('At risk');
    expect(statusHtml).toContain('no data');
  });

  it('shows the no-data swatch only when a province has no data', () => {
    const all = Object.fromEntries(
      [
        '01',
        '04',
        '08',
        '11',
        '12',
        '14',
        '15',
        '19',
        '20',
        '22',
        '24',
        '25',
        '31',
        '33',
        '37',
        '38',
        '40',
        '42',
        '44',
        '46',
        '48',
        '51',
        '52',
        '56',
        '66',
        '68',
        '75',
        '79',
        '80',
        '82',
        '86',
        '91',
        '92',
        '96',
      ].map((code) => [code, { category: 'no_data' }]),
    );
    const full = render({ title: 'x', scale: statusScale('vi'), data: all });
    // once in the legend (the status "no data"), never a second generic swatch
    const legend = full.slice(full.indexOf('<ul class="tilemap__legend"'));
    expect(legend.match(/Chưa có số liệu</g)?.length).toBe(1);
    expect(full).not.toContain('tilemap__swatch--none');
  });

  it('draws the 63 provinces of before July 2025 when given that layout', () => {
    const old = render({
      title: 'DTI 2023',
      data: { '36': 512.3 },
      tiles: provinceTiles63,
      fractionDigits: 2,
    });
    expect(old.match(/data-code="/g)?.length).toBe(63);
    expect(tileOf(old, '36')).toContain('aria-label="Nam Định: 512,3"');
    expect(old).toContain('QĐ. Hoàng Sa');
  });

  it('draws real boundaries instead of tiles when a GeoJSON is given', () => {
    const boundaries = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: { code: '01' },
          geometry: {
            type: 'Polygon' as const,
            coordinates: [
              [
                [105, 21],
                [106, 21],
                [106, 22],
                [105, 22],
                [105, 21],
              ],
            ],
          },
        },
      ],
    };
    const geoHtml = render({ title: 'x', data: { '01': 3 }, boundaries });
    expect(geoHtml.match(/data-code="/g)?.length).toBe(1);
    expect(geoHtml).toContain('<path d="M0 ');
    expect(geoHtml).toContain('aria-label="Hà Nội: 3"');
  });
});

describe('TileMap helpers', () => {
  it('puts values into equal-width classes, the maximum in the last', () => {
    expect(sequentialClass(0, 0, 100, 5)).toBe(0);
    expect(sequentialClass(19.9, 0, 100, 5)).toBe(0);
    expect(sequentialClass(20, 0, 100, 5)).toBe(1);
    expect(sequentialClass(100, 0, 100, 5)).toBe(4);
    expect(sequentialClass(7, 7, 7, 5)).toBe(4);
  });

  it('picks readable text colours', () => {
    expect(textColorOn('#0b3a6f')).toBe('#ffffff');
    expect(textColorOn('#e3ecf7')).toBe('#1c2430');
  });

  it('projects lon/lat with north up, keeping the aspect at that latitude', () => {
    // a 1° × 1° square at 21–22°N: width 360, height 360 ÷ cos(21.5°) = 386.9
    const { width, height, shapes } = projectBoundaries({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'A' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [105, 21],
                [106, 21],
                [106, 22],
                [105, 22],
              ],
            ],
          },
        },
      ],
    });
    expect(width).toBe(360);
    expect(height).toBeCloseTo(360 / Math.cos((21.5 * Math.PI) / 180), 6);
    // the south-west corner (105, 21) is at the bottom left
    expect(shapes[0]?.d.startsWith(`M0 ${Math.round(height * 10) / 10}`)).toBe(true);
  });
});
