import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Calendar,
  Card,
  Input,
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
  type MeetingKind,
  meetingKindLabels,
  meetingKinds,
  type TAttendanceReport,
  type TMeetingDetail,
} from '../../../../contracts/meetings';
import { formatDate, formatNumber, formatPercent } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import {
  ExportButton,
  GroupedSections,
  numberParam,
  PrintButton,
  useUrlFilters,
} from '../../components/long-list';
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

// `hoi-nghi` opens one meeting (a link from a proposal raised there, or from elsewhere).
const listFilterKeys = [
  'don-vi',
  'nam',
  'nhom',
  'loai',
  'tim',
  'xem',
  'trang-nhom',
  'hoi-nghi',
] as const;
const pageSize = 20;
const groupPageSize = 20;
const kindChoices = meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[k] }));

type ListQuery = {
  orgUnitId?: number;
  from: string;
  to: string;
  kind?: MeetingKind;
  q?: string;
};

/** One unit's meetings, paged on the server; fixed column widths (issue 22). */
const GroupMeetings = ({
  query,
  unit,
  onOpen,
}: {
  query: ListQuery;
  unit: number;
  onOpen: (id: number) => void;
}) => {
  const [page, setPage] = useState(1);
  const { data, error, isLoading } = useQuery({
    queryKey: meetingsKeys.meetings('group', query, unit, page),
    queryFn: () =>
      api.GET('/api/meetings', { params: { query: { ...query, unit, page, pageSize } } }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  return (
    <Table
      rowKey="id"
      size="small"
      loading={isLoading}
      dataSource={data?.items}
      tableLayout="fixed"
      scroll={{ x: 900 }}
      pagination={
        data && data.total > pageSize
          ? {
              current: page,
              pageSize,
              total: data.total,
              showSizeChanger: false,
              onChange: setPage,
              size: 'small',
            }
          : false
      }
      columns={[
        {
          title: 'Ngày',
          key: 'heldOn',
          width: 110,
          render: (_, m) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(m.heldOn)}</span>,
        },
        { title: 'Loại', key: 'kind', width: 220, render: (_, m) => meetingKindLabels[m.kind] },
        {
          title: 'Tên',
          key: 'title',
          width: 340,
          render: (_, m) => (
            <Button
              type="link"
              style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
              onClick={() => onOpen(m.id)}
            >
              {m.title}
            </Button>
          ),
        },
        {
          title: 'Có mặt',
          key: 'present',
          width: 140,
          render: (_, m) =>
            `${formatNumber(m.presentCount)}/${formatNumber(m.invitedCount)} (${rate(m.presentCount, m.invitedCount)})`,
        },
        {
          title: 'Giao việc',
          key: 'decisions',
          width: 90,
          align: 'right',
          render: (_, m) => formatNumber(m.decisionCount),
        },
      ]}
    />
  );
};

/**
 * The meetings of a unit's subtree in a year: grouped by the unit that held them (the unit's own
 * first), filters in the URL, each group paged; export of the filtered list and print (issue 22).
 */
const MeetingsList = () => {
  const { user, can } = useAuth();
  const [url, setUrl] = useUrlFilters(listFilterKeys);
  const unitId = numberParam(url['don-vi']) ?? user?.scopeOrgUnitId;
  const year = numberParam(url.nam) ?? currentYear;
  const view: 'list' | 'calendar' = url.xem === 'lich' ? 'calendar' : 'list';
  const kind = meetingKinds.find((k) => k === url.loai);
  const q = url.tim || undefined;
  const group = numberParam(url.nhom);
  const [text, setText] = useState(q ?? '');
  const [editing, setEditing] = useState<TMeetingDetail | 'new' | null>(null);
  const query: ListQuery = {
    orgUnitId: unitId,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    kind,
    q,
  };
  const groups = useQuery({
    queryKey: meetingsKeys.meetings('groups', query),
    queryFn: () => api.GET('/api/meetings', { params: { query: { ...query, pageSize: 0 } } }),
    enabled: view === 'list',
  });
  const calendar = useQuery({
    queryKey: meetingsKeys.meetings('calendar', query, group),
    queryFn: () => api.GET('/api/meetings', { params: { query: { ...query, unit: group } } }),
    enabled: view === 'calendar',
  });
  const open = async (id: number) =>
    setEditing(await api.GET('/api/meetings/{id}', { params: { path: { id } } }));
  const linkedId = numberParam(url['hoi-nghi']);
  const linked = useQuery({
    queryKey: meetingsKeys.meetings('one', linkedId),
    queryFn: () => api.GET('/api/meetings/{id}', { params: { path: { id: linkedId! } } }),
    enabled: Boolean(linkedId),
  });
  const shownMeeting = editing ?? (linkedId ? linked.data : undefined);
  const all = groups.data?.groups ?? [];
  const shown = group ? all.filter((g) => g.orgUnitId === group) : all;
  const total = shown.reduce((n, g) => n + g.count, 0);
  const items = calendar.data?.items ?? [];
  const error = groups.error ?? calendar.error ?? linked.error;
  const filtered = Boolean(kind || q || group);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap className="no-print">
        <OrgUnitSelect
          value={unitId}
          onChange={(v) => setUrl({ 'don-vi': v, nhom: undefined, 'trang-nhom': undefined })}
        />
        <Select
          value={year}
          onChange={(v) => setUrl({ nam: v, 'trang-nhom': undefined })}
          options={yearOptions}
          style={{ width: 120 }}
          data-testid="filter-year"
        />
        <Segmented
          value={view}
          onChange={(v) => setUrl({ xem: v === 'calendar' ? 'lich' : undefined })}
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
      <Space wrap className="no-print">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="Mọi đơn vị"
          value={group}
          onChange={(v) => setUrl({ nhom: v, 'trang-nhom': undefined })}
          options={all.map((g) => ({ value: g.orgUnitId, label: `${g.label} (${g.count})` }))}
          style={{ width: 300, maxWidth: '100%' }}
          data-testid="filter-unit"
        />
        <Select
          allowClear
          placeholder="Mọi loại cuộc họp"
          value={kind}
          onChange={(v) => setUrl({ loai: v, 'trang-nhom': undefined })}
          options={kindChoices}
          style={{ width: 300, maxWidth: '100%' }}
          data-testid="filter-kind"
        />
        <Input.Search
          allowClear
          placeholder="Tìm theo tên cuộc họp, đơn vị"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setUrl({ tim: v.trim(), 'trang-nhom': undefined })}
          style={{ width: 280, maxWidth: '100%' }}
          data-testid="filter-text"
        />
        <ExportButton
          path="/api/meetings/export.xlsx"
          query={{ ...query, unit: group }}
          disabled={view === 'list' && total === 0}
        />
        <PrintButton />
      </Space>
      {shownMeeting && (
        <MeetingFormModal
          detail={shownMeeting === 'new' ? undefined : shownMeeting}
          defaultUnitId={unitId}
          onClose={() => {
            setEditing(null);
            if (linkedId) setUrl({ 'hoi-nghi': undefined });
          }}
        />
      )}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {view === 'list' ? (
        groups.data ? (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="meetings">
            <Typography.Text type="secondary" data-testid="meetings-summary">
              {formatNumber(total)} cuộc họp ở {formatNumber(shown.length)} đơn vị năm {year}
              {filtered ? ' khớp bộ lọc' : ''}. Bấm vào một đơn vị để xem các cuộc họp.
            </Typography.Text>
            <GroupedSections
              testId="meeting-groups"
              pageSize={groupPageSize}
              page={numberParam(url['trang-nhom'])}
              onPageChange={(p) => setUrl({ 'trang-nhom': p > 1 ? p : undefined })}
              // The unit's own meetings (its conferences), or the only group, open at once.
              defaultOpen={
                shown.length === 1
                  ? [String(shown[0].orgUnitId)]
                  : shown[0]?.orgUnitId === unitId
                    ? [String(unitId)]
                    : undefined
              }
              groups={shown.map((g) => ({
                key: String(g.orgUnitId),
                label: `${g.label} – gần nhất ${formatDate(g.lastHeldOn)}`,
                count: g.count,
              }))}
              render={(key) => <GroupMeetings query={query} unit={Number(key)} onOpen={open} />}
            />
          </Space>
        ) : (
          <Typography.Text type="secondary">Đang tải…</Typography.Text>
        )
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
