import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Input, List, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  reminderKindLabels,
  reminderSeverityLabels,
  type TReminder,
} from '../../../../contracts/lifecycle';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import {
  ExportButton,
  GroupedSections,
  numberParam,
  PrintButton,
  useUrlFilters,
} from '../../components/long-list';
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

// `nhom`: only the items recorded for that exact unit (a committee's own: its badge line, the
// proposals it must answer), as the home's "by unit" count for the committee itself links here.
const reminderFilterKeys = ['don-vi', 'nhom', 'loai', 'muc', 'tim'] as const;
const groupPageSize = 20;
type ReminderFilters = {
  orgUnitId?: number;
  unit?: number;
  kind?: TReminder['kind'];
  severity?: TReminder['severity'];
  q?: string;
};

const ReminderItem = ({ r }: { r: TReminder }) => (
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
          {reminderKindLabels[r.kind]} · {formatDate(r.date)} — {r.detail}
        </span>
      }
    />
  </List.Item>
);

/** One unit's reminders, paged on the server. */
const GroupReminders = ({ filters, unit }: { filters: ReminderFilters; unit: number }) => {
  const [page, setPage] = useState(1);
  const { data, error, isLoading } = useQuery({
    queryKey: lifecycleKeys.reminders(filters.orgUnitId, 'group', filters, unit, page),
    queryFn: () =>
      api.GET('/api/lifecycle/reminders', {
        params: { query: { ...filters, unit, page, pageSize: groupPageSize } },
      }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  return (
    <List
      size="small"
      loading={isLoading}
      dataSource={data?.items}
      renderItem={(r) => <ReminderItem r={r} />}
      pagination={
        data && data.total > groupPageSize
          ? {
              current: page,
              pageSize: groupPageSize,
              total: data.total,
              onChange: setPage,
              size: 'small',
              showSizeChanger: false,
            }
          : false
      }
    />
  );
};

export const RemindersPage = () => {
  // The unit and the filters stay in the URL (issue 22): a reload or a shared link keeps them.
  const [url, setUrl] = useUrlFilters(reminderFilterKeys);
  const orgUnitId = numberParam(url['don-vi']);
  const filters: ReminderFilters = {
    orgUnitId,
    unit: numberParam(url.nhom),
    kind: (url.loai as TReminder['kind'] | undefined) || undefined,
    severity: (url.muc as TReminder['severity'] | undefined) || undefined,
    q: url.tim || undefined,
  };
  const [text, setText] = useState(filters.q ?? '');
  // The groups with their counts; each group reads its items when opened.
  const { data, error, isLoading } = useQuery({
    queryKey: lifecycleKeys.reminders(orgUnitId, 'groups', filters),
    queryFn: () =>
      api.GET('/api/lifecycle/reminders', { params: { query: { ...filters, pageSize: 0 } } }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Việc cần làm
        </Typography.Title>
        <Space wrap className="no-print">
          <ExportButton
            path="/api/lifecycle/reminders/export.xlsx"
            query={filters}
            disabled={!data || data.total === 0}
          />
          <PrintButton />
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" className="no-print">
        Các mốc theo quy định: thời hạn từng bước kết nạp (tính theo ngày làm việc, trừ Tết và ngày
        lễ), hết thời gian dự bị, giấy giới thiệu sinh hoạt đảng quá 30 ngày, Huy hiệu Đảng đợt tới,
        đảng phí chưa đóng.
      </Typography.Paragraph>
      <Space wrap className="no-print">
        <OrgUnitSelect
          value={orgUnitId}
          allowClear
          placeholder="Toàn bộ phạm vi của tôi"
          style={{ width: 340, maxWidth: '100%' }}
          onChange={(id) => setUrl({ 'don-vi': id })}
        />
        <Select
          allowClear
          placeholder="Mọi loại việc"
          value={filters.kind}
          onChange={(v) => setUrl({ loai: v })}
          options={Object.entries(reminderKindLabels).map(([value, label]) => ({ value, label }))}
          style={{ width: 300, maxWidth: '100%' }}
          data-testid="filter-kind"
        />
        <Select
          allowClear
          placeholder="Mọi mức độ"
          value={filters.severity}
          onChange={(v) => setUrl({ muc: v })}
          options={Object.entries(reminderSeverityLabels).map(([value, label]) => ({
            value,
            label,
          }))}
          style={{ width: 180, maxWidth: '100%' }}
          data-testid="filter-severity"
        />
        <Input.Search
          allowClear
          placeholder="Tìm tên, nội dung"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setUrl({ tim: v.trim() })}
          style={{ width: 260, maxWidth: '100%' }}
          data-testid="filter-text"
        />
      </Space>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {isLoading && <Typography.Text type="secondary">Đang tải…</Typography.Text>}
      {filters.unit !== undefined && (
        <Tag
          closable
          onClose={() => setUrl({ nhom: undefined })}
          className="no-print"
          data-testid="filter-own"
        >
          Chỉ các việc ghi cho chính đơn vị{data?.groups[0] ? `: ${data.groups[0].label}` : ''}
        </Tag>
      )}
      {data && (
        <>
          <Space size="large" wrap>
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
          <Typography.Text type="secondary" data-testid="reminders-summary">
            {data.total} việc ở {data.groups.length} đơn vị
            {filters.kind || filters.severity || filters.q || filters.unit ? ' khớp bộ lọc' : ''}.
            Bấm vào một đơn vị để xem.
          </Typography.Text>
          <GroupedSections
            testId="reminder-groups"
            groups={data.groups.map((g) => ({
              key: String(g.orgUnitId ?? 0),
              label: g.label,
              count: g.count,
              warn: g.overdue,
            }))}
            render={(key) => <GroupReminders filters={filters} unit={Number(key)} />}
          />
        </>
      )}
    </Space>
  );
};
