import type { TTargetView } from '../../../../contracts/plans';
import { formatNumber } from '../../../../domain/text/vietnamese';

export const formatMetricValue = (unit: 'count' | 'percent' | 'amount', value: number | null) => {
  if (value === null) return '—';
  if (unit === 'percent') return `${formatNumber(value, Number.isInteger(value) ? 0 : 1)}%`;
  if (unit === 'amount') return `${formatNumber(value)} đ`;
  return formatNumber(value);
};

export const statusColors: Record<TTargetView['status'], string> = {
  on_track: 'blue',
  at_risk: 'orange',
  achieved: 'green',
  missed: 'red',
  unavailable: 'default',
};

export const currentYear = new Date().getFullYear();
export const yearChoices = [currentYear + 1, currentYear, currentYear - 1, currentYear - 2].map(
  (y) => ({ value: y, label: `Năm ${y}` }),
);
