import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { congressLevelLabels } from '../../../../domain/enums/congresses';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { congressesKeys } from './keys';
import { RoundFormModal } from './RoundFormModal';
import { CongressStatusTag, LateTag } from './shared';

/** The congress of the user's own unit, straight to its page (a cell secretary records it there). */
const OwnCongresses = ({ unitId }: { unitId: number }) => {
  const { data } = useQuery({
    queryKey: congressesKeys.congresses('own', unitId),
    queryFn: () =>
      api.GET('/api/congresses', { params: { query: { orgUnitId: unitId, ownUnit: 'true' } } }),
  });
  if (!data?.items.length) return null;
  return (
    <Card title="Đại hội của đơn vị tôi" data-testid="own-congresses">
      <List
        dataSource={data.items}
        renderItem={(c) => (
          <List.Item>
            <Space wrap>
              <Link to={`/dai-hoi/${c.id}`}>
                {c.orgUnitName} — {c.roundName}
              </Link>
              <CongressStatusTag status={c.status} />
              {c.late && <LateTag />}
              <Typography.Text type="secondary">
                {c.heldOn
                  ? `Tổ chức ngày ${formatDate(c.heldOn)}`
                  : c.deadline
                    ? `Hạn ${formatDate(c.deadline)}`
                    : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
};

/** Đại hội: the rounds the user's committees run, newest first. */
export const RoundsPage = () => {
  const { user, can } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: congressesKeys.rounds(),
    queryFn: () => api.GET('/api/congresses/rounds'),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Đại hội đảng bộ các cấp
        </Typography.Title>
        {can('congress.round') && (
          <Button type="primary" size="large" onClick={() => setCreating(true)}>
            Lập đợt đại hội
          </Button>
        )}
      </Space>
      {creating && (
        <RoundFormModal
          onClose={() => setCreating(false)}
          onSaved={(id) => navigate(`/dai-hoi/dot/${id}`)}
        />
      )}
      {user && <OwnCongresses unitId={user.scopeOrgUnitId} />}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      <Table
        rowKey="id"
        data-testid="congress-rounds"
        loading={isLoading}
        dataSource={data?.items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: 'Chưa có đợt đại hội nào.' }}
        columns={[
          {
            title: 'Đợt đại hội',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/dai-hoi/dot/${r.id}`}>{r.name}</Link>
                <Typography.Text type="secondary">
                  {r.orgUnitName} · {r.directiveNumber ?? r.directiveRef ?? 'Chưa ghi chỉ thị'}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: 'Thời hạn',
            responsive: ['md'],
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.cellDeadline && (
                  <span>
                    {congressLevelLabels.cell}: {formatDate(r.cellDeadline)}
                  </span>
                )}
                {r.grassrootsDeadline && (
                  <span>
                    {congressLevelLabels.grassroots}: {formatDate(r.grassrootsDeadline)}
                  </span>
                )}
                {r.upperDeadline && (
                  <span>
                    {congressLevelLabels.upper}: {formatDate(r.upperDeadline)}
                  </span>
                )}
              </Space>
            ),
          },
          {
            title: 'Đã tổ chức',
            width: 220,
            render: (_, r) =>
              r.congressCount ? (
                <Space orientation="vertical" size={0} style={{ width: 200 }}>
                  <span>
                    {r.heldCount}/{r.congressCount} đại hội
                  </span>
                  <Progress
                    percent={Math.round((100 * r.heldCount) / r.congressCount)}
                    size="small"
                  />
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
};
