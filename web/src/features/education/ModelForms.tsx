import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  modelFieldLabels,
  modelFields,
  type TModelListItem,
} from '../../../../contracts/education';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { MemberPicker } from '../../components/MemberPicker';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { educationKeys } from './keys';
import { FilePicker, iso, ModelStatusTag, uploadFile } from './shared';

const useRefresh = () => {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: educationKeys.models() });
    await client.invalidateQueries({ queryKey: educationKeys.model() });
    await client.invalidateQueries({ queryKey: educationKeys.programme() });
    await client.invalidateQueries({ queryKey: educationKeys.programmes() });
  };
};

/** Register a model or an example under a programme (or a movement, chosen on its own page). */
export const ModelRegisterModal = ({
  programmeId,
  movementId,
  onClose,
}: {
  programmeId?: number;
  /** Given: the model is registered under this emulation movement ("Dân vận khéo"). */
  movementId?: number;
  onClose: () => void;
}) => {
  const { user } = useAuth();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const programmes = useQuery({
    queryKey: educationKeys.programmes('picker'),
    queryFn: () => api.GET('/api/education/programmes', { params: { query: {} } }),
  });
  const unitId = Form.useWatch('orgUnitId', form) as number | undefined;
  const under = (Form.useWatch('under', form) ?? (movementId ? 'movement' : 'programme')) as
    | 'programme'
    | 'movement';
  const movements = useQuery({
    queryKey: ['emulation-movements', 'model-picker'],
    queryFn: () => api.GET('/api/emulation/movements', { params: { query: {} } }),
    enabled: under === 'movement',
  });
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setSaving(true);
    try {
      await api.POST('/api/education/models', {
        body: {
          orgUnitId: v.orgUnitId,
          memberId: v.memberId ?? null,
          programmeId: v.under === 'movement' ? null : (v.programmeId ?? null),
          movementId: v.under === 'movement' ? (v.movementId ?? null) : null,
          title: v.title,
          field: v.field ?? null,
          description: v.description,
          registeredOn: iso(v.registeredOn),
        } as ApiBody<'/api/education/models', 'post'>,
      });
      message.success('Đã đăng ký mô hình.');
      await refresh();
      // The movement's page lists its models (emulation feature's query roots).
      await client.invalidateQueries({ queryKey: ['emulation-movement'] });
      await client.invalidateQueries({ queryKey: ['emulation-movements'] });
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
      title="Đăng ký mô hình, điển hình"
      okText="Đăng ký"
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
          orgUnitId: user?.scopeOrgUnitId,
          programmeId,
          movementId,
          under: movementId ? 'movement' : 'programme',
          registeredOn: dayjs(),
        }}
      >
        <Form.Item name="orgUnitId" label="Đơn vị đăng ký" rules={[{ required: true }]}>
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="under" label="Đăng ký theo">
          <Radio.Group
            options={[
              { value: 'programme', label: 'Chương trình học tập' },
              { value: 'movement', label: 'Phong trào thi đua' },
            ]}
          />
        </Form.Item>
        {under === 'movement' ? (
          <Form.Item
            name="movementId"
            label="Theo phong trào thi đua"
            rules={[{ required: true, message: 'Cần chọn phong trào thi đua.' }]}
          >
            <Select
              loading={movements.isLoading}
              options={(movements.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="programmeId"
            label="Theo chương trình"
            rules={[{ required: true, message: 'Cần chọn chương trình.' }]}
          >
            <Select
              loading={programmes.isLoading}
              options={(programmes.data?.items ?? []).map((p) => ({
                value: p.id,
                label: p.title,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label="Tên mô hình, điển hình"
          rules={[{ required: true, message: 'Cần nhập tên mô hình.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="memberId" label="Điển hình cá nhân (để trống nếu là mô hình tập thể)">
          <MemberPicker allowClear orgUnitId={unitId} />
        </Form.Item>
        <Form.Item name="field" label="Lĩnh vực">
          <Select
            allowClear
            options={modelFields.map((k) => ({ value: k, label: modelFieldLabels[k] }))}
          />
        </Form.Item>
        <Form.Item name="description" label="Mô tả, cách làm, hiệu quả">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="registeredOn"
          label="Ngày đăng ký"
          rules={[{ required: true, message: 'Cần chọn ngày đăng ký.' }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Recognise a model (with the decision) or not, by a level above the registering unit. */
export const ModelReviewModal = ({
  model,
  onClose,
}: {
  model: TModelListItem;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setSaving(true);
    try {
      await api.POST('/api/education/models/{id}/review', {
        params: { path: { id: model.id } },
        body: {
          decision: v.decision,
          reviewedOn: iso(v.reviewedOn),
          decisionRef: v.decisionRef,
          reviewNote: v.reviewNote,
          version: model.version,
        } as ApiBody<'/api/education/models/{id}/review', 'post'>,
      });
      message.success('Đã ghi kết quả xét.');
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
      title={`Xét công nhận: ${model.title}`}
      okText="Lưu kết quả"
      cancelText="Hủy"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: 'recognised', reviewedOn: dayjs() }}
      >
        <Form.Item name="decision" label="Kết quả">
          <Radio.Group
            options={[
              { value: 'recognised', label: 'Công nhận' },
              { value: 'not_recognised', label: 'Không công nhận' },
            ]}
          />
        </Form.Item>
        <Form.Item name="reviewedOn" label="Ngày xét" rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="decisionRef" label="Quyết định, văn bản công nhận">
          <Input placeholder="Quyết định số …-QĐ/ĐU ngày …" />
        </Form.Item>
        <Form.Item name="reviewNote" label="Nhận xét">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** A model's details and evidence; evidence files are added here. */
export const ModelDrawerContent = ({ id, canAdd }: { id: number; canAdd: boolean }) => {
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [saving, setSaving] = useState(false);
  const { data } = useQuery({
    queryKey: educationKeys.model(id),
    queryFn: () => api.GET('/api/education/models/{id}', { params: { path: { id } } }),
  });
  if (!data) return null;
  const removeEvidence = async (evidenceId: number) => {
    try {
      await api.DELETE('/api/education/models/{id}/evidence/{evidenceId}', {
        params: { path: { id, evidenceId } },
      });
      message.success('Đã gỡ minh chứng.');
      await refresh();
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const add = async () => {
    if (!file || !title.trim()) {
      message.error('Cần nhập tên minh chứng và chọn tệp.');
      return;
    }
    setSaving(true);
    try {
      const documentId = await uploadFile(data.orgUnitId, file);
      await api.POST('/api/education/models/{id}/evidence', {
        params: { path: { id } },
        body: { title, documentId },
      });
      setFile(null);
      setTitle('');
      await refresh();
    } catch (e) {
      message.error(applyApiError(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="Đơn vị">{data.orgUnitName}</Descriptions.Item>
        {data.memberName && (
          <Descriptions.Item label="Điển hình">{data.memberName}</Descriptions.Item>
        )}
        <Descriptions.Item label="Theo">
          {data.programmeTitle ?? data.movementName ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Lĩnh vực">
          {data.field ? modelFieldLabels[data.field] : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Đăng ký">{formatDate(data.registeredOn)}</Descriptions.Item>
        <Descriptions.Item label="Trạng thái">
          <ModelStatusTag status={data.status} />
          {data.reviewedOn && ` ${formatDate(data.reviewedOn)}`}
        </Descriptions.Item>
        {data.decisionRef && (
          <Descriptions.Item label="Quyết định">
            {data.decisionRef}
            {data.recognisedByName && ` (${data.recognisedByName})`}
          </Descriptions.Item>
        )}
        {data.description && (
          <Descriptions.Item label="Mô tả">{data.description}</Descriptions.Item>
        )}
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.evidence}
        locale={{ emptyText: 'Chưa có minh chứng' }}
        columns={[
          { title: 'Minh chứng', dataIndex: 'title' },
          {
            title: 'Tệp',
            render: (_, e) =>
              e.documentId ? (
                <a href={`/api/education/documents/${e.documentId}`}>{e.fileName ?? 'Tải tệp'}</a>
              ) : (
                '—'
              ),
          },
          ...(canAdd
            ? [
                {
                  title: '',
                  key: 'remove',
                  render: (_: unknown, e: { id: number }) => (
                    <Popconfirm
                      title="Gỡ minh chứng gắn nhầm? Tệp vẫn được lưu."
                      okText="Gỡ"
                      cancelText="Không"
                      onConfirm={() => removeEvidence(e.id)}
                    >
                      <Button size="small" danger>
                        Gỡ
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canAdd && (
        <Space wrap>
          <Input
            placeholder="Tên minh chứng"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            style={{ width: 220 }}
          />
          <FilePicker file={file} onChange={setFile} />
          <Button onClick={add} loading={saving}>
            Thêm minh chứng
          </Button>
        </Space>
      )}
    </Space>
  );
};
