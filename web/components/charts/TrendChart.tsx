/**
 * An indicator over time: the actual values, each target (a marker at its
 * year and a dashed line at its value) and the projection the target's method
 * makes from the last value to the target year. Years on the x axis, values
 * in vi-VN format, with a table of the same numbers as the text alternative.
 */
import { useMemo } from 'react';
import { formatNumber } from '../../../src/i18n/format';
import type { Locale } from '../../../src/i18n/index';
import { type ChartOption, chartTheme, EChart } from './EChart';

export interface TrendPoint {
  periodId: string;
  value: number;
}

export interface TrendTarget {
  label: string;
  year: number;
  value: number;
  valueMax?: number | null;
  color: string;
  projection?: { fromYear: number; fromValue: number; year: number; value: number } | null;
}

export interface TrendChartProps {
  title: string;
  points: TrendPoint[];
  targets: TrendTarget[];
  /** Appended to values: "%". */
  unit: string;
  locale: Locale;
  labels: { actual: string; target: string; projection: string; period: string; value: string };
  height?: number;
}

const yearOf = (p: string) => Number(p.slice(0, 4));

export function TrendChart({ title, points, targets, unit, locale, labels, height = 320 }: TrendChartProps) {
  const yearly = points.every((p) => /^\d{4}$/.test(p.periodId));
  const fmt = (v: number) => `${formatNumber(v, locale, 1)}${unit}`;
  const option = useMemo<ChartOption>(() => {
    const fmt = (v: number) => `${formatNumber(v, locale, 1)}${unit}`;
    // the x axis runs from the first figure to the last target year
    const categories = yearly
      ? (() => {
          const years = [...points.map((p) => yearOf(p.periodId)), ...targets.map((t) => t.year)];
          const from = Math.min(...years);
          const to = Math.max(...years);
          return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
        })()
      : points.map((p) => p.periodId);
    const at = (c: string) => points.find((p) => p.periodId === c)?.value ?? null;
    const series: ChartOption['series'] = [
      {
        type: 'line',
        name: labels.actual,
        data: categories.map(at),
        color: chartTheme.navy,
        lineStyle: { width: 3 },
        symbol: 'circle',
        symbolSize: 8,
        connectNulls: true,
        label: {
          show: points.length <= 8,
          position: 'top',
          formatter: (p) => fmt(Number(p.value)),
          color: chartTheme.ink,
          fontSize: 11,
        },
        z: 3,
      },
    ];
    for (const t of targets) {
      series.push({
        type: 'line',
        name: t.label,
        data: yearly ? categories.map((c) => (Number(c) === t.year ? t.value : null)) : [],
        color: t.color,
        symbol: 'diamond',
        symbolSize: 13,
        lineStyle: { opacity: 0 },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: t.color, type: 'dashed', width: 1.5 },
          label: { formatter: t.label, position: 'insideStartTop', color: t.color, fontSize: 11 },
          data: [{ yAxis: t.value }],
        },
      });
      if (yearly && t.projection) {
        const pr = t.projection;
        series.push({
          type: 'line',
          name: `${labels.projection} ${t.year}`,
          data: categories.map((c) =>
            Number(c) === pr.fromYear ? pr.fromValue : Number(c) === pr.year ? pr.value : null,
          ),
          connectNulls: true,
          color: chartTheme.projection,
          lineStyle: { type: 'dashed', width: 2 },
          symbol: 'emptyCircle',
          symbolSize: 7,
          label: {
            show: true,
            formatter: (p) => (Number(categories[p.dataIndex]) === pr.year ? fmt(Number(p.value)) : ''),
            position: 'right',
            color: chartTheme.projection,
            fontSize: 11,
          },
        });
      }
    }
    const values = [
      ...points.map((p) => p.value),
      ...targets.flatMap((t) => [t.value, t.projection?.value ?? t.value]),
    ];
    const max = Math.max(...values, 0);
    return {
      textStyle: { fontFamily: chartTheme.font },
      animation: false,
      grid: { left: 56, right: 110, top: 36, bottom: 36 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? fmt(v) : '—'),
      },
      legend: { top: 0, left: 0, textStyle: { color: chartTheme.soft, fontSize: 12 } },
      xAxis: {
        type: 'category',
        data: categories,
        axisLine: { lineStyle: { color: chartTheme.line } },
        axisLabel: { color: chartTheme.soft },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: unit === '%' ? Math.min(100, Math.ceil((max * 1.1) / 10) * 10) || 100 : undefined,
        axisLabel: {
          color: chartTheme.soft,
          formatter: (v: number) => `${formatNumber(v, locale, 0)}${unit}`,
        },
        splitLine: { lineStyle: { color: '#edf0f4' } },
      },
      series,
    };
  }, [points, targets, unit, locale, labels, yearly]);

  return (
    <EChart option={option} label={title} height={height}>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th>{labels.period}</th>
            <th>{labels.value}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.periodId}>
              <td>{p.periodId}</td>
              <td>{fmt(p.value)}</td>
            </tr>
          ))}
          {targets.map((t) => (
            <tr key={t.label}>
              <td>{t.label}</td>
              <td>{fmt(t.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </EChart>
  );
}
