// The dashboard of a scope for a year and an as-of date: targets with their status, key tasks,
// recruitment, members, inspection, evaluation and dissemination figures next to the same figures one
// year earlier, with charts. Every number opens the records behind it. One API call (plus one per
// drill-down).
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TDashboardFigure, TTargetView, TTaskSummary } from '../../../../contracts/plans';
import { targetStatuses, targetStatusLabels } from '../../../../domain/rules/plans/target-status';
import { formatDate, formatNumber } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { SeriesChart } from '../plans/charts';
import { currentYear, formatMetricValue, statusColors, yearChoices } from '../plans/format';
import { RecordsDrawer, type RecordsRequest } from '../plans/RecordsDrawer';
import { TargetStatusTag } from '../plans/TargetDrawer';
import { dashboardKeys } from './keys';

type Open = (figure: { code: string; label: string }, previous?: boolean) => void;

/** A figure, clickable to its records, with last year's figure at the same point of the year. */
const Figure = ({ f, open }: { f: TDashboardFigure; open: Open }) => {
  if (f.status === 'unavailable')
    return (
      <div data-testid={`figure-${f.code}`}>
        <Typography.Text type="secondary">{f.label}</Typography.Text>
        <div>
          <Tag>Chưa có số liệu</Tag>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {f.reason}
        </Typography.Text>
      </div>
    );
  const delta = f.value !== null && f.previous !== null ? f.value - f.previous : null;
  return (
    <div data-testid={`figure-${f.code}`}>
      <Typography.Text type="secondary">{f.label}</Typography.Text>
      <div>
        <Button
          type="link"
          style={{ padding: 0, fontSize: 24, height: 'auto' }}
          onClick={() => open(f)}
          title={f.description}
        >
          {formatMetricValue(f.unit, f.value)}
        </Button>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        Cùng kỳ năm trước:{' '}
        {f.previous === null ? (
          // Nothing recorded for last year: no number, no comparison (never "0 đ (+…)").
          <span data-testid={`previous-missing-${f.code}`}>— (chưa có số liệu)</span>
        ) : (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(f, true)}>
            {formatMetricValue(f.unit, f.previous)}
          </Button>
        )}
        {delta !== null && delta !== 0 && (
          <span style={{ color: delta > 0 ? '#2e7d32' : '#c62828' }}>
            {' '}
            ({delta > 0 ? '+' : ''}
            {f.unit === 'percent' ? formatNumber(delta, 1) : formatNumber(delta)})
          </span>
        )}
      </Typography.Text>
    </div>
  );
};

const FigureGrid = ({ figures, open }: { figures: TDashboardFigure[]; open: Open }) => (
  <Row gutter={[16, 16]}>
    {figures.map((f) => (
      <Col key={f.code} xs={12} md={8} xl={6}>
        <Figure f={f} open={open} />
      </Col>
    ))}
  </Row>
);

/**
 * The key tasks of both years as bars: done on time, done late, not yet done, exceeding their
 * requirement; then the ratings of their results, once any result of either year is rated.
 */
const TaskChart = ({
  now,
  before,
  year,
}: {
  now: TTaskSummary;
  before: TTaskSummary;
  year: number;
}) => {
  const bars = (t: TTaskSummary) => [t.onTime, t.late, t.total - t.completed, t.exceeded];
  const labels = ['Đúng hạn', 'Chậm hạn', 'Chưa xong', 'Vượt yêu cầu'];
  const rated = [...now.byRating, ...before.byRating].some((r) => r.count > 0);
  const ratings = (t: TTaskSummary) => (rated ? t.byRating.map((r) => r.count) : []);
  return (
    <SeriesChart
      height={220}
      categories={[...labels, ...(rated ? now.byRating.map((r) => r.label) : [])]}
      series={[
        { name: `Năm ${year}`, kind: 'bar', values: [...bars(now), ...ratings(now)] },
        { name: `Năm ${year - 1}`, kind: 'bar', values: [...bars(before), ...ratings(before)] },
      ]}
    />
  );
};

const groups = [
  ['committees', 'Cấp ủy, Ban Thường vụ các cấp'],
  ['inspection_commissions', 'Ủy ban Kiểm tra các cấp'],
] as const;
const columns = [
  ['inspected.organisations', 'Tổ chức đảng được kiểm tra'],
  ['inspected.members', 'Đảng viên được kiểm tra'],
  ['supervised.organisations', 'Tổ chức đảng được giám sát'],
  ['supervised.members', 'Đảng viên được giám sát'],
] as const;

export const DashboardPage = () => {
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>();
  const [year, setYear] = useState(currentYear);
  const [asOf, setAsOf] = useState<string | undefined>();
  const [records, setRecords] = useState<RecordsRequest | null>(null);
  const dashboard = useQuery({
    queryKey: dashboardKeys.dashboard(orgUnitId, year, asOf),
    queryFn: () => api.GET('/api/dashboard', { params: { query: { orgUnitId, year, asOf } } }),
  });
  const d = dashboard.data;
  const open: Open = (f, previous) =>
    d &&
    setRecords({
      code: f.code,
      orgUnitId: d.orgUnitId,
      year: previous ? year - 1 : year,
      asOf: previous ? d.previousAsOf : d.asOf,
      title: `${f.label} – ${previous ? `năm ${year - 1} (đến ${formatDate(d.previousAsOf)})` : `năm ${year}`}`,
    });
  const openTarget = (t: TTargetView) =>
    setRecords({
      code: t.metricCode,
      orgUnitId: t.orgUnitId,
      year: Number(t.from.slice(0, 4)),
      toYear: Number(t.to.slice(0, 4)),
      asOf: t.asOf,
      title: t.title,
    });
  const byArea = (area: string) => d?.figures.filter((f) => f.area === area) ?? [];
  const figure = (code: string) => d?.figures.find((f) => f.code === code);
  const months = Array.from({ length: 12 }, (_, i) => `T${i + 1}`);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Bảng điều hành {d ? `– ${d.orgUnitName}` : ''}
      </Typography.Title>
      <Space wrap>
        <OrgUnitSelect
          value={orgUnitId}
          onChange={setOrgUnitId}
          placeholder="Toàn bộ phạm vi của tôi"
          allowClear
        />
        <Select value={year} onChange={setYear} options={yearChoices} style={{ width: 120 }} />
        <DatePicker
          format="DD/MM/YYYY"
          placeholder="Số liệu đến ngày (hôm nay)"
          value={asOf ? dayjs(asOf) : null}
          onChange={(v) => setAsOf(v ? v.format('YYYY-MM-DD') : undefined)}
        />
        {d && (
          <Typography.Text type="secondary">
            Số liệu đến {formatDate(d.asOf)}; so sánh cùng kỳ đến {formatDate(d.previousAsOf)}
          </Typography.Text>
        )}
      </Space>
      {dashboard.error && (
        <Alert type="error" showIcon title={(dashboard.error as Error).message} />
      )}
      {dashboard.isFetching && !d && <Typography.Text>Đang tính số liệu…</Typography.Text>}
      {d && (
        <>
          <Card
            size="small"
            title={`Chỉ tiêu năm ${year}`}
            extra={<Link to="/ke-hoach">Kế hoạch năm</Link>}
          >
            <Space wrap style={{ marginBottom: 8 }}>
              {targetStatuses.map((s) => {
                const n = d.targets.filter((t) => t.status === s).length;
                return n ? (
                  <Tag key={s} color={statusColors[s]}>
                    {targetStatusLabels[s]}: {n}
                  </Tag>
                ) : null;
              })}
            </Space>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.targets}
              locale={{ emptyText: 'Chưa đặt chỉ tiêu cho năm này.' }}
              columns={[
                { title: 'Chỉ tiêu', dataIndex: 'title' },
                {
                  title: 'Hiện tại',
                  key: 'value',
                  align: 'right',
                  width: 110,
                  render: (_, t) =>
                    t.value === null ? (
                      '—'
                    ) : (
                      <Button type="link" style={{ padding: 0 }} onClick={() => openTarget(t)}>
                        {formatMetricValue(t.metricUnit, t.value)}
                      </Button>
                    ),
                },
                { title: 'Tiến độ', dataIndex: 'progress' },
                {
                  title: 'Tình trạng',
                  key: 's',
                  width: 180,
                  render: (_, t) => <TargetStatusTag t={t} />,
                },
              ]}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title="Nhiệm vụ trọng tâm" style={{ height: '100%' }}>
                <Typography.Paragraph data-testid="dashboard-tasks">
                  Năm {year}: {d.taskSummary.sentence}.
                  <br />
                  Cùng kỳ năm {year - 1}: {d.previousTaskSummary.sentence}.
                </Typography.Paragraph>
                <TaskChart now={d.taskSummary} before={d.previousTaskSummary} year={year} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title="Kết nạp đảng viên lũy kế theo tháng"
                style={{ height: '100%' }}
              >
                <SeriesChart
                  height={260}
                  categories={months}
                  series={[
                    { name: `Năm ${year}`, values: d.admissionsByMonth.map((m) => m.value) },
                    { name: `Năm ${year - 1}`, values: d.admissionsByMonth.map((m) => m.previous) },
                  ]}
                  onClickPoint={(series) => {
                    const f = figure('recruitment.admitted');
                    if (f) open(f, series === 1);
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="Phát triển đảng viên, đảng viên">
            <FigureGrid
              figures={[...byArea('recruitment'), ...byArea('members'), ...byArea('lifecycle')]}
              open={open}
            />
          </Card>
          <Card size="small" title="Kiểm tra, giám sát, kỷ luật">
            <Table
              size="small"
              rowKey="group"
              pagination={false}
              dataSource={groups.map(([group, label]) => ({ group, label }))}
              columns={[
                { title: 'Chủ thể', dataIndex: 'label' },
                ...columns.map(([key, title]) => ({
                  title,
                  key,
                  align: 'right' as const,
                  render: (_: unknown, r: { group: string }) => {
                    const f = figure(`inspection.${key}.${r.group}`);
                    return f ? (
                      <Button type="link" style={{ padding: 0 }} onClick={() => open(f)}>
                        {formatMetricValue(f.unit, f.value)}{' '}
                        <Typography.Text type="secondary">
                          ({formatMetricValue(f.unit, f.previous)})
                        </Typography.Text>
                      </Button>
                    ) : null;
                  },
                })),
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              Trong ngoặc: cùng kỳ năm trước. Mỗi đối tượng được đếm một lần cho mỗi nhóm chủ thể.
            </Typography.Paragraph>
            <FigureGrid
              figures={byArea('inspection').filter(
                (f) =>
                  !f.code.startsWith('inspection.inspected') &&
                  !f.code.startsWith('inspection.supervised'),
              )}
              open={open}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title="Đánh giá, xếp loại" style={{ height: '100%' }}>
                <FigureGrid figures={byArea('evaluation')} open={open} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title="Học tập, quán triệt nghị quyết; nhiệm vụ"
                style={{ height: '100%' }}
              >
                <FigureGrid figures={[...byArea('resolutions'), ...byArea('plans')]} open={open} />
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title="Đề xuất, kiến nghị; nhận xét nơi cư trú"
            extra={<Link to="/kien-nghi">Sổ kiến nghị</Link>}
          >
            <FigureGrid figures={byArea('proposals')} open={open} />
          </Card>
          {byArea('congresses').some((f) => f.value !== null) && (
            <Card
              size="small"
              title={`Đại hội, cấp ủy năm ${year}`}
              extra={<Link to="/dai-hoi">Tiến độ đại hội</Link>}
            >
              <FigureGrid figures={byArea('congresses')} open={open} />
            </Card>
          )}
        </>
      )}
      <RecordsDrawer request={records} onClose={() => setRecords(null)} />
    </Space>
  );
};
