import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { MemberStatus } from '../../../domain/enums/members';
import { api } from '../api/client';
import { useDebounced } from './useDebounced';

/** Party members in good standing: who a form picks unless it says otherwise. */
const inParty: MemberStatus[] = ['full', 'probationary'];

/**
 * Pick a party member by name: type two letters or more, without diacritics if you like ("nguyen
 * van" finds "Nguyễn Văn …"), or a citizen id, card or record number; the server searches the
 * user's subtree (or the subtree of `orgUnitId`). Each hit reads "Name – Cell", and when another
 * unit of the user's scope bears the cell's name, the organisation above it follows (as the
 * members list names it): "Nguyễn Văn An – Chi bộ Phòng Nghiệp vụ 1 (Đảng bộ Sở Y tế)".
 */
export const MemberPicker = ({
  value,
  onChange,
  id,
  valueLabel,
  orgUnitId,
  statuses = inParty,
  allowClear,
  placeholder = 'Gõ họ tên đảng viên (ít nhất 2 chữ)',
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** Set by Form.Item so that its label points at this field. */
  id?: string;
  /** The name of a preset value (editing a saved record) until a search lists it. */
  valueLabel?: string;
  /** Only members of this unit's subtree (the user's scope when absent). */
  orgUnitId?: number;
  /** Only members of these statuses (full and probationary members when absent). */
  statuses?: MemberStatus[];
  allowClear?: boolean;
  placeholder?: string;
}) => {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const enabled = q.length >= 2;
  const { data, isFetching } = useQuery({
    queryKey: ['member-picker', q, orgUnitId ?? null, statuses.join(',')],
    queryFn: () =>
      api.GET('/api/members', {
        params: { query: { q, orgUnitId, pageSize: 20, status: statuses } },
      }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = enabled ? (data?.items ?? []) : [];
  // A saved choice that the form does not name (and no search lists) is named by one lookup, so an
  // edited record shows the member, not a number.
  const unnamed = value !== undefined && !valueLabel && !items.some((m) => m.id === value);
  const saved = useQuery({
    queryKey: ['member-picker-value', value],
    queryFn: () => api.GET('/api/members/{id}', { params: { path: { id: value! } } }),
    enabled: unnamed,
    staleTime: 300_000,
  });
  const shownLabel = valueLabel ?? (unnamed ? saved.data?.fullName : undefined);
  const typing = search.trim().length >= 2 && (q !== search.trim() || isFetching);
  return (
    <Select
      id={id}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      loading={isFetching}
      placeholder={placeholder}
      notFoundContent={
        search.trim().length < 2 ? 'Gõ họ tên để tìm' : typing ? 'Đang tìm…' : 'Không tìm thấy'
      }
      options={[
        ...(value !== undefined && shownLabel && !items.some((m) => m.id === value)
          ? [{ value, label: shownLabel }]
          : []),
        ...items.map((m) => {
          // The list names the parent of a cell whose name another unit of the scope bears.
          const parent = m.orgUnitParentName;
          const label = `${m.fullName} – ${m.orgUnitName}${parent ? ` (${parent})` : ''}${
            m.status === 'probationary' ? ' (dự bị)' : ''
          }`;
          return { value: m.id, label, title: label };
        }),
      ]}
      style={{ width: '100%' }}
    />
  );
};
