// Programmes: create one (with its first items) and add an item to an existing one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { TProgramme, TProgrammeItemInput } from '../../../../contracts/inspection';
import {
  type CaseKind,
  type ConductingBody,
  caseKindLabels,
  caseKinds,
  conductingBodyLabels,
  programmePeriodLabels,
  programmePeriods,
} from '../../../../domain/rules/inspection/inspection';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { DateInput } from '../../components/DateInput';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { inspectionKeys } from './keys';
import { bodyUnitKinds, currentYear } from './shared';

/** Who keeps which programmes: the UBKT its own (and cells'), offices those of their committees. */
export const programmeBodies = (role?: string): ConductingBody[] =>
  role === 'inspection'
    ? ['upper_inspection', 'grassroots_inspection', 'cell']
    : ['upper_committee', 'upper_standing', 'grassroots_committee', 'cell'];

type ItemValues = {
  kind?: CaseKind;
  subjectOrgUnitId?: number;
  subjectText?: string;
  theme?: string;
  quarter?: number;
  lead?: string;
};

const toItem = (v: ItemValues): TProgrammeItemInput => ({
  kind: v.kind as CaseKind,
  subjectOrgUnitId: v.subjectOrgUnitId ?? null,
  subjectText: v.subjectText ?? '',
  theme: v.theme ?? '',
  quarter: v.quarter ?? null,
  lead: v.lead || null,
});

const kindOptions = caseKinds.map((k) => ({ value: k, label: caseKindLabels[k] }));
const quarterOptions = [1, 2, 3, 4].map((q) => ({ value: q, label: `Quý ${q}` }));

/** The fields of one item; `prefix` places them inside a Form.List row. */
const ItemFields = ({
  form,
  prefix = [],
}: {
  form: FormInstance;
  prefix?: (string | number)[];
}) => {
  const path = (name: string) => [...prefix, name];
  // Picking a unit fills the subject text with its name when the text is still empty.
  const fillSubject = async (id?: number) => {
    const full = [...(prefix.length ? ['items'] : []), ...prefix, 'subjectText'];
    if (!id || form.getFieldValue(full)) return;
    const unit = await api
      .GET('/api/org-units/{id}', { params: { path: { id } } })
      .catch(() => null);
    if (unit && !form.getFieldValue(full)) form.setFieldValue(full, unit.name);
  };
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item
          name={path('kind')}
          label="Loại"
          rules={[{ required: true, message: 'Chọn loại.' }]}
        >
          <Select options={kindOptions} placeholder="Kiểm tra hay giám sát" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={path('quarter')} label="Quý">
          <Select allowClear options={quarterOptions} placeholder="Cả năm" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={path('lead')} label="Chủ trì">
          <Input placeholder="Ví dụ: Đồng chí Phó Chủ nhiệm" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={path('subjectOrgUnitId')} label="Tổ chức đảng là đối tượng (nếu có)">
          <OrgUnitSelect allowClear style={{ width: '100%' }} onChange={fillSubject} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={path('subjectText')}
          label="Đối tượng"
          rules={[{ required: true, message: 'Ghi đối tượng.' }]}
        >
          <Input placeholder="Ví dụ: Chi bộ Phòng Nghiệp vụ Y và đồng chí bí thư" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name={path('theme')}
          label="Nội dung"
          rules={[{ required: true, message: 'Ghi nội dung kiểm tra, giám sát.' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Col>
    </Row>
  );
};

export const ProgrammeModal = ({ onClose }: { onClose: () => void }) => {
  const { user } = useAuth();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const bodies = programmeBodies(user?.role);
  const body = Form.useWatch('body', form) as ConductingBody | undefined;
  const period = Form.useWatch('period', form);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.POST('/api/inspection/programmes', {
        body: {
          orgUnitId: v.orgUnitId,
          body: v.body,
          period: v.period,
          year: v.year,
          toYear: v.period === 'term' ? v.toYear : null,
          title: v.title,
          decisionNumber: v.decisionNumber || null,
          approvedOn: v.approvedOn || null,
          items: ((v.items as ItemValues[] | undefined) ?? []).map(toItem),
        } as ApiBody<'/api/inspection/programmes', 'post'>,
      }),
    onSuccess: () => {
      message.success('Đã lập chương trình kiểm tra, giám sát.');
      client.invalidateQueries({ queryKey: inspectionKeys.inspectionProgrammes() });
      onClose();
    },
    onError: (e) => {
      const text = applyApiError(e, form);
      setError(text);
      message.error(text);
    },
  });
  return (
    <Modal
      open
      width={860}
      title="Lập chương trình kiểm tra, giám sát"
      okText="Lập chương trình"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
        initialValues={{ body: bodies[0], period: 'year', year: currentYear, items: [] }}
        onValuesChange={(changed) => {
          // A different body belongs to a different level of unit: pick the unit again.
          if ('body' in changed) form.setFieldValue('orgUnitId', undefined);
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item name="body" label="Chủ thể tiến hành">
              <Select options={bodies.map((b) => ({ value: b, label: conductingBodyLabels[b] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="orgUnitId"
              label="Thuộc tổ chức đảng"
              rules={[{ required: true, message: 'Chọn tổ chức đảng.' }]}
            >
              <OrgUnitSelect
                style={{ width: '100%' }}
                onlyKinds={body ? bodyUnitKinds(body) : undefined}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="period" label="Loại chương trình">
              <Select
                options={programmePeriods.map((p) => ({
                  value: p,
                  label: programmePeriodLabels[p],
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="year"
              label={period === 'term' ? 'Từ năm' : 'Năm'}
              rules={[{ required: true, message: 'Nhập năm.' }]}
            >
              <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {period === 'term' && (
            <Col xs={12} md={8}>
              <Form.Item
                name="toYear"
                label="Đến năm"
                rules={[{ required: true, message: 'Nhập năm kết thúc nhiệm kỳ.' }]}
              >
                <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item
              name="title"
              label="Tên chương trình"
              rules={[{ required: true, message: 'Nhập tên chương trình.' }]}
            >
              <Input placeholder="Ví dụ: Chương trình kiểm tra, giám sát năm 2027 của Ủy ban Kiểm tra Đảng ủy" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="decisionNumber" label="Số văn bản ban hành">
              <Input placeholder="Ví dụ: 05-CTr/UBKT" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="approvedOn" label="Ngày ban hành">
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>Các mục của chương trình</Typography.Title>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, index) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={`Mục ${index + 1}`}
                  extra={
                    <Button size="small" danger onClick={() => remove(f.name)}>
                      Bỏ mục này
                    </Button>
                  }
                >
                  <ItemFields form={form} prefix={[f.name]} />
                </Card>
              ))}
              <Button onClick={() => add({})}>Thêm một mục</Button>
            </>
          )}
        </Form.List>
      </Form>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
    </Modal>
  );
};

export const ProgrammeItemModal = ({
  programme,
  onClose,
}: {
  programme: TProgramme;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: ItemValues) =>
      api.POST('/api/inspection/programmes/{id}/items', {
        params: { path: { id: programme.id } },
        body: toItem(v),
      }),
    onSuccess: () => {
      message.success('Đã thêm mục vào chương trình.');
      client.invalidateQueries({ queryKey: inspectionKeys.inspectionProgrammes() });
      onClose();
    },
    onError: (e) => {
      const text = applyApiError(e, form);
      setError(text);
      message.error(text);
    },
  });
  return (
    <Modal
      open
      width={760}
      title="Thêm mục vào chương trình"
      okText="Thêm mục"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Typography.Paragraph>
        <b>{programme.title}</b> – {conductingBodyLabels[programme.body]}, {programme.orgUnitName}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        <ItemFields form={form} />
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
};
