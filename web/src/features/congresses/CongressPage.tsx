import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Steps,
  Table,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TCongressDetail } from '../../../../contracts/congresses';
import {
  type CongressStatus,
  congressDocumentKindLabels,
  congressDocumentKinds,
  congressKindLabels,
  congressKinds,
  congressLevelLabels,
  congressStatuses,
  congressStatusLabels,
} from '../../../../domain/enums/congresses';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { CongressDelegatesPanel } from './elections/CongressDelegatesPanel';
import { CongressElectionsPanel } from './elections/CongressElectionsPanel';
import { congressesKeys } from './keys';
import {
  CongressStatusTag,
  FilePicker,
  isoOf,
  LateTag,
  todayLocal,
  uploadCongressFile,
} from './shared';

type Detail = TCongressDetail;
const notFuture = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD') > todayLocal();

/** Refresh the congress and everything that counts it. */
const useRefresh = (id: number) => {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: congressesKeys.congress(id) });
    await client.invalidateQueries({ queryKey: congressesKeys.congresses() });
    await client.invalidateQueries({ queryKey: congressesKeys.board() });
    await client.invalidateQueries({ queryKey: congressesKeys.rounds() });
  };
};

type Step = 'approve' | 'held' | 'results' | 'back';
const stepTitles: Record<Step, string> = {
  approve: 'Duyệt kế hoạch đại hội',
  held: 'Ghi nhận đã tổ chức đại hội',
  results: 'Chuẩn y kết quả đại hội',
  back: 'Trả lại bước trước',
};

/** One step of the status flow, with the data the step needs. */
const StatusModal = ({ c, step, onClose }: { c: Detail; step: Step; onClose: () => void }) => {
  const refresh = useRefresh(c.id);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const to: CongressStatus | undefined =
    step === 'approve'
      ? 'approved'
      : step === 'held'
        ? 'held'
        : step === 'results'
          ? 'results_approved'
          : undefined;
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.POST('/api/congresses/{id}/status', {
        params: { path: { id: c.id } },
        body: {
          to: to ?? v.to,
          version: c.version,
          planApprovedOn: isoOf(v.planApprovedOn),
          planApprovalRef: v.planApprovalRef ?? null,
          heldOn: isoOf(v.heldOn),
          endedOn: isoOf(v.endedOn),
          summonedCount: v.summonedCount ?? null,
          presentCount: v.presentCount ?? null,
          resultsApprovedOn: isoOf(v.resultsApprovedOn),
          resultsApprovalRef: v.resultsApprovalRef ?? null,
          reason: v.reason ?? null,
        },
      });
      message.success('Đã cập nhật tiến độ đại hội.');
      await refresh();
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  const current = congressStatuses.indexOf(c.status);
  return (
    <Modal
      open
      title={stepTitles[step]}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          summonedCount: c.summonedCount ?? undefined,
          presentCount: c.presentCount ?? undefined,
          heldOn: c.plannedOn && c.plannedOn <= todayLocal() ? dayjs(c.plannedOn) : undefined,
        }}
      >
        {step === 'approve' && (
          <>
            <Form.Item
              name="planApprovedOn"
              label="Ngày cấp trên duyệt"
              rules={[{ required: true, message: 'Chọn ngày.' }]}
            >
              <DatePicker format="DD/MM/YYYY" disabledDate={notFuture} />
            </Form.Item>
            <Form.Item
              name="planApprovalRef"
              label="Số văn bản duyệt"
              rules={[{ required: true, message: 'Cần ghi số văn bản.' }]}
            >
              <Input placeholder="Công văn số 15-CV/ĐU" />
            </Form.Item>
          </>
        )}
        {step === 'held' && (
          <>
            <Space wrap>
              <Form.Item
                name="heldOn"
                label="Ngày khai mạc"
                rules={[{ required: true, message: 'Chọn ngày.' }]}
              >
                <DatePicker format="DD/MM/YYYY" disabledDate={notFuture} />
              </Form.Item>
              <Form.Item name="endedOn" label="Ngày bế mạc">
                <DatePicker format="DD/MM/YYYY" disabledDate={notFuture} />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item
                name="summonedCount"
                label={
                  c.kind === 'delegates' ? 'Đại biểu được triệu tập' : 'Đảng viên được triệu tập'
                }
                rules={[{ required: true, message: 'Cần ghi số.' }]}
              >
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item
                name="presentCount"
                label="Có mặt"
                rules={[{ required: true, message: 'Cần ghi số.' }]}
              >
                <InputNumber min={0} />
              </Form.Item>
            </Space>
          </>
        )}
        {step === 'results' && (
          <>
            <Form.Item
              name="resultsApprovedOn"
              label="Ngày chuẩn y"
              rules={[{ required: true, message: 'Chọn ngày.' }]}
            >
              <DatePicker format="DD/MM/YYYY" disabledDate={notFuture} />
            </Form.Item>
            <Form.Item
              name="resultsApprovalRef"
              label="Số quyết định chuẩn y"
              rules={[{ required: true, message: 'Cần ghi số quyết định.' }]}
            >
              <Input placeholder="Quyết định số 120-QĐ/ĐU" />
            </Form.Item>
          </>
        )}
        {step === 'back' && (
          <>
            <Form.Item
              name="to"
              label="Trả về bước"
              rules={[{ required: true, message: 'Chọn bước.' }]}
            >
              <Select
                options={congressStatuses
                  .slice(0, current)
                  .map((s) => ({ value: s, label: congressStatusLabels[s] }))}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label="Lý do"
              rules={[{ required: true, message: 'Cần ghi lý do.' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
};

/** Edit the particulars: kind, ordinal, pilot, planned date, place, counts, note. */
const InfoModal = ({ c, onClose }: { c: Detail; onClose: () => void }) => {
  const refresh = useRefresh(c.id);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.PUT('/api/congresses/{id}', {
        params: { path: { id: c.id } },
        body: {
          kind: v.kind,
          ordinal: v.ordinal ?? null,
          isPilot: v.isPilot ?? false,
          plannedOn: isoOf(v.plannedOn),
          endedOn: isoOf(v.endedOn),
          place: v.place ?? null,
          summonedCount: v.summonedCount ?? null,
          presentCount: v.presentCount ?? null,
          note: v.note ?? null,
          version: c.version,
        },
      });
      await refresh();
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <Modal
      open
      title="Sửa thông tin đại hội"
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: c.kind,
          ordinal: c.ordinal ?? undefined,
          isPilot: c.isPilot,
          plannedOn: c.plannedOn ? dayjs(c.plannedOn) : undefined,
          endedOn: c.endedOn ? dayjs(c.endedOn) : undefined,
          place: c.place ?? undefined,
          summonedCount: c.summonedCount ?? undefined,
          presentCount: c.presentCount ?? undefined,
          note: c.note ?? undefined,
        }}
      >
        <Space wrap>
          <Form.Item name="kind" label="Hình thức">
            <Select
              style={{ width: 200 }}
              options={congressKinds.map((k) => ({ value: k, label: congressKindLabels[k] }))}
            />
          </Form.Item>
          <Form.Item name="ordinal" label="Lần thứ">
            <InputNumber min={1} max={100} />
          </Form.Item>
        </Space>
        <Form.Item name="isPilot" valuePropName="checked">
          <Checkbox>Đại hội điểm</Checkbox>
        </Form.Item>
        <Space wrap>
          <Form.Item name="plannedOn" label="Ngày dự kiến">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          {c.heldOn && (
            <Form.Item name="endedOn" label="Ngày bế mạc">
              <DatePicker format="DD/MM/YYYY" disabledDate={notFuture} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="place" label="Địa điểm">
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="summonedCount" label="Số được triệu tập">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="presentCount" label="Số có mặt">
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const InfoTab = ({ c }: { c: Detail }) => {
  const [step, setStep] = useState<Step | null>(null);
  const [editing, setEditing] = useState(false);
  const current = congressStatuses.indexOf(c.status);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Steps
        size="small"
        current={current}
        responsive
        items={congressStatuses.map((s) => ({ title: congressStatusLabels[s] }))}
      />
      <Space wrap data-testid="congress-actions">
        {c.status === 'planned' && c.canApprove && (
          <Button type="primary" onClick={() => setStep('approve')}>
            Duyệt kế hoạch đại hội
          </Button>
        )}
        {c.status === 'approved' && c.canEdit && (
          <Button type="primary" onClick={() => setStep('held')}>
            Ghi nhận đã tổ chức đại hội
          </Button>
        )}
        {c.status === 'held' && c.canApprove && (
          <Tooltip
            title={
              c.electionsRecorded
                ? undefined
                : 'Cần ghi kết quả bầu cử (thẻ Bầu cử) trước khi chuẩn y.'
            }
          >
            <Button
              type="primary"
              disabled={!c.electionsRecorded}
              onClick={() => setStep('results')}
            >
              Chuẩn y kết quả đại hội
            </Button>
          </Tooltip>
        )}
        {c.status !== 'planned' && c.canApprove && (
          <Button danger onClick={() => setStep('back')}>
            Trả lại bước trước
          </Button>
        )}
        {c.canEdit && <Button onClick={() => setEditing(true)}>Sửa thông tin</Button>}
      </Space>
      {c.status === 'planned' && !c.canApprove && (
        <Typography.Text type="secondary">
          Kế hoạch đại hội (văn kiện, nhân sự, thời gian) chờ cấp ủy cấp trên trực tiếp duyệt.
        </Typography.Text>
      )}
      {step && <StatusModal c={c} step={step} onClose={() => setStep(null)} />}
      {editing && <InfoModal c={c} onClose={() => setEditing(false)} />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="Cấp">{congressLevelLabels[c.level]}</Descriptions.Item>
        <Descriptions.Item label="Hình thức">
          {congressKindLabels[c.kind]}
          {c.ordinal ? `, lần thứ ${c.ordinal}` : ''}
          {c.isPilot ? ' (đại hội điểm)' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="Ngày dự kiến">
          {c.plannedOn ? formatDate(c.plannedOn) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Thời hạn của cấp">
          {c.deadline ? formatDate(c.deadline) : 'Chưa đặt'} {c.late && <LateTag />}
        </Descriptions.Item>
        <Descriptions.Item label="Cấp trên duyệt kế hoạch">
          {c.planApprovedOn
            ? `${formatDate(c.planApprovedOn)} — ${c.planApprovalRef ?? ''}`
            : 'Chưa duyệt'}
        </Descriptions.Item>
        <Descriptions.Item label="Ngày đại hội">
          {c.heldOn
            ? `${formatDate(c.heldOn)}${c.endedOn && c.endedOn !== c.heldOn ? ` – ${formatDate(c.endedOn)}` : ''}`
            : 'Chưa tổ chức'}
        </Descriptions.Item>
        <Descriptions.Item label="Địa điểm">{c.place ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Triệu tập / có mặt">
          {c.summonedCount ?? '—'} / {c.presentCount ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Chuẩn y kết quả">
          {c.resultsApprovedOn
            ? `${formatDate(c.resultsApprovedOn)} — ${c.resultsApprovalRef ?? ''}`
            : 'Chưa chuẩn y'}
        </Descriptions.Item>
        <Descriptions.Item label="Nhiệm kỳ trong kế hoạch">
          {c.termId ? (
            <Link to={`/ke-hoach?orgUnitId=${c.orgUnitId}&year=${c.round.fromYear}`}>
              {c.termName}
            </Link>
          ) : (
            'Chưa có (ghi Nghị quyết đại hội ở thẻ Văn kiện)'
          )}
        </Descriptions.Item>
        {c.note && <Descriptions.Item label="Ghi chú">{c.note}</Descriptions.Item>}
      </Descriptions>
    </Space>
  );
};

const DocumentModal = ({ c, onClose }: { c: Detail; onClose: () => void }) => {
  const refresh = useRefresh(c.id);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const documentId = file ? await uploadCongressFile(c.orgUnitId, file) : null;
      const res = await api.POST('/api/congresses/{id}/documents', {
        params: { path: { id: c.id } },
        body: {
          kind: v.kind,
          title: v.title,
          ref: v.ref ?? null,
          adoptedOn: isoOf(v.adoptedOn),
          documentId,
        },
      });
      message.success(
        res.termId ? 'Đã ghi nghị quyết và mở nhiệm kỳ trong kế hoạch.' : 'Đã ghi văn kiện.',
      );
      await refresh();
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Ghi văn kiện đại hội"
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'political_report' }}>
        <Form.Item name="kind" label="Loại văn kiện" rules={[{ required: true }]}>
          <Select
            options={congressDocumentKinds.map((k) => ({
              value: k,
              label: congressDocumentKindLabels[k],
            }))}
          />
        </Form.Item>
        {kind === 'resolution' && c.level !== 'cell' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`Nghị quyết đại hội sẽ mở (hoặc cập nhật) "Nhiệm kỳ ${c.round.fromYear}–${c.round.toYear}" trong kế hoạch của đơn vị; chỉ tiêu nhiệm kỳ nhập ở trang Kế hoạch.`}
          />
        )}
        <Form.Item
          name="title"
          label="Trích yếu"
          rules={[{ required: true, message: 'Cần nhập trích yếu.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="ref" label="Số, ngày văn bản">
          <Input placeholder="Nghị quyết số 01-NQ/ĐH ngày 20/6/2025" />
        </Form.Item>
        <Form.Item name="adoptedOn" label="Ngày thông qua">
          <DatePicker format="DD/MM/YYYY" disabledDate={notFuture} />
        </Form.Item>
        <FilePicker file={file} onChange={setFile} />
      </Form>
    </Modal>
  );
};

const DocumentsTab = ({ c }: { c: Detail }) => {
  const refresh = useRefresh(c.id);
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const remove = async (documentId: number) => {
    try {
      await api.DELETE('/api/congresses/{id}/documents/{documentId}', {
        params: { path: { id: c.id, documentId } },
      });
      await refresh();
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {c.canEdit && (
        <Button type="primary" onClick={() => setAdding(true)}>
          Ghi văn kiện
        </Button>
      )}
      {c.termId && (
        <Alert
          type="success"
          showIcon
          title={
            <span>
              Nghị quyết đại hội đã mở {c.termName} trong kế hoạch.{' '}
              <Link to={`/ke-hoach?orgUnitId=${c.orgUnitId}&year=${c.round.fromYear}`}>
                Nhập chỉ tiêu nhiệm kỳ
              </Link>
            </span>
          }
        />
      )}
      {adding && <DocumentModal c={c} onClose={() => setAdding(false)} />}
      <Table
        rowKey="id"
        size="small"
        data-testid="congress-documents"
        dataSource={c.documents}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: 'Chưa ghi văn kiện nào.' }}
        columns={[
          { title: 'Loại', render: (_, d) => congressDocumentKindLabels[d.kind] },
          {
            title: 'Trích yếu',
            render: (_, d) => (
              <Space orientation="vertical" size={0}>
                {d.title}
                {d.ref && <Typography.Text type="secondary">{d.ref}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: 'Ngày thông qua',
            render: (_, d) => (d.adoptedOn ? formatDate(d.adoptedOn) : '—'),
          },
          {
            title: 'Tệp',
            render: (_, d) =>
              d.documentId ? (
                <a href={`/api/congresses/documents/${d.documentId}`}>
                  {d.documentName ?? 'Tải tệp'}
                </a>
              ) : (
                '—'
              ),
          },
          ...(c.canEdit
            ? [
                {
                  title: '',
                  render: (_: unknown, d: Detail['documents'][number]) => (
                    <Popconfirm
                      title="Xóa văn kiện này?"
                      okText="Xóa"
                      cancelText="Hủy"
                      onConfirm={() => remove(d.id)}
                    >
                      <Button size="small" danger>
                        Xóa
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
};

const planFields = [
  ['plannedCommitteeSize', 'Số lượng cấp ủy viên', 200],
  ['plannedStandingSize', 'Số lượng ủy viên ban thường vụ', 50],
  ['plannedDeputyCount', 'Số phó bí thư', 10],
  ['plannedInspectionSize', 'Số ủy viên ủy ban kiểm tra', 50],
] as const;
const shareFields = [
  ['plannedYoungPct', 'Cán bộ trẻ tối thiểu (%)'],
  ['plannedWomenPct', 'Cán bộ nữ tối thiểu (%)'],
  ['plannedMinorityPct', 'Cán bộ dân tộc thiểu số tối thiểu (%)'],
  ['plannedReelectedPct', 'Tỷ lệ tái cử dự kiến (%)'],
] as const;

const PersonnelPlanTab = ({ c }: { c: Detail }) => {
  const refresh = useRefresh(c.id);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const body = Object.fromEntries(
        [...planFields, ...shareFields].map(([k]) => [k, v[k] ?? null]),
      );
      await api.PUT('/api/congresses/{id}/personnel-plan', {
        params: { path: { id: c.id } },
        body: { ...body, version: c.version },
      });
      message.success('Đã lưu đề án nhân sự.');
      await refresh();
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        Đề án nhân sự cấp ủy khóa mới: số lượng và cơ cấu (độ tuổi, giới tính, dân tộc, tỷ lệ tái
        cử) — căn cứ đối chiếu cơ cấu cấp ủy sau đại hội.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <Form form={form} layout="vertical" disabled={!c.canEdit} initialValues={c} key={c.version}>
        <Card size="small" title="Số lượng">
          <Space wrap>
            {planFields.map(([k, label, max]) => (
              <Form.Item key={k} name={k} label={label}>
                <InputNumber min={0} max={max} style={{ width: 160 }} />
              </Form.Item>
            ))}
          </Space>
        </Card>
        <Card size="small" title="Cơ cấu" style={{ marginTop: 12 }}>
          <Space wrap>
            {shareFields.map(([k, label]) => (
              <Form.Item key={k} name={k} label={label}>
                <InputNumber min={0} max={100} style={{ width: 160 }} />
              </Form.Item>
            ))}
          </Space>
        </Card>
        {c.canEdit && (
          <Button type="primary" style={{ marginTop: 12 }} onClick={save}>
            Lưu đề án nhân sự
          </Button>
        )}
      </Form>
    </Space>
  );
};

/** A unit's congress: particulars and progress, documents, personnel plan, elections, delegates. */
export const CongressPage = () => {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const {
    data: c,
    error,
    isLoading,
  } = useQuery({
    queryKey: congressesKeys.congress(id),
    queryFn: () => api.GET('/api/congresses/{id}', { params: { path: { id } } }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (isLoading || !c) return <Card loading />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Space orientation="vertical" size={0}>
        <Link to={`/dai-hoi/dot/${c.round.id}`}>← {c.round.name}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Đại hội {c.orgUnitName}
        </Typography.Title>
        <Space wrap size={4}>
          {c.orgUnitPath !== c.orgUnitName && (
            <Typography.Text type="secondary">{c.orgUnitPath}</Typography.Text>
          )}
          <CongressStatusTag status={c.status} />
          {c.late && <LateTag />}
        </Space>
      </Space>
      <Card>
        <Tabs
          activeKey={params.get('tab') ?? 'info'}
          onChange={(tab) => setParams({ tab }, { replace: true })}
          items={[
            { key: 'info', label: 'Thông tin & tiến độ', children: <InfoTab c={c} /> },
            { key: 'documents', label: 'Văn kiện', children: <DocumentsTab c={c} /> },
            { key: 'personnel', label: 'Đề án nhân sự', children: <PersonnelPlanTab c={c} /> },
            {
              key: 'elections',
              label: 'Bầu cử',
              children: <CongressElectionsPanel congressId={c.id} />,
            },
            {
              key: 'delegates',
              label: 'Đại biểu',
              children: <CongressDelegatesPanel congressId={c.id} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
};
