/**
 * A chart drawn by ECharts 6, loaded on first use (`import('echarts/core')`
 * and only the charts and components the product draws), so the main bundle
 * stays small. SVG rendering: sharp on any screen and readable by tests.
 * Every chart has an accessible name; callers give a data table as the
 * text alternative (shown to screen readers, or below the chart on demand).
 */

import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/** The options the product's charts use. */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
>;

type EChartsCore = typeof import('echarts/core');
let loading: Promise<EChartsCore> | null = null;

/** Loads ECharts once, with the line and bar charts, their components and the SVG renderer. */
function loadECharts(): Promise<EChartsCore> {
  loading ??= Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]).then(([core, charts, components, renderers]) => {
    core.use([
      charts.LineChart,
      charts.BarChart,
      components.GridComponent,
      components.TooltipComponent,
      components.LegendComponent,
      components.MarkLineComponent,
      renderers.SVGRenderer,
    ]);
    return core;
  });
  return loading;
}

/** The product's chart font and colours, shared by all charts. */
export const chartTheme = {
  font: '"Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  navy: '#0b3a6f',
  gold: '#c99a2e',
  ink: '#1c2430',
  soft: '#4a5565',
  line: '#d9dee6',
  projection: '#7a8699',
};

export interface EChartProps {
  option: ChartOption;
  /** The accessible name of the chart. */
  label: string;
  height?: number;
  /** A text alternative (a table), kept for screen readers. */
  children?: ReactNode;
  className?: string;
}

export function EChart({ option, label, height = 300, children, className }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<EChartsCore['init']> | null>(null);
  const [failed, setFailed] = useState(false);

  // the chart is created once; later options go through setOption below
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once, on mount
  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadECharts().then(
      (echarts) => {
        if (disposed || !box.current) return;
        chart.current = echarts.init(box.current, undefined, { renderer: 'svg' });
        chart.current.setOption(option, true);
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(box.current);
      },
      () => setFailed(true),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return (
    <figure className={`chart ${className ?? ''}`} aria-label={label}>
      <div ref={box} className="chart__canvas" style={{ height }} role="img" aria-label={label} />
      {failed && <p className="muted small">{label}</p>}
      {children && <figcaption className="visually-hidden">{children}</figcaption>}
    </figure>
  );
}
