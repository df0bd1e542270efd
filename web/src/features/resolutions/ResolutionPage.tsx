import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  issuerLevelLabels,
  resolutionKindLabels,
  sessionFormLabels,
  sessionForms,
  type TCoverage,
  type TResolutionDetail,
} from '../../../../contracts/resolutions';
import { type OrgUnitKind, orgUnitKindLabels } from '../../../../domain/enums/org-units';
import { formatDate, formatNumber } from '../../../../domain/text/vietnamese';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { resolutionsKeys } from './keys';
import { ResolutionFormModal } from './ResolutionFormModal';
import { DocumentLink, FilePicker, Ratio, todayLocal, uploadFile } from './shared';

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
const kindLabel = (k: string) => orgUnitKindLabels[k as OrgUnitKind] ?? k;

/** Coverage of a subtree at a date, drilling down unit by unit to those still missing. */
const CoveragePanel = ({ resolution }: { resolution: TResolutionDetail }) => {
  const [stack, setStack] = useState<{ id: number; name: string }[]>([]);
  const [asOf, setAsOf] = useState<string | undefined>();
  const [onlyMissing, setOnlyMissing] = useState(true);
  const unitId = stack.at(-1)?.id;
  const { data, isLoading, error } = useQuery({
    queryKey: resolutionsKeys.resolution(resolution.id, 'coverage', unitId, asOf),
    queryFn: () =>
      api.GET('/api/resolutions/{id}/coverage', {
        params: { path: { id: resolution.id }, query: { unitId, asOf } },
      }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (!data) return <Card loading={isLoading} />;
  const units = onlyMissing ? data.units.filter((u) => !u.heldOn) : data.units;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Breadcrumb
          items={[
            {
              title: (
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto' }}
                  onClick={() => setStack([])}
                >
                  Phạm vi của tôi
                </Button>
              ),
            },
            ...stack.map((s, i) => ({
              title: (
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto' }}
                  onClick={() => setStack(stack.slice(0, i + 1))}
                >
                  {s.name}
                </Button>
              ),
            })),
          ]}
        />
        <span>Tính đến ngày</span>
        <DatePicker
          format="DD/MM/YYYY"
          value={asOf ? dayjs(asOf) : dayjs(data.asOf)}
          onChange={(d) => setAsOf(d ? iso(d) : undefined)}
          allowClear={false}
        />
      </Space>
      <Typography.Text type="secondary">
        {data.unitName}: các đơn vị phải quán triệt tính theo tổ chức tại ngày{' '}
        {formatDate(data.treeDate)} (hạn quán triệt {formatDate(data.studyDeadline)}
        {data.actionProgrammeDeadline
          ? `, hạn ban hành chương trình hành động ${formatDate(data.actionProgrammeDeadline)}`
          : ''}
        ).
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title="Đã tổ chức quán triệt"
              value={`${formatNumber(data.held)}/${formatNumber(data.required)}`}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="Trong đó quán triệt muộn" value={formatNumber(data.heldLate)} />
          </Card>
        </Col>
        {data.actionProgrammeRequired && (
          <Col xs={12} md={6}>
            <Card>
              <Statistic
                title="Đã ban hành chương trình hành động"
                value={`${formatNumber(data.actionProgrammes)}/${formatNumber(data.required)}`}
              />
            </Card>
          </Col>
        )}
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title="Đảng viên đã viết bài thu hoạch"
              value={`${formatNumber(data.reflections)}/${formatNumber(data.members)}`}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" data-testid="coverage-sentences">
        <ul style={{ margin: 0 }}>
          {data.sentences.map((s) => (
            <li key={s}>{s}.</li>
          ))}
        </ul>
      </Card>
      {data.children.length > 0 && (
        <Table
          rowKey="id"
          size="small"
          data-testid="coverage-children"
          title={() => 'Theo đơn vị trực thuộc (bấm tên để xem chi tiết)'}
          dataSource={data.children}
          pagination={false}
          scroll={{ x: 600 }}
          columns={[
            {
              title: 'Đơn vị',
              render: (_, c) =>
                c.canDrill ? (
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => setStack([...stack, { id: c.id, name: c.name }])}
                  >
                    {c.name}
                  </Button>
                ) : (
                  c.name
                ),
            },
            { title: 'Đã quán triệt', render: (_, c) => <Ratio n={c.held} d={c.required} /> },
            ...(data.actionProgrammeRequired
              ? [
                  {
                    title: 'Chương trình hành động',
                    render: (_: unknown, c: TCoverage['children'][number]) => (
                      <Ratio n={c.actionProgrammes} d={c.required} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Space>
        <Switch checked={onlyMissing} onChange={setOnlyMissing} />
        <span>Chỉ hiện đơn vị chưa tổ chức quán triệt</span>
      </Space>
      <Table
        rowKey="id"
        size="small"
        data-testid="coverage-units"
        dataSource={units}
        pagination={{ pageSize: 30 }}
        locale={{ emptyText: 'Tất cả các đơn vị đã tổ chức quán triệt.' }}
        scroll={{ x: 600 }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'name' },
          { title: 'Loại', render: (_, u) => kindLabel(u.kind) },
          {
            title: 'Quán triệt',
            render: (_, u) =>
              u.heldOn ? (
                <Space>
                  {formatDate(u.heldOn)}
                  {u.late && <Tag color="orange">Muộn</Tag>}
                </Space>
              ) : (
                <Tag color={u.late ? 'red' : 'default'}>
                  {u.late ? 'Quá hạn, chưa tổ chức' : 'Chưa tổ chức'}
                </Tag>
              ),
          },
          ...(data.actionProgrammeRequired
            ? [
                {
                  title: 'Chương trình hành động',
                  render: (_: unknown, u: TCoverage['units'][number]) =>
                    u.actionProgrammeOn ? formatDate(u.actionProgrammeOn) : <Tag>Chưa có</Tag>,
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
};

/** A unit records its session(s), its action programme and progress reports. */
const UnitRecordPanel = ({ resolution }: { resolution: TResolutionDetail }) => {
  const { user } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [unitId, setUnitId] = useState<number | undefined>(user?.scopeOrgUnitId);
  const [sessionForm] = Form.useForm();
  const [apForm] = Form.useForm();
  const [reportForm] = Form.useForm();
  const [apFile, setApFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = resolutionsKeys.resolution(resolution.id, 'unit', unitId);
  const { data, error: loadError } = useQuery({
    queryKey: key,
    queryFn: () =>
      api.GET('/api/resolutions/{id}/unit-record', {
        params: { path: { id: resolution.id }, query: { orgUnitId: unitId! } },
      }),
    enabled: Boolean(unitId),
  });
  const done = async (text: string) => {
    setError(null);
    message.success(text);
    await client.invalidateQueries({ queryKey: resolutionsKeys.resolution(resolution.id) });
    await client.invalidateQueries({ queryKey: resolutionsKeys.resolutions() });
  };
  const saveSession = useMutation({
    mutationFn: async () => {
      const v = await sessionForm.validateFields();
      return api.POST('/api/resolutions/{id}/sessions', {
        params: { path: { id: resolution.id } },
        body: {
          orgUnitId: unitId,
          heldOn: iso(v.heldOn),
          form: v.form,
          invited: v.invited,
          attended: v.attended,
          note: v.note,
        } as ApiBody<'/api/resolutions/{id}/sessions', 'post'>,
      });
    },
    onSuccess: async () => {
      sessionForm.resetFields();
      await done('Đã ghi nhận hội nghị quán triệt.');
    },
    onError: (e) => setError(applyApiError(e, sessionForm)),
  });
  const saveAp = useMutation({
    mutationFn: async () => {
      const v = await apForm.validateFields();
      const documentId = apFile && unitId ? await uploadFile(unitId, apFile) : null;
      return api.PUT('/api/resolutions/{id}/action-programme', {
        params: { path: { id: resolution.id } },
        body: {
          orgUnitId: unitId,
          number: v.number,
          issuedOn: iso(v.issuedOn),
          title: v.title,
          documentId,
        } as ApiBody<'/api/resolutions/{id}/action-programme', 'put'>,
      });
    },
    onSuccess: async () => {
      setApFile(null);
      await done('Đã ghi nhận chương trình hành động.');
    },
    onError: (e) => setError(applyApiError(e, apForm)),
  });
  const saveReport = useMutation({
    mutationFn: async () => {
      const v = await reportForm.validateFields();
      return api.POST('/api/resolutions/{id}/progress-reports', {
        params: { path: { id: resolution.id } },
        body: {
          orgUnitId: unitId,
          reportedOn: iso(v.reportedOn),
          content: v.content,
        } as ApiBody<'/api/resolutions/{id}/progress-reports', 'post'>,
      });
    },
    onSuccess: async () => {
      reportForm.resetFields();
      await done('Đã ghi báo cáo.');
    },
    onError: (e) => setError(applyApiError(e, reportForm)),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <span>Đơn vị</span>
        <OrgUnitSelect value={unitId} onChange={setUnitId} />
      </Space>
      {loadError && <Alert type="error" showIcon title={(loadError as Error).message} />}
      {error && <Alert type="error" showIcon title={error} />}
      {data && !data.required && (
        <Alert
          type="info"
          showIcon
          title={`${data.orgUnitName} không thuộc diện phải quán triệt văn bản này theo kế hoạch. Chọn một chi bộ hoặc đảng bộ cơ sở.`}
        />
      )}
      {data?.required && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={`Hội nghị quán triệt của ${data.orgUnitName}`} size="small">
              {data.sessions.length > 0 ? (
                <List
                  size="small"
                  dataSource={data.sessions}
                  renderItem={(s) => (
                    <List.Item>
                      {formatDate(s.heldOn)} — {sessionFormLabels[s.form]} — dự{' '}
                      {formatNumber(s.attended)}/{formatNumber(s.invited)} đồng chí
                      {s.note ? ` — ${s.note}` : ''}
                    </List.Item>
                  )}
                />
              ) : (
                <Empty description="Chưa tổ chức quán triệt" />
              )}
              <Form
                form={sessionForm}
                layout="vertical"
                initialValues={{ form: 'in_person' }}
                style={{ marginTop: 12 }}
              >
                <Form.Item
                  name="heldOn"
                  label="Ngày tổ chức"
                  rules={[{ required: true, message: 'Cần chọn ngày.' }]}
                >
                  <DatePicker
                    format="DD/MM/YYYY"
                    disabledDate={(d) => d.format('YYYY-MM-DD') > todayLocal()}
                  />
                </Form.Item>
                <Form.Item name="form" label="Hình thức" rules={[{ required: true }]}>
                  <Select
                    options={sessionForms.map((f) => ({ value: f, label: sessionFormLabels[f] }))}
                  />
                </Form.Item>
                <Space wrap>
                  <Form.Item
                    name="invited"
                    label="Số đảng viên được triệu tập"
                    rules={[{ required: true, message: 'Cần nhập số người.' }]}
                  >
                    <InputNumber min={1} />
                  </Form.Item>
                  <Form.Item
                    name="attended"
                    label="Số đảng viên dự"
                    rules={[{ required: true, message: 'Cần nhập số người.' }]}
                  >
                    <InputNumber min={0} />
                  </Form.Item>
                </Space>
                <Form.Item name="note" label="Ghi chú">
                  <Input />
                </Form.Item>
                <Button
                  type="primary"
                  loading={saveSession.isPending}
                  onClick={() => saveSession.mutate()}
                >
                  Ghi nhận hội nghị quán triệt
                </Button>
              </Form>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="Chương trình hành động, kế hoạch thực hiện" size="small">
              {data.actionProgramme ? (
                <p>
                  Số {data.actionProgramme.number} ngày {formatDate(data.actionProgramme.issuedOn)}
                  {data.actionProgramme.title ? ` — ${data.actionProgramme.title}` : ''}{' '}
                  <DocumentLink
                    id={data.actionProgramme.documentId}
                    name={data.actionProgramme.documentName}
                  />
                </p>
              ) : (
                <Empty description="Chưa ban hành" />
              )}
              <Form form={apForm} layout="vertical">
                <Form.Item
                  name="number"
                  label="Số văn bản"
                  rules={[{ required: true, message: 'Cần nhập số văn bản.' }]}
                >
                  <Input placeholder="Ví dụ 12-CTr/CB" />
                </Form.Item>
                <Form.Item
                  name="issuedOn"
                  label="Ngày ban hành"
                  rules={[{ required: true, message: 'Cần chọn ngày.' }]}
                >
                  <DatePicker format="DD/MM/YYYY" />
                </Form.Item>
                <Form.Item name="title" label="Trích yếu">
                  <Input />
                </Form.Item>
                <Form.Item label="Tệp">
                  <FilePicker file={apFile} onChange={setApFile} />
                </Form.Item>
                <Button type="primary" loading={saveAp.isPending} onClick={() => saveAp.mutate()}>
                  {data.actionProgramme
                    ? 'Thay chương trình hành động'
                    : 'Ghi nhận chương trình hành động'}
                </Button>
              </Form>
            </Card>
            <Card title="Báo cáo sơ kết, tổng kết" size="small" style={{ marginTop: 16 }}>
              <List
                size="small"
                dataSource={data.progressReports}
                locale={{ emptyText: 'Chưa có báo cáo' }}
                renderItem={(r) => (
                  <List.Item>
                    {formatDate(r.reportedOn)}: {r.content}
                  </List.Item>
                )}
              />
              <Form form={reportForm} layout="vertical">
                <Form.Item
                  name="reportedOn"
                  label="Ngày báo cáo"
                  rules={[{ required: true, message: 'Cần chọn ngày.' }]}
                >
                  <DatePicker format="DD/MM/YYYY" />
                </Form.Item>
                <Form.Item
                  name="content"
                  label="Nội dung"
                  rules={[{ required: true, message: 'Cần nhập nội dung.' }]}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Button loading={saveReport.isPending} onClick={() => saveReport.mutate()}>
                  Ghi báo cáo
                </Button>
              </Form>
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
};

/** Who in a unit has and has not written their reflection. */
const ReflectionsPanel = ({ resolution }: { resolution: TResolutionDetail }) => {
  const { user } = useAuth();
  const [unitId, setUnitId] = useState<number | undefined>(user?.scopeOrgUnitId);
  const [onlyMissing, setOnlyMissing] = useState(true);
  const { data, error, isLoading } = useQuery({
    queryKey: resolutionsKeys.resolution(resolution.id, 'reflections', unitId),
    queryFn: () =>
      api.GET('/api/resolutions/{id}/reflections', {
        params: { path: { id: resolution.id }, query: { orgUnitId: unitId! } },
      }),
    enabled: Boolean(unitId),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>Đơn vị</span>
        <OrgUnitSelect value={unitId} onChange={setUnitId} />
        <Switch checked={onlyMissing} onChange={setOnlyMissing} />
        <span>Chỉ hiện đồng chí chưa nộp</span>
      </Space>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {data && (
        <Typography.Text strong>
          {formatNumber(data.submitted)}/{formatNumber(data.total)} đảng viên đã nộp bài thu hoạch
        </Typography.Text>
      )}
      <Table
        rowKey="memberId"
        size="small"
        loading={isLoading}
        dataSource={onlyMissing ? data?.members.filter((m) => !m.submittedOn) : data?.members}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          {
            title: 'Bài thu hoạch',
            render: (_, m) =>
              m.submittedOn ? (
                `Đã nộp ngày ${formatDate(m.submittedOn)}`
              ) : (
                <Tag color="orange">Chưa nộp</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
};

export const ResolutionPage = () => {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const { data, error, isLoading } = useQuery({
    queryKey: resolutionsKeys.resolution(id),
    queryFn: () => api.GET('/api/resolutions/{id}', { params: { path: { id } } }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (!data) return <Card loading={isLoading} />;
  const plan = data.plan;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {resolutionKindLabels[data.kind]} số {data.number}
      </Typography.Title>
      <Card
        extra={
          data.canEdit && <Button onClick={() => setEditing(true)}>Sửa văn bản, kế hoạch</Button>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Trích yếu" span={2}>
            {data.title}
          </Descriptions.Item>
          <Descriptions.Item label="Ngày ban hành">{formatDate(data.issuedOn)}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan ban hành">
            {data.issuerName} ({issuerLevelLabels[data.issuerLevel]})
          </Descriptions.Item>
          <Descriptions.Item label="Cấp ủy đăng ký">{data.ownerUnitName}</Descriptions.Item>
          <Descriptions.Item label="Tệp">
            <DocumentLink id={data.documentId} name={data.documentName} />
          </Descriptions.Item>
          {data.summary && (
            <Descriptions.Item label="Nội dung chính" span={2}>
              {data.summary}
            </Descriptions.Item>
          )}
          {plan && (
            <Descriptions.Item label="Kế hoạch quán triệt" span={2}>
              Các {plan.unitKinds.map((k) => kindLabel(k).toLowerCase()).join(', ')} thuộc{' '}
              {plan.targetUnitName} tổ chức quán triệt trước ngày {formatDate(plan.studyDeadline)}
              {plan.actionProgrammeRequired && plan.actionProgrammeDeadline
                ? `; ban hành chương trình hành động trước ngày ${formatDate(plan.actionProgrammeDeadline)}`
                : ''}
              .{plan.note ? ` ${plan.note}` : ''}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {editing && (
        <ResolutionFormModal
          detail={data}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {plan ? (
        <Tabs
          items={[
            {
              key: 'coverage',
              label: 'Kết quả quán triệt',
              children: <CoveragePanel resolution={data} />,
            },
            ...(can('dissemination.record')
              ? [
                  {
                    key: 'unit',
                    label: 'Ghi nhận của đơn vị',
                    children: <UnitRecordPanel resolution={data} />,
                  },
                ]
              : []),
            ...(can('member.list')
              ? [
                  {
                    key: 'reflections',
                    label: 'Bài thu hoạch',
                    children: <ReflectionsPanel resolution={data} />,
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <Alert type="info" showIcon title="Văn bản này chưa có kế hoạch quán triệt." />
      )}
    </Space>
  );
};
