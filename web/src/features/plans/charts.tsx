// Line and bar charts of the plan and the dashboard: modular ECharts (only what is drawn here).
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsModule from 'echarts-for-react/lib/core';
import { formatNumber } from '../../../../domain/text/vietnamese';

const ReactEChartsCore =
  (EChartsModule as unknown as { default?: typeof EChartsModule }).default ?? EChartsModule;

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export type Series = { name: string; values: (number | null)[]; kind?: 'line' | 'bar' };

/** Series over shared categories; an optional horizontal target line. */
export const SeriesChart = ({
  categories,
  series,
  target,
  height = 260,
  onClickPoint,
}: {
  categories: string[];
  series: Series[];
  target?: { label: string; value: number };
  height?: number;
  onClickPoint?: (seriesIndex: number, index: number) => void;
}) => (
  <ReactEChartsCore
    echarts={echarts}
    style={{ height }}
    onEvents={
      onClickPoint
        ? {
            click: (p: { seriesIndex: number; dataIndex: number }) =>
              onClickPoint(p.seriesIndex, p.dataIndex),
          }
        : undefined
    }
    option={{
      animation: false,
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      // Every category named: the charts have few, short ones (months, task results).
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { formatter: (v: number) => formatNumber(v) },
      },
      series: series.map((s, i) => ({
        name: s.name,
        type: s.kind ?? 'line',
        data: s.values,
        itemStyle: { color: i === 0 ? '#c62828' : '#90a4ae' },
        connectNulls: false,
        ...(i === 0 && target
          ? {
              markLine: {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#2e7d32' },
                label: { formatter: target.label },
                data: [{ yAxis: target.value }],
              },
            }
          : {}),
      })),
    }}
  />
);
