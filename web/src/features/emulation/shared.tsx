import { useQuery } from '@tanstack/react-query';
import { Alert, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TEligibility } from '../../../../contracts/emulation';
import {
  type CommendationStatus,
  commendationStatusLabels,
} from '../../../../domain/rules/commendations/commendations';
import { api } from '../../api/client';
import { emulationKeys } from './keys';

export const currentYear = new Date().getFullYear();
export const yearOptions = (n = 6) =>
  Array.from({ length: n }, (_, i) => ({
    value: currentYear - i,
    label: `Năm ${currentYear - i}`,
  }));

const statusColor: Record<CommendationStatus, string> = {
  proposed: 'blue',
  reviewed: 'gold',
  granted: 'green',
  refused: 'default',
};
export const CommendationStatusTag = ({ status }: { status: CommendationStatus }) => (
  <Tag color={statusColor[status]}>{commendationStatusLabels[status]}</Tag>
);

/** Pick a member of the user's subtree by name (at least two letters). */
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
    queryKey: emulationKeys.memberPicker(q),
    queryFn: () =>
      api.GET('/api/members', {
        params: { query: { q, pageSize: 20, status: ['full', 'probationary'] } },
      }),
    enabled: q.length >= 2,
  });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={isFetching}
      placeholder="Gõ họ tên đảng viên (ít nhất 2 chữ)"
      notFoundContent={q.length < 2 ? 'Gõ họ tên để tìm' : 'Không tìm thấy'}
      options={(data?.items ?? []).map((m) => ({
        value: m.id,
        label: `${m.fullName} – ${m.orgUnitName}`,
      }))}
      style={{ width: '100%' }}
    />
  );
};

/** The eligibility as the committee sees it: the rule, then each year's decided rating. */
export const EligibilityView = ({ eligibility }: { eligibility: TEligibility }) => (
  <div data-testid="eligibility">
    <Alert
      type={!eligibility.checked ? 'info' : eligibility.eligible ? 'success' : 'warning'}
      showIcon
      title={eligibility.summary}
      description={
        <>
          {eligibility.title && (
            <Typography.Paragraph style={{ margin: 0 }}>
              Danh hiệu: <b>{eligibility.title}</b>
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary">{eligibility.rule}</Typography.Text>
        </>
      }
    />
    {eligibility.years.length > 0 && (
      <List
        size="small"
        dataSource={eligibility.years}
        renderItem={(y) => (
          <List.Item>
            <Typography.Text type={y.counts ? 'success' : 'danger'}>
              {y.counts ? '✓' : '✗'} {y.explanation}
            </Typography.Text>
          </List.Item>
        )}
      />
    )}
  </div>
);
