import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { TMemberListItem } from '../../../contracts/members';
import type { MemberStatus } from '../../../domain/enums/members';
import { PATH_SEPARATOR } from '../../../domain/text/unit-path';
import { toSearchKey } from '../../../domain/text/vietnamese';
import { api } from '../api/client';
import { useDebounced } from './useDebounced';

/** The org-units search takes at most this many characters. */
const MAX_UNIT_QUERY = 100;
/** Party members in good standing: who a form picks unless it says otherwise. */
const inParty: MemberStatus[] = ['full', 'probationary'];

/** The scope's root stands above every unit the user sees: it tells nothing apart. */
const withoutRoot = (ancestorNames: readonly string[]) =>
  ancestorNames.length > 1 ? ancestorNames.slice(1) : ancestorNames;

/**
 * The path above each cell whose name several units of the user's scope share ("Chi bộ Phòng
 * Nghiệp vụ 1" under many organisations), keyed by the cell's id; a cell whose name is unique is
 * absent (its name says enough). One search per distinct cell name, remembered across keystrokes.
 */
const useAmbiguousCellPaths = (items: readonly TMemberListItem[]): Map<number, string> => {
  const names = [...new Set(items.map((m) => m.orgUnitName))]
    .filter((n) => n.trim().length > 0 && n.length <= MAX_UNIT_QUERY)
    .sort();
  const byName = useQueries({
    queries: names.map((name) => ({
      queryKey: ['member-picker-cell-name', name],
      queryFn: () =>
        api.GET('/api/org-units/search', {
          params: { query: { q: name, kind: ['cell', 'grassroots_cell'], pageSize: 50 } },
        }),
      staleTime: 5 * 60_000,
    })),
  });
  const paths = new Map<number, string>();
  // Cells named like another but not on the first page of their name's hits (a name shared by
  // more than 50 cells): read each one's ancestors.
  const unplaced: number[] = [];
  names.forEach((name, i) => {
    const data = byName[i]?.data;
    if (!data) return;
    const key = toSearchKey(name);
    // The server lists exact matches first: unless the page is all exact matches, it holds them all.
    const same = data.items.filter((u) => toSearchKey(u.name) === key);
    const allOnPage = same.length < data.items.length || data.total <= data.items.length;
    if (allOnPage && same.length < 2) return;
    for (const m of items) {
      if (m.orgUnitName !== name || paths.has(m.orgUnitId)) continue;
      const hit = same.find((u) => u.id === m.orgUnitId);
      if (hit) {
        const above = withoutRoot(hit.ancestorNames);
        if (above.length) paths.set(m.orgUnitId, above.join(PATH_SEPARATOR));
      } else if (!allOnPage && !unplaced.includes(m.orgUnitId)) unplaced.push(m.orgUnitId);
    }
  });
  const details = useQueries({
    queries: unplaced.map((unitId) => ({
      queryKey: ['org-unit-name', unitId],
      queryFn: () => api.GET('/api/org-units/{id}', { params: { path: { id: unitId } } }),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  unplaced.forEach((unitId, i) => {
    const d = details[i]?.data;
    if (!d) return;
    const above = withoutRoot(d.ancestors.map((a) => a.name));
    if (above.length) paths.set(unitId, above.join(PATH_SEPARATOR));
  });
  return paths;
};

/**
 * Pick a party member by name: type two letters or more, without diacritics if you like ("nguyen
 * van" finds "Nguyễn Văn …"), or a citizen id, card or record number; the server searches the
 * user's subtree (or the subtree of `orgUnitId`). Each hit reads "Name – Cell", and when the cell's
 * name is shared by other cells, the organisations above it follow:
 * "Nguyễn Văn An – Chi bộ Phòng Nghiệp vụ 1 (Đảng bộ Sở Y tế)".
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
  const paths = useAmbiguousCellPaths(items);
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
        ...(value !== undefined && valueLabel && !items.some((m) => m.id === value)
          ? [{ value, label: valueLabel }]
          : []),
        ...items.map((m) => {
          const above = paths.get(m.orgUnitId);
          const label = `${m.fullName} – ${m.orgUnitName}${above ? ` (${above})` : ''}${
            m.status === 'probationary' ? ' (dự bị)' : ''
          }`;
          return { value: m.id, label, title: label };
        }),
      ]}
      style={{ width: '100%' }}
    />
  );
};
