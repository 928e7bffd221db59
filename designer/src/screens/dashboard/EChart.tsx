/**
 * One ECharts chart in the page: drawn from a plain option (engine/statistics/chart-options),
 * redrawn when the option changes, resized with its box, disposed on unmount. Only the charts
 * and components the dashboard uses are registered (tree-shaken `echarts/core`), and this module
 * is imported only by the dashboard's own chunk, so ECharts never weighs on the first page.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from '../../../../engine/statistics/chart-options';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface EChartProps {
  option: ChartOption;
  /** The chart's name for screen readers (the card's title). */
  label: string;
  height?: number;
  testId?: string;
}

export function EChart({ option, label, height = 280, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const instance = echarts.init(element, null, { renderer: 'svg' });
    chart.current = instance;
    // The card's width follows the window and the side menu; a chart keeps the size it was drawn at unless told.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
