// The ECharts drawing, in its own chunk: loaded by ./Chart.tsx after the page's figures are shown.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsModule from 'echarts-for-react/lib/core';
import { formatNumber } from '../../../domain/text/vietnamese';

// The package is CommonJS: depending on the bundler the component is the default or its `.default`.
const ReactEChartsCore =
  (EChartsModule as unknown as { default?: typeof EChartsModule }).default ?? EChartsModule;

// Only the charts and components we draw: keeps the bundle small.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

import type { ChartRow } from './Chart';

export const BarChartView = ({ rows, height = 240 }: { rows: ChartRow[]; height?: number }) => (
  <ReactEChartsCore
    echarts={echarts}
    style={{ height }}
    option={{
      animation: false,
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { formatter: (v: number) => formatNumber(v) },
      },
      yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.count),
          itemStyle: { color: '#c62828' },
          label: { show: true, position: 'right' },
        },
      ],
    }}
  />
);

export const PieChartView = ({ rows, height = 240 }: { rows: ChartRow[]; height?: number }) => (
  <ReactEChartsCore
    echarts={echarts}
    style={{ height }}
    option={{
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: rows.map((r) => ({ name: r.label, value: r.count })),
        },
      ],
    }}
  />
);
