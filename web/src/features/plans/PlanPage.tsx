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
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
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
      columns={[
        {
          title: 'Chỉ tiêu',
          dataIndex: 'title',
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
        { title: 'Tiến độ', dataIndex: 'progress' },
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
}: {
  rows: TKeyTask[];
  showUnit?: boolean;
  onResult?: (t: TKeyTask) => void;
  onEdit?: (t: TKeyTask) => void;
}) => {
  const remove = useDelete('tasks');
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: 'Chưa có nhiệm vụ.' }}
      columns={[
        ...(showUnit ? [{ title: 'Giao cho', dataIndex: 'orgUnitName' }] : []),
        {
          title: 'Nhiệm vụ',
          dataIndex: 'title',
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
  // ?orgUnitId=&year= opens a given plan (a meeting decision links to the task it became).
  const [params] = useSearchParams();
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>(
    Number(params.get('orgUnitId')) || undefined,
  );
  const [year, setYear] = useState(Number(params.get('year')) || currentYear);
  const [asOf, setAsOf] = useState<string | undefined>();
  // ?target= opens a target's drawer (the recruitment board links to the admission target).
  const [openTarget, setOpenTarget] = useState<number | null>(Number(params.get('target')) || null);
  const [records, setRecords] = useState<RecordsRequest | null>(null);
  const [modal, setModal] = useState<'term' | 'target' | 'task' | null>(null);
  const [result, setResult] = useState<TKeyTask | null>(null);
  const [editingTask, setEditingTask] = useState<TKeyTask | null>(null);
  const [editingTarget, setEditingTarget] = useState<TTargetView | null>(null);
  const [editingTerm, setEditingTerm] = useState(false);
  const plan = useQuery({
    queryKey: plansKeys.planYear(orgUnitId, year, asOf),
    queryFn: () => api.GET('/api/plans/year', { params: { query: { orgUnitId, year, asOf } } }),
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
          {p.assignedTasks.length > 0 && (
            <Card size="small" title="Nhiệm vụ đã giao cho cấp dưới">
              <TaskTable
                rows={p.assignedTasks}
                showUnit
                onResult={p.canRecordResults ? setResult : undefined}
                onEdit={p.canWrite ? setEditingTask : undefined}
              />
            </Card>
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
