import { lazy, Suspense } from 'react';

// ECharts (its core is ~180 KB gzip) loads in its own chunk, in parallel with the page's data, and
// the charts draw once it is there: the page and its figures do not wait for it (issue 8).
const canvas = () => import('./ChartCanvas');
const BarCanvas = lazy(() => canvas().then((m) => ({ default: m.BarChartView })));
const PieCanvas = lazy(() => canvas().then((m) => ({ default: m.PieChartView })));

export type ChartRow = { label: string; count: number };
type Props = { rows: ChartRow[]; height?: number };

export const BarChartView = ({ rows, height = 240 }: Props) => (
  <Suspense fallback={<div style={{ height }} />}>
    <BarCanvas rows={rows} height={height} />
  </Suspense>
);

export const PieChartView = ({ rows, height = 240 }: Props) => (
  <Suspense fallback={<div style={{ height }} />}>
    <PieCanvas rows={rows} height={height} />
  </Suspense>
);
