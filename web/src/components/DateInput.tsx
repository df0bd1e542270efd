import type { DatePickerProps } from 'antd';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { typedDateToIso } from '../../../domain/text/dates';

/**
 * The formats a date field reads, day first whatever the browser's language (a browser set to
 * English would otherwise show and expect mm/dd/yyyy). The first is how the date is shown.
 */
export const DATE_FORMATS = [
  'DD/MM/YYYY',
  'D/M/YYYY',
  'DD-MM-YYYY',
  'DD.MM.YYYY',
  'DDMMYYYY',
  'YYYY-MM-DD',
];

const toDayjs = (iso: string | null | undefined): Dayjs | null =>
  iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? dayjs(iso.slice(0, 10), 'YYYY-MM-DD') : null;

/**
 * A date field holding an ISO date string ("2026-12-31"), shown and typed as dd/mm/yyyy: the
 * replacement for `<Input type="date">`, whose display follows the browser's language. Cleared, it
 * holds '' as the plain input did.
 */
export const DateInput = ({
  value,
  onChange,
  min,
  max,
  style,
  ...rest
}: Omit<DatePickerProps, 'value' | 'onChange' | 'format' | 'minDate' | 'maxDate'> & {
  value?: string | null;
  onChange?: (iso: string) => void;
  /** ISO bounds, as on the plain input. */
  min?: string;
  max?: string;
}) => (
  <DatePicker
    {...rest}
    format={DATE_FORMATS}
    placeholder={rest.placeholder ?? 'dd/mm/yyyy'}
    value={toDayjs(value)}
    minDate={toDayjs(min) ?? undefined}
    maxDate={toDayjs(max) ?? undefined}
    style={{ minWidth: 150, ...style }}
    onChange={(d) => onChange?.(d && !Array.isArray(d) ? d.format('YYYY-MM-DD') : '')}
    // A date typed in a form the picker's list does not cover ("1.2.2026") is still taken on leaving.
    onBlur={(e, info) => {
      const typed = (e.target as HTMLInputElement).value;
      const iso = typed ? typedDateToIso(typed) : null;
      if (iso && iso !== value?.slice(0, 10)) onChange?.(iso);
      rest.onBlur?.(e, info);
    }}
  />
);
