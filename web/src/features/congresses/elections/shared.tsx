// Pieces shared by the elections and delegates panels: a member picker limited to the congress's
// organisation, dates as dd/mm/yyyy, shares in percent, the outcome tags.
import { useQuery } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { congressElectionsKeys } from './keys';

/** dd/mm/yyyy from an ISO date. */
export const vnDate = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

/** A share (0–1) as "47,4%"; empty when unknown. */
export const percent = (share: number | null | undefined) =>
  share === null || share === undefined
    ? ''
    : `${(Math.round(share * 1000) / 10).toString().replace('.', ',')}%`;

export type Outcome = 'elected' | 'not_elected' | 'tied';
export const OutcomeTag = ({ outcome }: { outcome: Outcome }) =>
  outcome === 'elected' ? (
    <Tag color="green">Trúng cử</Tag>
  ) : outcome === 'tied' ? (
    <Tag color="orange">Bằng phiếu</Tag>
  ) : (
    <Tag>Không trúng cử</Tag>
  );

/** Search a member of the organisation (its subtree) by name; full members only. */
export const CongressMemberPicker = ({
  orgUnitId,
  value,
  onChange,
  id,
  valueLabel,
  fullOnly = true,
}: {
  orgUnitId: number;
  value?: number;
  onChange?: (id: number | undefined) => void;
  id?: string;
  valueLabel?: string;
  fullOnly?: boolean;
}) => {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: congressElectionsKeys.congressMemberPicker(orgUnitId, q, fullOnly),
    queryFn: () =>
      api.GET('/api/members', {
        params: {
          query: {
            orgUnitId,
            q,
            pageSize: 20,
            status: fullOnly ? ['full'] : ['full', 'probationary'],
          },
        },
      }),
    enabled: q.length >= 2,
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={isFetching}
      placeholder="Gõ họ tên (ít nhất 2 chữ)"
      notFoundContent={q.length < 2 ? 'Gõ họ tên để tìm' : 'Không tìm thấy'}
      options={[
        ...(value !== undefined && valueLabel && !data?.items.some((m) => m.id === value)
          ? [{ value, label: valueLabel }]
          : []),
        ...(data?.items ?? []).map((m) => ({
          value: m.id,
          label: `${m.fullName} – ${m.orgUnitName}`,
        })),
      ]}
      style={{ width: '100%' }}
    />
  );
};
