import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Calendar,
  Card,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  cellMeetingKinds,
  meetingKindLabels,
  type TAttendanceReport,
  type TMeetingDetail,
} from '../../../../contracts/meetings';
import { formatDate, formatNumber, formatPercent } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { currentYear } from '../resolutions/shared';
import { meetingsKeys } from './keys';
import { MeetingFormModal } from './MeetingFormModal';

const yearOptions = [0, 1, 2].map((i) => ({
  value: currentYear - i,
  label: `Năm ${currentYear - i}`,
}));
const rate = (present: number, expected: number) =>
  expected === 0 ? '—' : formatPercent(present / expected);

const MeetingsList = () => {
  const { user, can } = useAuth();
  const [unitId, setUnitId] = useState<number | undefined>(user?.scopeOrgUnitId);
  const [year, setYear] = useState(currentYear);
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [editing, setEditing] = useState<TMeetingDetail | 'new' | null>(null);
  const { data, isLoading, error } = useQuery({
    queryKey: meetingsKeys.meetings(unitId, year),
    queryFn: () =>
      api.GET('/api/meetings', {
        params: { query: { orgUnitId: unitId, from: `${year}-01-01`, to: `${year}-12-31` } },
      }),
  });
  const open = async (id: number) =>
    setEditing(await api.GET('/api/meetings/{id}', { params: { path: { id } } }));
  const items = data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <OrgUnitSelect value={unitId} onChange={setUnitId} />
        <Select value={year} onChange={setYear} options={yearOptions} style={{ width: 120 }} />
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'list' | 'calendar')}
          options={[
            { value: 'list', label: 'Danh sách' },
            { value: 'calendar', label: 'Lịch' },
          ]}
        />
        {can('meeting.write') && (
          <Button type="primary" size="large" onClick={() => setEditing('new')}>
            Ghi cuộc họp
          </Button>
        )}
      </Space>
      {editing && (
        <MeetingFormModal
          detail={editing === 'new' ? undefined : editing}
          defaultUnitId={unitId}
          onClose={() => setEditing(null)}
        />
      )}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {view === 'list' ? (
        <Table
          rowKey="id"
          data-testid="meetings"
          loading={isLoading}
          dataSource={items}
          pagination={{ pageSize: 20 }}
          scroll={{ x: 800 }}
          columns={[
            { title: 'Ngày', render: (_, m) => formatDate(m.heldOn) },
            { title: 'Tổ chức', dataIndex: 'orgUnitName' },
            { title: 'Loại', render: (_, m) => meetingKindLabels[m.kind] },
            {
              title: 'Tên',
              render: (_, m) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => open(m.id)}>
                  {m.title}
                </Button>
              ),
            },
            {
              title: 'Có mặt',
              render: (_, m) =>
                `${formatNumber(m.presentCount)}/${formatNumber(m.invitedCount)} (${rate(m.presentCount, m.invitedCount)})`,
            },
            { title: 'Nội dung giao việc', render: (_, m) => formatNumber(m.decisionCount) },
          ]}
        />
      ) : (
        <Calendar
          key={year}
          defaultValue={dayjs(`${year}-${year === currentYear ? dayjs().format('MM') : '01'}-01`)}
          cellRender={(d, info) => {
            if (info.type !== 'date') return info.originNode;
            const day = d.format('YYYY-MM-DD');
            return (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items
                  .filter((m) => m.heldOn === day)
                  .map((m) => (
                    <li key={m.id}>
                      <Tooltip title={`${m.orgUnitName}: ${m.title}`}>
                        <Badge
                          status={cellMeetingKinds.includes(m.kind) ? 'processing' : 'success'}
                          text={
                            <Button
                              type="link"
                              size="small"
                              style={{ padding: 0 }}
                              onClick={() => open(m.id)}
                            >
                              {m.orgUnitName}
                            </Button>
                          }
                        />
                      </Tooltip>
                    </li>
                  ))}
              </ul>
            );
          }}
        />
      )}
    </Space>
  );
};

const AttendanceTable = () => {
  const { user } = useAuth();
  const [unitId, setUnitId] = useState<number | undefined>(user?.scopeOrgUnitId);
  const [year, setYear] = useState(currentYear);
  const { data, isLoading, error } = useQuery({
    queryKey: meetingsKeys.meetingAttendance(unitId, year),
    queryFn: () =>
      api.GET('/api/meetings/attendance', {
        params: { query: { unitId, from: `${year}-01-01`, to: `${year}-12-31` } },
      }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <OrgUnitSelect value={unitId} onChange={setUnitId} />
        <Select value={year} onChange={setYear} options={yearOptions} style={{ width: 120 }} />
      </Space>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {data && (
        <Card size="small">
          <Typography.Text strong>
            Tỷ lệ đảng viên dự sinh hoạt chi bộ:{' '}
            {data.rate === null ? '—' : formatPercent(data.rate / 100)} (
            {formatNumber(data.present)}/{formatNumber(data.expected)} lượt).{' '}
          </Typography.Text>
          {data.missedCount > 0 ? (
            <Typography.Text type="danger">
              {formatNumber(data.missedCount)} chi bộ-tháng không sinh hoạt (Điều lệ: chi bộ sinh
              hoạt định kỳ mỗi tháng một lần).
            </Typography.Text>
          ) : (
            <Typography.Text type="success">Các chi bộ đều sinh hoạt hằng tháng.</Typography.Text>
          )}
        </Card>
      )}
      <Table
        rowKey="id"
        size="small"
        data-testid="attendance-rates"
        loading={isLoading}
        dataSource={data?.cells}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 1400 }}
        columns={[
          {
            title: 'Chi bộ',
            fixed: 'left',
            width: 260,
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <span>{c.name}</span>
                {c.parentName && <Typography.Text type="secondary">{c.parentName}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: 'Cả năm',
            width: 90,
            render: (_, c) => (c.rate === null ? '—' : formatPercent(c.rate / 100)),
          },
          ...(data?.months ?? []).map((month, i) => ({
            title: `T${Number(month.slice(5))}`,
            width: 80,
            render: (_: unknown, c: TAttendanceReport['cells'][number]) => {
              const m = c.months[i];
              if (m.missed) return <Tag color="red">Không họp</Tag>;
              if (m.meetings === 0) return '';
              return (
                <Tooltip title={`${m.meetings} buổi; có mặt ${m.present}/${m.expected}`}>
                  {rate(m.present, m.expected)}
                </Tooltip>
              );
            },
          })),
        ]}
      />
    </Space>
  );
};

/** Meetings per unit (list or calendar) and attendance rates per cell and month. */
export const MeetingsPage = () => (
  <Space orientation="vertical" style={{ width: '100%' }} size="large">
    <Typography.Title level={3} style={{ margin: 0 }}>
      Hội nghị, sinh hoạt chi bộ
    </Typography.Title>
    <Tabs
      items={[
        { key: 'list', label: 'Cuộc họp', children: <MeetingsList /> },
        { key: 'rates', label: 'Tỷ lệ dự sinh hoạt', children: <AttendanceTable /> },
      ]}
    />
  </Space>
);
