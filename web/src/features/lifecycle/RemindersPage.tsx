import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, List, Space, Statistic, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { reminderKindLabels, type TReminder } from '../../../../contracts/lifecycle';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { lifecycleKeys } from './keys';

const severity: Record<TReminder['severity'], { color: string; label: string }> = {
  overdue: { color: 'red', label: 'Quá hạn' },
  due_soon: { color: 'orange', label: 'Sắp đến hạn' },
  upcoming: { color: 'blue', label: 'Sắp tới' },
};

/** The list of reminders of a subtree; also embedded in a cell's page. */
export const RemindersList = ({
  orgUnitId,
  compact,
}: {
  orgUnitId?: number;
  compact?: boolean;
}) => {
  const { data, error, isLoading } = useQuery({
    queryKey: lifecycleKeys.reminders(orgUnitId),
    queryFn: () => api.GET('/api/lifecycle/reminders', { params: { query: { orgUnitId } } }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {data && !compact && (
        <Space size="large">
          <Statistic
            title="Quá hạn"
            value={data.counts.overdue}
            styles={{ content: { color: '#cf1322' } }}
          />
          <Statistic
            title="Sắp đến hạn"
            value={data.counts.dueSoon}
            styles={{ content: { color: '#d46b08' } }}
          />
          <Statistic title="Sắp tới" value={data.counts.upcoming} />
        </Space>
      )}
      <List
        loading={isLoading}
        data-testid="reminders"
        locale={{ emptyText: <Empty description="Không có việc đến hạn." /> }}
        dataSource={compact ? data?.items.slice(0, 8) : data?.items}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={severity[r.severity].color}>{severity[r.severity].label}</Tag>
                  <Link to={r.link}>{r.title}</Link>
                </Space>
              }
              description={
                <span>
                  {reminderKindLabels[r.kind]} · {formatDate(r.date)}
                  {r.orgUnitName ? ` · ${r.orgUnitName}` : ''} — {r.detail}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
};

export const RemindersPage = () => {
  const [params, setParams] = useSearchParams();
  const orgUnitId = params.get('don-vi') ? Number(params.get('don-vi')) : undefined;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Việc cần làm
        </Typography.Title>
        <OrgUnitSelect
          value={orgUnitId}
          allowClear
          placeholder="Toàn bộ phạm vi của tôi"
          style={{ width: 340 }}
          onChange={(id) => setParams(id ? { 'don-vi': String(id) } : {})}
        />
      </Space>
      <Typography.Paragraph type="secondary">
        Các mốc theo quy định: thời hạn từng bước kết nạp (tính theo ngày làm việc, trừ Tết và ngày
        lễ), hết thời gian dự bị, giấy giới thiệu sinh hoạt đảng quá 30 ngày, Huy hiệu Đảng đợt tới,
        đảng phí chưa đóng.
      </Typography.Paragraph>
      <RemindersList orgUnitId={orgUnitId} />
    </Space>
  );
};
