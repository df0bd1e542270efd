import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { ResolutionKind } from '../../../contracts/resolutions';
import { formatDate } from '../../../domain/text/vietnamese';
import { api } from '../api/client';
import { useDebounced } from './useDebounced';

/** "57-NQ/TW ngày 22/12/2024 – Về đột phá phát triển khoa học, công nghệ…" */
const resolutionLabel = (r: { number: string; issuedOn: string; title: string }) =>
  `${r.number} ngày ${formatDate(r.issuedOn)} – ${r.title}`;

/**
 * Pick a resolution, directive or conclusion from the register the user sees: the latest ones
 * first; type part of its number or title, without diacritics if you like ("nghi quyet khoa hoc",
 * "57-nq"), and the server searches the whole register (not only the latest ones listed).
 */
export const ResolutionPicker = ({
  value,
  onChange,
  id,
  kind,
  valueLabel,
  allowClear,
  placeholder = 'Gõ số hoặc trích yếu để tìm trong sổ nghị quyết',
  notFoundText = 'Không có nghị quyết phù hợp',
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** Set by Form.Item so that its label points at this field. */
  id?: string;
  /** Only documents of this kind (a congress round links a directive). */
  kind?: ResolutionKind;
  /** How a preset value (a saved record) reads, until a search lists it. */
  valueLabel?: string;
  allowClear?: boolean;
  placeholder?: string;
  notFoundText?: string;
}) => {
  const [search, setSearch] = useState('');
  // The label of a document picked from a search, kept once the search is cleared.
  const [picked, setPicked] = useState<{ id: number; label: string } | undefined>();
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    // Under the register's root: a resolution saved or edited refreshes the picker too.
    queryKey: ['resolutions', 'picker', kind ?? null, q],
    queryFn: () => api.GET('/api/resolutions', { params: { query: { kind, q: q || undefined } } }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  const listed = value !== undefined && items.some((r) => r.id === value);
  // A saved choice older than the latest ones listed is named once, never shown as an id.
  const named = useQuery({
    queryKey: ['resolution', value, 'picker-label'],
    queryFn: () => api.GET('/api/resolutions/{id}', { params: { path: { id: value! } } }),
    enabled:
      value !== undefined && !listed && !valueLabel && picked?.id !== value && found.isSuccess,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const presetLabel =
    (picked?.id === value ? picked?.label : undefined) ??
    valueLabel ??
    (named.data ? resolutionLabel(named.data) : undefined);
  const typing = q !== search.trim() || found.isFetching;
  return (
    <Select
      id={id}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(v) => {
        const hit = items.find((r) => r.id === v);
        if (hit) setPicked({ id: hit.id, label: resolutionLabel(hit) });
        setSearch('');
        onChange?.(v);
      }}
      loading={found.isFetching}
      placeholder={placeholder}
      notFoundContent={typing ? 'Đang tìm…' : notFoundText}
      options={[
        ...(value !== undefined && !listed && presetLabel
          ? [{ value, label: presetLabel, title: presetLabel }]
          : []),
        ...items.map((r) => {
          const label = resolutionLabel(r);
          return { value: r.id, label, title: label };
        }),
      ]}
      style={{ width: '100%' }}
    />
  );
};
