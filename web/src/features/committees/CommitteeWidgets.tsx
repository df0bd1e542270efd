// The cấp ủy list of the member record and the committee summary of the unit page.
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { committeePositionLabels } from '../../../../domain/enums/congresses';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { committeesKeys } from './keys';

/** "Cấp ủy" rows of a member record: position, unit, term, from–to. Hidden when there are none. */
export const MemberCommitteeCard = ({ memberId }: { memberId: number }) => {
  const { data } = useQuery({
    queryKey: committeesKeys.memberPositions(memberId),
    queryFn: () =>
      api.GET('/api/committees/members/{memberId}', { params: { path: { memberId } } }),
  });
  if (!data || data.items.length === 0) return null;
  return (
    <Card title="Cấp ủy" size="small">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.items}
        scroll={{ x: 560 }}
        columns={[
          {
            title: 'Chức vụ',
            dataIndex: 'position',
            render: (p: keyof typeof committeePositionLabels) => committeePositionLabels[p],
          },
          { title: 'Tổ chức', dataIndex: 'orgUnitName' },
          {
            title: 'Nhiệm kỳ',
            key: 'term',
            render: (_, r) => `${r.termFromYear}–${r.termToYear}`,
          },
          {
            title: 'Từ – đến',
            key: 'range',
            render: (_, r) =>
              `${formatDate(r.fromDate)} – ${r.toDate ? formatDate(r.toDate) : r.unitDissolvedOn ? formatDate(r.unitDissolvedOn) : 'nay'}`,
          },
        ]}
      />
    </Card>
  );
};

/** The unit's secretary and committee today, with a link to the committee page. */
export const UnitCommitteeSummary = ({ unitId, date }: { unitId: number; date?: string }) => {
  const { data, error } = useQuery({
    queryKey: committeesKeys.committee(unitId, date ?? 'today'),
    queryFn: () => api.GET('/api/committees', { params: { query: { orgUnitId: unitId, date } } }),
  });
  if (error) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!data) return null;
  const secretary = data.groups.find((g) => g.position === 'secretary')?.items ?? [];
  const members = [
    ...new Map(
      data.groups
        .filter((g) =>
          ['secretary', 'deputy_secretary', 'standing_member', 'member'].includes(g.position),
        )
        .flatMap((g) => g.items)
        .map((r) => [r.memberId, r.fullName]),
    ).values(),
  ];
  return (
    <span>
      {secretary.length ? (
        <>
          Bí thư: <strong>{secretary.map((s) => s.fullName).join(', ')}</strong>
          {members.length > 1 ? `; ${members.length} cấp ủy viên` : ''}
        </>
      ) : (
        'Chưa ghi cấp ủy'
      )}{' '}
      <Link to={`/cap-uy?unit=${unitId}`}>Xem cấp ủy</Link>
    </span>
  );
};
