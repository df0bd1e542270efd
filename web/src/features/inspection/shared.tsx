import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useRef, useState } from 'react';
import type { TTeamCandidate } from '../../../../contracts/inspection';
import type { TOrgUnitNode } from '../../../../contracts/org-units';
import {
  type ConductingBody,
  conductingLevel,
} from '../../../../domain/rules/inspection/inspection';
import { api } from '../../api/client';
import { inspectionKeys } from './keys';

export const currentYear = new Date().getFullYear();
/** Today as YYYY-MM-DD in the user's own time zone. */
export const todayLocal = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
export const yearOptions = [currentYear + 1, currentYear, currentYear - 1, currentYear - 2].map(
  (y) => ({ value: y, label: `Năm ${y}` }),
);

const levelUnitKinds: Record<'upper' | 'grassroots' | 'cell', TOrgUnitNode['kind'][]> = {
  upper: ['upper_committee'],
  grassroots: ['grassroots_committee', 'grassroots_cell'],
  cell: ['cell', 'grassroots_cell'],
};
/** The kinds of unit a conducting body belongs to (the server checks the same). */
export const bodyUnitKinds = (body: ConductingBody) => levelUnitKinds[conductingLevel[body]];

/** Pick an account (active, in the user's scope) for a case team member. */
export const AccountPicker = ({
  value,
  onChange,
  onPick,
  id,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  onPick?: (account: TTeamCandidate | undefined) => void;
  id?: string;
}) => {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: inspectionKeys.teamCandidates(q),
    queryFn: () => api.GET('/api/inspection/team-candidates', { params: { query: { q } } }),
    placeholderData: keepPreviousData,
  });
  // Every account shown so far: the option clicked may come from the answer to an earlier
  // keystroke while the latest one is still loading.
  const seen = useRef(new Map<number, TTeamCandidate>());
  for (const a of data?.items ?? []) seen.current.set(a.id, a);
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v: number | undefined) => {
        onChange?.(v);
        onPick?.(v === undefined ? undefined : seen.current.get(v));
      }}
      loading={isFetching}
      placeholder="Không có tài khoản"
      notFoundContent="Không tìm thấy tài khoản"
      options={(data?.items ?? []).map((a) => ({
        value: a.id,
        label: `${a.displayName} – ${a.scopeName}`,
      }))}
      style={{ width: '100%' }}
    />
  );
};
