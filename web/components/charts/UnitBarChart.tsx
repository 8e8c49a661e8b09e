/**
 * Units side by side on one indicator: horizontal bars, best first, the
 * target as a dashed line and the province's own value as a second line,
 * tall enough for every unit's name (scrolls inside its card on a phone).
 */
import { useMemo } from 'react';
import { formatNumber } from '../../../src/i18n/format';
import type { Locale } from '../../../src/i18n/index';
import { type ChartOption, chartTheme, EChart } from './EChart';

export interface UnitBar {
  name: string;
  value: number;
  /** Colours the bar: meets the target (green), not (amber), or unknown (navy). */
  meets?: boolean | null;
}

export interface UnitBarChartProps {
  title: string;
  bars: UnitBar[];
  unit: string;
  locale: Locale;
  target?: { value: number; label: string } | null;
  average?: { value: number; label: string } | null;
}

export function UnitBarChart({ title, bars, unit, locale, target, average }: UnitBarChartProps) {
  const fmt = (v: number) => `${formatNumber(v, locale, 1)}${unit}`;
  const option = useMemo<ChartOption>(() => {
    const fmt = (v: number) => `${formatNumber(v, locale, 1)}${unit}`;
    // ECharts draws the first category at the bottom: reverse so the best is on top
    const rows = [...bars].reverse();
    const marks = [
      ...(target ? [{ xAxis: target.value, name: target.label, lineStyle: { color: '#b3261e' } }] : []),
      ...(average
        ? [{ xAxis: average.value, name: average.label, lineStyle: { color: chartTheme.navy } }]
        : []),
    ];
    return {
      textStyle: { fontFamily: chartTheme.font },
      animation: false,
      grid: { left: 8, right: 48, top: 28, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (typeof v === 'number' ? fmt(v) : '—'),
      },
      xAxis: {
        type: 'value',
        max: unit === '%' ? 100 : undefined,
        axisLabel: {
          color: chartTheme.soft,
          formatter: (v: number) => `${formatNumber(v, locale, 0)}${unit}`,
        },
        splitLine: { lineStyle: { color: '#edf0f4' } },
      },
      yAxis: {
        type: 'category',
        data: rows.map((b) => b.name),
        axisLabel: { color: chartTheme.ink, fontSize: 11, width: 150, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          name: title,
          barMaxWidth: 16,
          data: rows.map((b) => ({
            value: b.value,
            itemStyle: {
              color: b.meets === true ? '#2e7d32' : b.meets === false ? '#d68a00' : chartTheme.navy,
            },
          })),
          label: {
            show: rows.length <= 40,
            position: 'right',
            formatter: (p) => fmt(Number(p.value)),
            fontSize: 10,
            color: chartTheme.soft,
          },
          markLine: marks.length
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', width: 1.5 },
                label: { formatter: '{b}', position: 'end', fontSize: 11 },
                data: marks,
              }
            : undefined,
        },
      ],
    };
  }, [bars, unit, locale, target, average, title]);
  const height = Math.max(160, bars.length * 22 + 60);
  return (
    <div className="chart-scroll">
      <EChart option={option} label={title} height={height}>
        <ol>
          {bars.map((b) => (
            <li key={b.name}>
              {b.name}: {fmt(b.value)}
            </li>
          ))}
        </ol>
      </EChart>
    </div>
  );
}
