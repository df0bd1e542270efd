import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { type CongressState, congressStates, type TBoard } from '../../../../contracts/congresses';
import {
  type CongressLevel,
  congressKindLabels,
  congressLevelLabels,
  congressLevels,
  congressStatuses,
  congressStatusLabels,
} from '../../../../domain/enums/congresses';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiQuery, api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { congressesKeys } from './keys';
import { RoundFormModal } from './RoundFormModal';
import { CongressStatusTag, isoOf, LateTag, todayLocal } from './shared';

const stateLabels: Record<CongressState, string> = {
  held: 'Đã tổ chức',
  not_held: 'Chưa tổ chức',
  on_schedule: 'Đúng hạn',
  late: 'Chậm tiến độ',
  approved: 'Đã chuẩn y kết quả',
};

type Counts = TBoard['totals'];

const deadlineLabels: Record<CongressLevel, string> = {
  cell: 'Hạn đại hội chi bộ',
  grassroots: 'Hạn đại hội cơ sở',
  upper: 'Hạn đại hội cấp trên cơ sở',
};

/** Held / total with the approved share inside, and the late count in red. */
const LevelProgress = ({ c }: { c: Counts }) => (
  <Space orientation="vertical" size={0} style={{ width: '100%' }}>
    <Progress
      percent={c.total ? Math.round((100 * c.held) / c.total) : 0}
      success={{ percent: c.total ? Math.round((100 * c.approved) / c.total) : 0 }}
      format={() => `${c.held}/${c.total}`}
    />
    <Space wrap size={4}>
      <Tag color="green">Đúng hạn {c.onSchedule}</Tag>
      <Tag color={c.late ? 'red' : 'default'}>Chậm {c.late}</Tag>
      <Tag>Chưa tổ chức {c.notHeld}</Tag>
      <Tag color="blue">Chuẩn y {c.approved}</Tag>
    </Space>
  </Space>
);

/** Register one unit's congress in the round (a unit missed at the start, or added later). */
const RegisterModal = ({ roundId, onClose }: { roundId: number; onClose: () => void }) => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.POST('/api/congresses/rounds/{id}/congresses', {
        params: { path: { id: roundId } },
        body: {
          orgUnitId: v.orgUnitId,
          isPilot: v.isPilot ?? false,
          plannedOn: isoOf(v.plannedOn),
        },
      });
      message.success('Đã đăng ký đại hội.');
      await client.invalidateQueries({ queryKey: congressesKeys.congresses() });
      await client.invalidateQueries({ queryKey: congressesKeys.board() });
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <Modal
      open
      title="Đăng ký đại hội của một tổ chức"
      okText="Đăng ký"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="orgUnitId"
          label="Tổ chức đảng"
          rules={[{ required: true, message: 'Chọn tổ chức.' }]}
        >
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="plannedOn" label="Ngày dự kiến">
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="isPilot" valuePropName="checked">
          <Checkbox>Đại hội điểm</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** A round: its schedule, the progress board and the table of its congresses (filters in the address). */
export const RoundPage = () => {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [registering, setRegistering] = useState(false);
  const get = (k: string) => params.get(k) ?? undefined;
  const setParam = (changes: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const asOf = get('asOf') ?? todayLocal();
  const boardUnit = Number(get('boardUnit')) || undefined;
  const round = useQuery({
    queryKey: congressesKeys.round(id),
    queryFn: () => api.GET('/api/congresses/rounds/{id}', { params: { path: { id } } }),
  });
  const board = useQuery({
    queryKey: congressesKeys.board(id, boardUnit, asOf),
    queryFn: () =>
      api.GET('/api/congresses/board', {
        params: { query: { roundId: id, orgUnitId: boardUnit, asOf } },
      }),
  });
  const query = {
    roundId: id,
    orgUnitId: Number(get('unit')) || undefined,
    ownUnit: get('own') as 'true' | undefined,
    status: get('status'),
    level: get('level'),
    state: get('state'),
    late: get('late'),
    asOf,
    q: get('q'),
    page: Number(get('page')) || 1,
    pageSize: 20,
  } as ApiQuery<'/api/congresses', 'get'>;
  const list = useQuery({
    queryKey: congressesKeys.congresses(query),
    queryFn: () => api.GET('/api/congresses', { params: { query } }),
  });
  const r = round.data;
  const drill = (changes: Record<string, string | number | undefined>) => {
    setParam({
      unit: undefined,
      own: undefined,
      level: undefined,
      state: undefined,
      status: undefined,
      late: undefined,
      ...changes,
    });
    document.getElementById('congress-table')?.scrollIntoView({ behavior: 'smooth' });
  };
  if (round.error) return <Alert type="error" showIcon title={(round.error as Error).message} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space orientation="vertical" size={0}>
          <Link to="/dai-hoi">← Các đợt đại hội</Link>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {r?.name ?? 'Đợt đại hội'}
          </Typography.Title>
        </Space>
        {r?.canEdit && (
          <Space wrap>
            <Button onClick={() => setEditing(true)}>Sửa đợt đại hội</Button>
            <Button onClick={() => setRegistering(true)}>Đăng ký đại hội một tổ chức</Button>
          </Space>
        )}
      </Space>
      {editing && r && <RoundFormModal round={r} onClose={() => setEditing(false)} />}
      {registering && <RegisterModal roundId={id} onClose={() => setRegistering(false)} />}
      {r && (
        <Card title="Chỉ đạo và lịch trình" size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="Cấp ủy chỉ đạo">{r.orgUnitName}</Descriptions.Item>
            <Descriptions.Item label="Nhiệm kỳ">
              {r.fromYear}–{r.toYear}
            </Descriptions.Item>
            <Descriptions.Item label="Chỉ thị">
              {r.directiveResolutionId ? (
                <Link to={`/nghi-quyet/${r.directiveResolutionId}`}>
                  {r.directiveRef ?? r.directiveNumber}
                </Link>
              ) : (
                (r.directiveRef ?? '—')
              )}
            </Descriptions.Item>
            <Descriptions.Item label="Kế hoạch của cấp ủy">{r.planRef ?? '—'}</Descriptions.Item>
            {congressLevels.map((level) => {
              const d = {
                cell: r.cellDeadline,
                grassroots: r.grassrootsDeadline,
                upper: r.upperDeadline,
              }[level];
              return (
                <Descriptions.Item key={level} label={deadlineLabels[level]}>
                  {d ? formatDate(d) : 'Chưa đặt'}
                </Descriptions.Item>
              );
            })}
            {r.note && <Descriptions.Item label="Ghi chú">{r.note}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
      <Card title="Tiến độ đại hội" data-testid="congress-board">
        <Space wrap style={{ marginBottom: 12 }}>
          <OrgUnitSelect
            value={boardUnit}
            onChange={(u) => setParam({ boardUnit: u })}
            placeholder="Cây con"
            allowClear
            style={{ width: 260, minWidth: 0 }}
          />
          <DatePicker
            format="DD/MM/YYYY"
            aria-label="Đến ngày"
            value={dayjs(asOf)}
            allowClear={false}
            onChange={(d) => setParam({ asOf: isoOf(d) })}
          />
        </Space>
        {board.error && <Alert type="error" showIcon title={(board.error as Error).message} />}
        {board.data && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {board.data.unit.name}, đến ngày {formatDate(board.data.asOf)}
            </Typography.Text>
            <Row gutter={[16, 16]}>
              {board.data.levels.map((l) => (
                <Col xs={24} md={8} key={l.level}>
                  <Card size="small" title={l.label}>
                    <Typography.Text type="secondary">
                      Hạn: {l.deadline ? formatDate(l.deadline) : 'chưa đặt'}
                    </Typography.Text>
                    <LevelProgress c={l} />
                    <Space wrap size={4} style={{ marginTop: 4 }}>
                      <Button
                        size="small"
                        type="link"
                        onClick={() => drill({ level: l.level, state: 'held' })}
                      >
                        Xem đã tổ chức
                      </Button>
                      <Button
                        size="small"
                        type="link"
                        danger
                        onClick={() => drill({ level: l.level, state: 'late' })}
                      >
                        Xem chậm
                      </Button>
                    </Space>
                  </Card>
                </Col>
              ))}
            </Row>
            <Table
              rowKey="orgUnitId"
              size="small"
              data-testid="board-children"
              dataSource={board.data.children}
              pagination={
                board.data.children.length > 12
                  ? { pageSize: 12, showSizeChanger: false, size: 'small' }
                  : false
              }
              scroll={{ x: 640 }}
              columns={[
                {
                  title: 'Đơn vị',
                  render: (_, c) =>
                    c.own ? (
                      <Typography.Text strong>{c.name} (đại hội của cấp mình)</Typography.Text>
                    ) : (
                      <Button
                        type="link"
                        style={{ padding: 0 }}
                        onClick={() => setParam({ boardUnit: c.orgUnitId })}
                      >
                        {c.name}
                      </Button>
                    ),
                },
                ...(
                  [
                    ['total', 'Phải tổ chức', undefined],
                    ['held', 'Đã tổ chức', 'held'],
                    ['onSchedule', 'Đúng hạn', 'on_schedule'],
                    ['late', 'Chậm', 'late'],
                    ['approved', 'Chuẩn y', 'approved'],
                  ] as const
                ).map(([key, title, state]) => ({
                  title,
                  align: 'right' as const,
                  render: (_: unknown, c: TBoard['children'][number]) => (
                    <Button
                      type="link"
                      size="small"
                      danger={key === 'late' && c.late > 0}
                      onClick={() =>
                        drill({ unit: c.orgUnitId, own: c.own ? 'true' : undefined, state })
                      }
                    >
                      {c[key]}
                    </Button>
                  ),
                })),
              ]}
            />
          </Space>
        )}
      </Card>
      <Card title="Các đại hội" id="congress-table">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="Cấp"
            value={get('level')}
            onChange={(v) => setParam({ level: v })}
            style={{ width: 200 }}
            options={congressLevels.map((l) => ({ value: l, label: congressLevelLabels[l] }))}
          />
          <Select
            allowClear
            placeholder="Trạng thái"
            value={get('status')}
            onChange={(v) => setParam({ status: v })}
            style={{ width: 190 }}
            options={congressStatuses.map((s) => ({ value: s, label: congressStatusLabels[s] }))}
          />
          <Select
            allowClear
            placeholder="Tiến độ"
            value={get('state')}
            onChange={(v) => setParam({ state: v })}
            style={{ width: 190 }}
            options={congressStates.map((s) => ({ value: s, label: stateLabels[s] }))}
          />
          <Input.Search
            allowClear
            placeholder="Tìm theo tên tổ chức"
            defaultValue={get('q')}
            onSearch={(v) => setParam({ q: v })}
            style={{ width: 240 }}
          />
          {(get('unit') || get('state') || get('level') || get('status') || get('q')) && (
            <Button onClick={() => drill({ q: undefined })}>Bỏ lọc</Button>
          )}
        </Space>
        {list.error && <Alert type="error" showIcon title={(list.error as Error).message} />}
        <Table
          rowKey="id"
          data-testid="congress-list"
          loading={list.isLoading}
          dataSource={list.data?.items}
          scroll={{ x: 900 }}
          onRow={(c) => (c.late ? { style: { background: '#fff1f0' } } : {})}
          pagination={{
            current: list.data?.page ?? 1,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => setParam({ page }),
          }}
          columns={[
            {
              title: 'Tổ chức đảng',
              render: (_, c) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/dai-hoi/${c.id}`}>{c.orgUnitName}</Link>
                  {c.orgUnitPath !== c.orgUnitName && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {c.orgUnitPath}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: 'Cấp', render: (_, c) => congressLevelLabels[c.level] },
            {
              title: 'Hình thức',
              render: (_, c) => (
                <Space size={4} wrap>
                  {congressKindLabels[c.kind]}
                  {c.isPilot && <Tag color="purple">Đại hội điểm</Tag>}
                </Space>
              ),
            },
            {
              title: 'Ngày đại hội',
              render: (_, c) =>
                c.heldOn
                  ? formatDate(c.heldOn)
                  : c.plannedOn
                    ? `Dự kiến ${formatDate(c.plannedOn)}`
                    : '—',
            },
            {
              title: 'Thời hạn',
              render: (_, c) =>
                c.deadline ? (
                  <Typography.Text type={c.late ? 'danger' : undefined}>
                    {formatDate(c.deadline)}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            {
              title: 'Trạng thái',
              render: (_, c) => (
                <Space size={4} wrap>
                  <CongressStatusTag status={c.status} />
                  {c.late && <LateTag />}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
};
