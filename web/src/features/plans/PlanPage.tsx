// The annual plan of a unit: its term and the congress targets, the year's targets bound to live metrics,
// its key tasks with their results, and the tasks it handed down to lower units.
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Popconfirm,
  Select,
  Space,
  Table,
  type TablePaginationConfig,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TKeyTask, TTargetView } from '../../../../contracts/plans';
import {
  keyTaskOriginLabels,
  keyTaskRatingLabels,
  keyTaskStatusLabels,
} from '../../../../domain/rules/plans/key-tasks';
import { comparatorSymbols } from '../../../../domain/rules/plans/target-status';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { numberParam, useUrlFilters } from '../../components/long-list';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { AssignedTasksCard, planFilterKeys } from './AssignedTasksCard';
import { currentYear, formatMetricValue, yearChoices } from './format';
import { plansKeys } from './keys';
import { ResultModal, TargetModal, TaskModal, TermModal, usePlanChanged } from './PlanForms';
import { RecordsDrawer, type RecordsRequest } from './RecordsDrawer';
import { TargetDrawer, TargetStatusTag } from './TargetDrawer';

const timelinessColor: Record<TKeyTask['timeliness']['kind'], string> = {
  ahead: 'green',
  on_time: 'blue',
  late: 'orange',
  overdue: 'red',
  pending: 'default',
};

/** Delete a target or a task; the server says why when it refuses. */
const useDelete = (kind: 'targets' | 'tasks') => {
  const changed = usePlanChanged();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (id: number) =>
      kind === 'targets'
        ? api.DELETE('/api/plans/targets/{id}', { params: { path: { id } } })
        : api.DELETE('/api/plans/tasks/{id}', { params: { path: { id } } }),
    onSuccess: () => changed('Đã xóa.'),
    onError: (e) => message.error(applyApiError(e)),
  });
};

/** "Xóa chỉ tiêu này?" – with the shares handed down, which go with it. */
const targetDeleteQuestion = (t: TTargetView) =>
  t.childCount
    ? `Xóa chỉ tiêu này cùng ${t.childCount} chỉ tiêu đã giao cho cấp dưới từ chỉ tiêu này?`
    : 'Xóa chỉ tiêu này?';

const TargetTable = ({
  rows,
  onOpen,
  onRecords,
  onEdit,
}: {
  rows: TTargetView[];
  onOpen: (id: number) => void;
  onRecords: (t: TTargetView) => void;
  onEdit?: (t: TTargetView) => void;
}) => {
  const remove = useDelete('targets');
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: 'Chưa đặt chỉ tiêu.' }}
      // Fixed widths (issue 22): on a phone the target keeps a readable column and the table
      // scrolls inside its box instead of one word per line.
      tableLayout="fixed"
      scroll={{ x: 1100 + (onEdit ? 120 : 0) }}
      columns={[
        {
          title: 'Chỉ tiêu',
          dataIndex: 'title',
          width: 280,
          render: (title: string, t) => (
            <Button
              type="link"
              style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
              onClick={() => onOpen(t.id)}
            >
              {title}
            </Button>
          ),
        },
        {
          title: 'Mức',
          key: 'threshold',
          width: 110,
          render: (_, t) =>
            `${comparatorSymbols[t.comparator]} ${formatMetricValue(t.metricUnit, t.threshold)}`,
        },
        {
          title: 'Cơ sở',
          dataIndex: 'baseline',
          width: 90,
          render: (v: number | null, t) => (v === null ? '' : formatMetricValue(t.metricUnit, v)),
        },
        {
          title: 'Hiện tại',
          key: 'value',
          width: 100,
          align: 'right',
          render: (_, t) =>
            t.value === null ? (
              '—'
            ) : (
              <Button type="link" style={{ padding: 0 }} onClick={() => onRecords(t)}>
                {formatMetricValue(t.metricUnit, t.value)}
              </Button>
            ),
        },
        { title: 'Tiến độ', dataIndex: 'progress', width: 200 },
        {
          title: 'Tình trạng',
          key: 'status',
          width: 170,
          render: (_, t) => <TargetStatusTag t={t} />,
        },
        {
          title: 'Giao cấp dưới',
          key: 'children',
          width: 120,
          render: (_, t) =>
            t.childCount ? `${t.childCount} đơn vị, tổng ${t.childThresholdSum}` : '',
        },
        ...(onEdit
          ? [
              {
                title: '',
                key: 'actions',
                width: 120,
                render: (_: unknown, t: TTargetView) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => onEdit(t)}>
                      Sửa
                    </Button>
                    <Popconfirm
                      title={targetDeleteQuestion(t)}
                      okText="Xóa"
                      okButtonProps={{ danger: true }}
                      cancelText="Hủy"
                      onConfirm={() => remove.mutate(t.id)}
                    >
                      <Button size="small" danger>
                        Xóa
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
};

const TaskTable = ({
  rows,
  showUnit,
  onResult,
  onEdit,
  pagination,
}: {
  rows: TKeyTask[];
  showUnit?: boolean;
  pagination?: TablePaginationConfig;
  onResult?: (t: TKeyTask) => void;
  onEdit?: (t: TKeyTask) => void;
}) => {
  const remove = useDelete('tasks');
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={pagination ?? false}
      dataSource={rows}
      locale={{ emptyText: 'Chưa có nhiệm vụ.' }}
      // Fixed widths (issue 22): the task keeps a readable column; a narrow screen scrolls the
      // table inside its box.
      tableLayout="fixed"
      scroll={{ x: 1240 + (showUnit ? 180 : 0) }}
      columns={[
        ...(showUnit ? [{ title: 'Giao cho', dataIndex: 'orgUnitName', width: 180 }] : []),
        {
          title: 'Nhiệm vụ',
          dataIndex: 'title',
          width: 320,
          render: (title: string, t: TKeyTask) => (
            <Space direction="vertical" size={0}>
              <span>{title}</span>
              {t.source && <Typography.Text type="secondary">{t.source.label}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: 'Nguồn',
          dataIndex: 'origin',
          width: 130,
          render: (o: TKeyTask['origin'], t: TKeyTask) =>
            o === 'assigned'
              ? `${keyTaskOriginLabels[o]}${t.assignedByName ? ` (${t.assignedByName})` : ''}`
              : keyTaskOriginLabels[o],
        },
        { title: 'Phụ trách', dataIndex: 'ownerName', width: 180 },
        { title: 'Hạn', dataIndex: 'deadline', width: 100, render: (d: string) => formatDate(d) },
        { title: 'Sản phẩm', dataIndex: 'products', width: 160 },
        {
          title: 'Tình trạng',
          key: 'status',
          width: 200,
          render: (_, t: TKeyTask) => (
            <Space direction="vertical" size={0}>
              <span>
                {keyTaskStatusLabels[t.status]}
                {t.completedOn ? ` ${formatDate(t.completedOn)}` : ''}
              </span>
              <Tag color={timelinessColor[t.timeliness.kind]}>{t.timeliness.label}</Tag>
              {t.exceededPercent ? <span>Vượt yêu cầu {t.exceededPercent}%</span> : null}
            </Space>
          ),
        },
        {
          title: 'Đánh giá',
          dataIndex: 'rating',
          width: 120,
          render: (r: TKeyTask['rating']) => (r ? keyTaskRatingLabels[r] : ''),
        },
        ...(onResult || onEdit
          ? [
              {
                title: '',
                key: 'actions',
                width: 130,
                render: (_: unknown, t: TKeyTask) => (
                  <Space direction="vertical" size={4}>
                    {onResult && (
                      <Button size="small" onClick={() => onResult(t)}>
                        Ghi kết quả
                      </Button>
                    )}
                    {onEdit && (
                      <Space size={4}>
                        <Button size="small" onClick={() => onEdit(t)}>
                          Sửa
                        </Button>
                        <Popconfirm
                          title="Xóa nhiệm vụ này?"
                          description="Chỉ xóa được nhiệm vụ chưa ghi kết quả và chưa giao tiếp cho cấp dưới."
                          okText="Xóa"
                          okButtonProps={{ danger: true }}
                          cancelText="Hủy"
                          onConfirm={() => remove.mutate(t.id)}
                        >
                          <Button size="small" danger>
                            Xóa
                          </Button>
                        </Popconfirm>
                      </Space>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
};

export const PlanPage = () => {
  // ?orgUnitId=&year= opens a given plan (a meeting decision links to the task it became); the
  // unit, year, date and the filters of the tasks handed down stay in the URL (issue 22).
  const [params] = useSearchParams();
  const [url, setUrl] = useUrlFilters(planFilterKeys);
  const orgUnitId = numberParam(url.orgUnitId);
  const setOrgUnitId = (id?: number) => setUrl({ orgUnitId: id, nhan: undefined });
  const year = numberParam(url.year) ?? currentYear;
  const setYear = (y: number) => setUrl({ year: y });
  const asOf = url.asOf;
  const setAsOf = (d?: string) => setUrl({ asOf: d });
  // ?target= opens a target's drawer (the recruitment board links to the admission target).
  const [openTarget, setOpenTarget] = useState<number | null>(Number(params.get('target')) || null);
  const [records, setRecords] = useState<RecordsRequest | null>(null);
  const [modal, setModal] = useState<'term' | 'target' | 'task' | null>(null);
  const [result, setResult] = useState<TKeyTask | null>(null);
  const [editingTask, setEditingTask] = useState<TKeyTask | null>(null);
  const [editingTarget, setEditingTarget] = useState<TTargetView | null>(null);
  const [editingTerm, setEditingTerm] = useState(false);
  const plan = useQuery({
    queryKey: [...plansKeys.planYear(orgUnitId, year, asOf), 'count'],
    // The tasks handed down are read paged, group by group (AssignedTasksCard).
    queryFn: () =>
      api.GET('/api/plans/year', {
        params: { query: { orgUnitId, year, asOf, assigned: 'count' } },
      }),
  });
  const p = plan.data;
  const showRecords = (t: TTargetView) =>
    setRecords({
      code: t.metricCode,
      orgUnitId: t.orgUnitId,
      year: Number(t.from.slice(0, 4)),
      toYear: Number(t.to.slice(0, 4)),
      asOf: t.asOf,
      title: t.title,
    });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Kế hoạch năm {year} {p ? `– ${p.orgUnitName}` : ''}
      </Typography.Title>
      <Space wrap>
        <OrgUnitSelect
          value={orgUnitId}
          onChange={setOrgUnitId}
          placeholder="Tổ chức của tôi"
          allowClear
        />
        <Select value={year} onChange={setYear} options={yearChoices} style={{ width: 120 }} />
        <DatePicker
          format="DD/MM/YYYY"
          placeholder="Số liệu đến ngày (hôm nay)"
          value={asOf ? dayjs(asOf) : null}
          onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
        />
        {p && (
          <Typography.Text type="secondary">Số liệu đến ngày {formatDate(p.asOf)}</Typography.Text>
        )}
      </Space>
      {plan.error && <Alert type="error" showIcon title={(plan.error as Error).message} />}
      {p && (
        <>
          <Card
            size="small"
            title={p.term ? `${p.term.name} (${p.term.fromYear}–${p.term.toYear})` : 'Nhiệm kỳ'}
            extra={
              p.canWrite && (
                <Space>
                  {p.term && p.term.orgUnitId === p.orgUnitId && (
                    <Button size="small" onClick={() => setEditingTerm(true)}>
                      Sửa nhiệm kỳ
                    </Button>
                  )}
                  <Button size="small" onClick={() => setModal('term')}>
                    Thêm nhiệm kỳ
                  </Button>
                </Space>
              )
            }
          >
            {p.term ? (
              <Typography.Paragraph style={{ margin: 0 }}>
                {p.term.congressResolution ?? 'Nghị quyết Đại hội: chưa ghi'}
                {p.term.orgUnitId !== p.orgUnitId ? ` – nhiệm kỳ của ${p.term.orgUnitName}` : ''}
              </Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">
                Chưa có nhiệm kỳ bao gồm năm {year}.
              </Typography.Text>
            )}
            {p.termTargets.length > 0 && (
              <>
                <Typography.Title level={5}>
                  Chỉ tiêu Nghị quyết Đại hội (cả nhiệm kỳ)
                </Typography.Title>
                <TargetTable
                  rows={p.termTargets}
                  onOpen={setOpenTarget}
                  onRecords={showRecords}
                  onEdit={p.canWrite ? setEditingTarget : undefined}
                />
              </>
            )}
          </Card>
          <Card
            size="small"
            title={`Chỉ tiêu năm ${year}`}
            extra={
              p.canWrite && (
                <Button type="primary" size="small" onClick={() => setModal('target')}>
                  Đặt chỉ tiêu
                </Button>
              )
            }
          >
            <TargetTable
              rows={p.targets}
              onOpen={setOpenTarget}
              onRecords={showRecords}
              onEdit={p.canWrite ? setEditingTarget : undefined}
            />
          </Card>
          <Card
            size="small"
            title={`Nhiệm vụ trọng tâm năm ${year}`}
            extra={
              p.canWrite && (
                <Button type="primary" size="small" onClick={() => setModal('task')}>
                  Thêm nhiệm vụ
                </Button>
              )
            }
          >
            <Typography.Paragraph data-testid="task-summary">
              Kết quả: {p.taskSummary.sentence} ({p.taskSummary.onTime} đúng hạn,{' '}
              {p.taskSummary.late} chậm, {p.taskSummary.exceeded} vượt yêu cầu).
            </Typography.Paragraph>
            <TaskTable
              rows={p.tasks}
              onResult={p.canRecordResults ? setResult : undefined}
              onEdit={p.canWrite ? setEditingTask : undefined}
            />
          </Card>
          {p.assignedTaskCount > 0 && (
            <AssignedTasksCard
              orgUnitId={p.orgUnitId}
              year={year}
              asOf={asOf}
              count={p.assignedTaskCount}
              filters={url}
              setFilters={setUrl}
              renderTable={(rows, pagination) => (
                <TaskTable
                  rows={rows}
                  pagination={pagination}
                  onResult={p.canRecordResults ? setResult : undefined}
                  onEdit={p.canWrite ? setEditingTask : undefined}
                />
              )}
            />
          )}
          <TermModal
            open={modal === 'term'}
            orgUnitId={p.orgUnitId}
            onClose={() => setModal(null)}
          />
          <TargetModal
            open={modal === 'target'}
            orgUnitId={p.orgUnitId}
            year={year}
            term={p.term && p.term.orgUnitId === p.orgUnitId ? p.term : null}
            editing={null}
            onClose={() => setModal(null)}
          />
          <TaskModal
            open={modal === 'task'}
            orgUnitId={p.orgUnitId}
            year={year}
            onClose={() => setModal(null)}
          />
          <ResultModal task={result} onClose={() => setResult(null)} />
          <TermModal
            open={editingTerm}
            orgUnitId={p.orgUnitId}
            editing={p.term}
            onClose={() => setEditingTerm(false)}
          />
          <TargetModal
            open={editingTarget !== null}
            orgUnitId={p.orgUnitId}
            year={year}
            term={null}
            editing={editingTarget}
            onClose={() => setEditingTarget(null)}
          />
          <TaskModal
            open={editingTask !== null}
            orgUnitId={p.orgUnitId}
            year={year}
            editing={editingTask}
            onClose={() => setEditingTask(null)}
          />
        </>
      )}
      <TargetDrawer
        targetId={openTarget}
        asOf={asOf}
        canWrite={p?.canWrite ?? false}
        onClose={() => setOpenTarget(null)}
      />
      <RecordsDrawer request={records} onClose={() => setRecords(null)} />
    </Space>
  );
};
