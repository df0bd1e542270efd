// Forms of the annual plan: a term, a target, its cascade to lower units, a key task and its result.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import type { TKeyTask, TTargetDetail, TTargetView, TTerm } from '../../../../contracts/plans';
import {
  keyTaskOriginLabels,
  keyTaskOrigins,
  keyTaskRatingLabels,
  keyTaskRatings,
  keyTaskStatuses,
  keyTaskStatusLabels,
} from '../../../../domain/rules/plans/key-tasks';
import { comparatorLabels, comparators } from '../../../../domain/rules/plans/target-status';
import { type ApiBody, api } from '../../api/client';
import { fetchChildren } from '../../api/org-units';
import { DateInput } from '../../components/DateInput';
import { applyApiError } from '../../components/errors';
import { MemberPicker } from '../../components/MemberPicker';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { ResolutionPicker } from '../../components/ResolutionPicker';
import { dashboardKeys } from '../dashboard/keys';
import { todayLocal } from '../inspection/shared';
import { plansKeys } from './keys';

export const useMetricList = () =>
  useQuery({ queryKey: plansKeys.planMetrics(), queryFn: () => api.GET('/api/plans/metrics') });

/** After a change to the plan: refresh what shows it and tell the user. */
export const usePlanChanged = () => {
  const client = useQueryClient();
  const { message } = App.useApp();
  return (text = 'Đã lưu.') => {
    message.success(text);
    client.invalidateQueries({ queryKey: plansKeys.planYear() });
    client.invalidateQueries({ queryKey: plansKeys.planTarget() });
    client.invalidateQueries({ queryKey: dashboardKeys.dashboard() });
  };
};

const useSaved = (onDone: () => void) => {
  const changed = usePlanChanged();
  return () => {
    changed();
    onDone();
  };
};

export const TermModal = ({
  open,
  orgUnitId,
  editing = null,
  onClose,
}: {
  open: boolean;
  orgUnitId: number;
  /** A term to edit (prefilled); null: a new term. */
  editing?: TTerm | null;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const saved = useSaved(onClose);
  useEffect(() => {
    if (open) {
      setError(null);
      form.setFieldsValue(editing ?? {});
    }
  }, [open, editing, form]);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const fields = {
        ...v,
        congressResolution: v.congressResolution || null,
        congressDate: v.congressDate || null,
      };
      return editing
        ? api.PUT('/api/plans/terms/{id}', {
            params: { path: { id: editing.id } },
            body: { ...fields, version: editing.version } as ApiBody<
              '/api/plans/terms/{id}',
              'put'
            >,
          })
        : api.POST('/api/plans/terms', {
            body: { ...fields, orgUnitId } as ApiBody<'/api/plans/terms', 'post'>,
          });
    },
    onSuccess: saved,
    onError: (e) => setError(applyApiError(e, form)),
  });
  return (
    <Modal
      open={open}
      title={editing ? 'Sửa nhiệm kỳ' : 'Thêm nhiệm kỳ'}
      okText="Lưu"
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => save.mutate(v))}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="name"
          label="Tên nhiệm kỳ"
          rules={[{ required: true, message: 'Nhập tên nhiệm kỳ.' }]}
        >
          <Input placeholder="Nhiệm kỳ 2025–2030" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="fromYear"
              label="Từ năm"
              rules={[{ required: true, message: 'Nhập năm.' }]}
            >
              <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="toYear"
              label="Đến năm"
              rules={[{ required: true, message: 'Nhập năm.' }]}
            >
              <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="congressResolution" label="Nghị quyết Đại hội">
          <Input />
        </Form.Item>
        <Form.Item name="congressDate" label="Ngày Đại hội">
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
};

export const TargetModal = ({
  open,
  orgUnitId,
  year,
  term,
  editing,
  onClose,
}: {
  open: boolean;
  orgUnitId: number;
  year: number;
  term: TTerm | null;
  editing: TTargetView | null;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const metrics = useMetricList();
  const saved = useSaved(onClose);
  const code = Form.useWatch('metricCode', form) as string | undefined;
  const metric = metrics.data?.items.find((m) => m.code === (editing?.metricCode ?? code));
  const extraCodes = (Form.useWatch('additionalMetricCodes', form) as string[] | undefined) ?? [];
  const extra = (metrics.data?.items ?? []).filter((m) => extraCodes.includes(m.code));
  const perResolution = Boolean(metric?.perResolution) || extra.some((m) => m.perResolution);
  useEffect(() => {
    if (open) {
      setError(null);
      form.setFieldsValue(
        editing
          ? { ...editing, forTerm: editing.year === null }
          : { comparator: 'gte', forTerm: false },
      );
    }
  }, [open, editing, form]);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      editing
        ? api.PUT('/api/plans/targets/{id}', {
            params: { path: { id: editing.id } },
            body: {
              title: v.title,
              resolutionId: perResolution ? v.resolutionId : null,
              additionalMetricCodes: v.additionalMetricCodes ?? [],
              comparator: v.comparator,
              threshold: v.threshold,
              baseline: v.baseline ?? null,
              note: v.note ?? null,
              version: editing.version,
            } as ApiBody<'/api/plans/targets/{id}', 'put'>,
          })
        : api.POST('/api/plans/targets', {
            body: {
              orgUnitId,
              year: v.forTerm ? null : year,
              termId: v.forTerm ? term?.id : (term?.id ?? null),
              title: v.title,
              metricCode: v.metricCode,
              additionalMetricCodes: v.additionalMetricCodes ?? [],
              resolutionId: perResolution ? v.resolutionId : null,
              comparator: v.comparator,
              threshold: v.threshold,
              baseline: v.baseline ?? null,
              note: v.note ?? null,
            } as ApiBody<'/api/plans/targets', 'post'>,
          }),
    onSuccess: saved,
    onError: (e) => setError(applyApiError(e, form)),
  });
  const groups = new Map<string, { label: string; value: string }[]>();
  for (const m of metrics.data?.items ?? [])
    groups.set(m.areaLabel, [
      ...(groups.get(m.areaLabel) ?? []),
      { label: m.label, value: m.code },
    ]);
  return (
    <Modal
      open={open}
      title={editing ? 'Sửa chỉ tiêu' : 'Đặt chỉ tiêu'}
      okText="Lưu"
      width={640}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => save.mutate(v))}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="metricCode"
          label="Chỉ số đo"
          rules={[{ required: !editing, message: 'Chọn chỉ số.' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!!editing}
            placeholder="Chọn chỉ số trong danh mục"
            options={[...groups.entries()].map(([label, options]) => ({ label, options }))}
            onChange={(c) => {
              const m = metrics.data?.items.find((x) => x.code === c);
              if (m && !form.getFieldValue('title')) form.setFieldValue('title', m.label);
            }}
          />
        </Form.Item>
        {metric && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {metric.description}
          </Typography.Paragraph>
        )}
        {metric && (
          <Form.Item
            name="additionalMetricCodes"
            label="Gắn thêm chỉ số"
            extra="Chỉ tiêu chỉ đạt khi mọi chỉ số đều đạt mức đặt ra (ví dụ: quán triệt và xây dựng chương trình hành động)."
          >
            <Select
              mode="multiple"
              allowClear
              aria-label="Gắn thêm chỉ số"
              placeholder="Không gắn thêm"
              showSearch={{ optionFilterProp: 'label' }}
              options={(metrics.data?.items ?? [])
                .filter((m) => m.code !== metric.code && m.unit === metric.unit)
                .map((m) => ({ value: m.code, label: m.label }))}
            />
          </Form.Item>
        )}
        {perResolution && (
          <Form.Item
            name="resolutionId"
            label="Nghị quyết, chỉ thị"
            rules={[{ required: true, message: 'Chọn nghị quyết mà chỉ tiêu đo.' }]}
          >
            <ResolutionPicker valueLabel={editing?.resolutionLabel ?? undefined} />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label="Nội dung chỉ tiêu"
          rules={[{ required: true, message: 'Nhập nội dung.' }]}
        >
          <Input placeholder="Kết nạp 120 đảng viên mới" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="comparator" label="So sánh" rules={[{ required: true }]}>
              <Select
                options={comparators.map((c) => ({ value: c, label: comparatorLabels[c] }))}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="threshold"
              label={metric?.unit === 'percent' ? 'Chỉ tiêu (%)' : 'Chỉ tiêu'}
              rules={[{ required: true, message: 'Nhập chỉ tiêu.' }]}
            >
              <InputNumber
                min={0}
                max={metric?.unit === 'percent' ? 100 : undefined}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="baseline" label="Mức cơ sở (năm trước)">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {!editing && term && (
          <Form.Item name="forTerm" valuePropName="checked">
            <Checkbox>
              Chỉ tiêu cả nhiệm kỳ ({term.name}, {term.fromYear}–{term.toYear})
            </Checkbox>
          </Form.Item>
        )}
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Split a target among the unit's lower units; existing shares are prefilled. */
export const CascadeModal = ({
  target,
  shares,
  onClose,
}: {
  target: TTargetView | null;
  shares: TTargetDetail['children'];
  onClose: () => void;
}) => {
  const [values, setValues] = useState<Record<number, number | null>>({});
  const [error, setError] = useState<string | null>(null);
  const saved = useSaved(onClose);
  const units = useQuery({
    queryKey: plansKeys.cascadeUnits(target?.orgUnitId),
    queryFn: () => fetchChildren(target!.orgUnitId),
    enabled: target !== null,
  });
  useEffect(() => {
    setError(null);
    setValues(Object.fromEntries(shares.map((s) => [s.orgUnitId, s.threshold])));
  }, [shares]);
  const total = Object.values(values).reduce<number>((a, v) => a + (v ?? 0), 0);
  const save = useMutation({
    mutationFn: () =>
      api.POST('/api/plans/targets/{id}/cascade', {
        params: { path: { id: target!.id } },
        body: {
          shares: Object.entries(values)
            .filter(([, v]) => v !== null && v !== undefined)
            .map(([id, v]) => ({ orgUnitId: Number(id), threshold: v })),
        } as ApiBody<'/api/plans/targets/{id}/cascade', 'post'>,
      }),
    onSuccess: saved,
    onError: (e) => setError(applyApiError(e)),
  });
  return (
    <Modal
      open={target !== null}
      title={`Giao chỉ tiêu cho cấp dưới – ${target?.title ?? ''}`}
      okText="Giao chỉ tiêu"
      width={640}
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey="id"
        loading={units.isFetching}
        pagination={false}
        dataSource={units.data?.nodes.filter((n) => n.id !== target?.orgUnitId) ?? []}
        columns={[
          { title: 'Tổ chức', dataIndex: 'name' },
          {
            title: 'Chỉ tiêu giao',
            key: 'v',
            width: 160,
            render: (_, n) => (
              <InputNumber
                aria-label={`Chỉ tiêu của ${n.name}`}
                min={0}
                value={values[n.id] ?? null}
                onChange={(v) => setValues((old) => ({ ...old, [n.id]: v as number | null }))}
              />
            ),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12 }}>
        Tổng đã giao: <b>{total}</b> / {target?.threshold}
      </Typography.Paragraph>
    </Modal>
  );
};

/** A meeting decision to turn into a key task of the meeting unit's plan. */
export type DecisionForTask = {
  id: number;
  text: string;
  deadline: string | null;
  orgUnitId: number;
  heldOn: string;
};

/**
 * A key task: a new one in a unit's plan, an existing one to edit (its plan fields), or a new one from
 * a meeting decision (the meeting unit's plan, for the deadline's year).
 */
export const TaskModal = ({
  open,
  orgUnitId,
  year,
  editing = null,
  decision = null,
  onClose,
  onSaved,
}: {
  open: boolean;
  orgUnitId: number;
  year: number;
  editing?: TKeyTask | null;
  decision?: DecisionForTask | null;
  onClose: () => void;
  onSaved?: () => void;
}) => {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const saved = useSaved(() => {
    onSaved?.();
    onClose();
  });
  const ownerKind = Form.useWatch('ownerKind', form);
  useEffect(() => {
    if (!open) return;
    setError(null);
    if (editing)
      form.setFieldsValue({
        ...editing,
        ownerOrgUnitId:
          editing.ownerOrgUnitId === editing.orgUnitId ? undefined : editing.ownerOrgUnitId,
        ownerMemberId: editing.ownerMemberId ?? undefined,
      });
    else if (decision)
      form.setFieldsValue({
        title: decision.text,
        ownerKind: 'unit',
        deadline: decision.deadline ?? `${decision.heldOn.slice(0, 4)}-12-31`,
      });
    else
      form.setFieldsValue({
        orgUnitId,
        origin: 'own',
        ownerKind: 'unit',
        deadline: `${year}-12-31`,
      });
  }, [open, orgUnitId, year, editing, decision, form]);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const plan = {
        title: v.title,
        requirement: v.requirement || null,
        products: v.products || null,
        ownerKind: v.ownerKind,
        ownerOrgUnitId: v.ownerKind === 'unit' ? (v.ownerOrgUnitId ?? null) : null,
        ownerMemberId: v.ownerKind === 'member' ? v.ownerMemberId : null,
        deadline: v.deadline,
      };
      if (editing)
        return api.PUT('/api/plans/tasks/{id}', {
          params: { path: { id: editing.id } },
          body: { ...plan, version: editing.version } as ApiBody<'/api/plans/tasks/{id}', 'put'>,
        });
      if (decision)
        return api.POST('/api/plans/tasks/from-decision', {
          body: { ...plan, decisionId: decision.id } as ApiBody<
            '/api/plans/tasks/from-decision',
            'post'
          >,
        });
      return api.POST('/api/plans/tasks', {
        body: { ...plan, orgUnitId: v.orgUnitId, origin: v.origin, year } as ApiBody<
          '/api/plans/tasks',
          'post'
        >,
      });
    },
    onSuccess: saved,
    onError: (e) => setError(applyApiError(e, form)),
  });
  const title = editing
    ? 'Sửa nhiệm vụ trọng tâm'
    : decision
      ? 'Tạo nhiệm vụ trọng tâm từ nghị quyết cuộc họp'
      : `Thêm nhiệm vụ trọng tâm năm ${year}`;
  return (
    <Modal
      open={open}
      title={title}
      okText="Lưu"
      width={680}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => save.mutate(v))}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {decision && (
        <Typography.Paragraph type="secondary">
          Nhiệm vụ vào kế hoạch của tổ chức đã họp, năm của hạn hoàn thành. Khi nhiệm vụ hoàn thành,
          nội dung nghị quyết được ghi là đã xong.
        </Typography.Paragraph>
      )}
      {/* Named: its field ids must not clash with the meeting form it opens over. */}
      <Form form={form} layout="vertical" name="key-task">
        {!editing && !decision && (
          <Form.Item name="orgUnitId" label="Kế hoạch của tổ chức" rules={[{ required: true }]}>
            <OrgUnitSelect />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label="Nhiệm vụ"
          rules={[{ required: true, message: 'Nhập nhiệm vụ.' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        {!editing && !decision && (
          <Form.Item name="origin" label="Nguồn">
            <Radio.Group
              options={keyTaskOrigins.map((o) => ({ value: o, label: keyTaskOriginLabels[o] }))}
            />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="ownerKind" label="Phụ trách">
              <Radio.Group
                options={[
                  { value: 'unit', label: 'Tập thể' },
                  { value: 'member', label: 'Cá nhân' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            {ownerKind === 'member' ? (
              <Form.Item
                name="ownerMemberId"
                label="Đảng viên phụ trách"
                rules={[{ required: true, message: 'Chọn đảng viên.' }]}
              >
                <MemberPicker valueLabel={editing?.ownerMemberId ? editing.ownerName : undefined} />
              </Form.Item>
            ) : (
              <Form.Item name="ownerOrgUnitId" label="Tập thể phụ trách (để trống: chính tổ chức)">
                <OrgUnitSelect
                  allowClear
                  valueLabel={editing?.ownerOrgUnitId ? editing.ownerName : undefined}
                />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="deadline"
              label="Hạn hoàn thành"
              rules={[{ required: true, message: 'Chọn hạn.' }]}
            >
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="products" label="Sản phẩm">
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="requirement" label="Yêu cầu (thế nào là hoàn thành)">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

export const ResultModal = ({ task, onClose }: { task: TKeyTask | null; onClose: () => void }) => {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const saved = useSaved(onClose);
  const status = Form.useWatch('status', form);
  useEffect(() => {
    if (task) {
      setError(null);
      form.setFieldsValue({
        status: task.status,
        completedOn: task.completedOn ?? undefined,
        exceededPercent: task.exceededPercent ?? undefined,
        resultNote: task.resultNote ?? undefined,
        rating: task.rating ?? undefined,
        ratedOn: task.ratedOn ?? undefined,
      });
    }
  }, [task, form]);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.PUT('/api/plans/tasks/{id}/result', {
        params: { path: { id: task!.id } },
        body: {
          ...v,
          completedOn: v.status === 'completed' ? v.completedOn : null,
          rating: v.rating ?? null,
          ratedOn: v.rating ? (v.ratedOn ?? todayLocal()) : null,
          version: task!.version,
        } as ApiBody<'/api/plans/tasks/{id}/result', 'put'>,
      }),
    onSuccess: saved,
    onError: (e) => setError(applyApiError(e, form)),
  });
  return (
    <Modal
      open={task !== null}
      title={`Kết quả: ${task?.title ?? ''}`}
      okText="Lưu kết quả"
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => save.mutate(v))}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        Hạn hoàn thành: {task?.deadline.split('-').reverse().join('/')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="status" label="Tình trạng">
          <Select
            options={keyTaskStatuses.map((s) => ({ value: s, label: keyTaskStatusLabels[s] }))}
          />
        </Form.Item>
        {status === 'completed' && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="completedOn"
                label="Ngày hoàn thành"
                rules={[{ required: true, message: 'Chọn ngày.' }]}
              >
                <DateInput />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="exceededPercent" label="Vượt yêu cầu (%)">
                <InputNumber min={0} max={1000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="resultNote" label="Kết quả, sản phẩm đạt được">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="rating" label="Đánh giá cuối năm">
              <Select
                allowClear
                options={keyTaskRatings.map((r) => ({ value: r, label: keyTaskRatingLabels[r] }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ratedOn" label="Ngày đánh giá">
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
};
