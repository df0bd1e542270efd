import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { TMemberListItem } from '../../../../contracts/members';
import { get, toQuery } from '../../api/client';

export const currentYear = new Date().getFullYear();
export const yearOptions = [currentYear + 1, currentYear, currentYear - 1, currentYear - 2].map(
  (y) => ({ value: y, label: `Năm ${y}` }),
);

/** Pick a member by name (searches the user's subtree). */
export const MemberPicker = ({
  value,
  onChange,
  id,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  id?: string;
}) => {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['member-picker', q],
    queryFn: () =>
      get<{ items: TMemberListItem[] }>(
        `/api/members${toQuery({ q, pageSize: 20, status: 'full,probationary' })}`,
      ),
    enabled: q.length >= 2,
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={isFetching}
      placeholder="Gõ họ tên đảng viên (ít nhất 2 chữ)"
      notFoundContent={q.length < 2 ? 'Gõ họ tên để tìm' : 'Không tìm thấy'}
      options={(data?.items ?? []).map((m) => ({
        value: m.id,
        label: `${m.fullName} – ${m.orgUnitName}${m.status === 'probationary' ? ' (dự bị)' : ''}`,
      }))}
      style={{ width: '100%' }}
    />
  );
};
