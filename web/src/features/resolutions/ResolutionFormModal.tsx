import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Checkbox,
  DatePicker,
  Divider,
  Form,
  Input,
  Modal,
  Select,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  defaultPlanUnitKinds,
  issuerLevelLabels,
  issuerLevels,
  planUnitKinds,
  resolutionKindLabels,
  resolutionKinds,
  type TResolutionDetail,
} from '../../../../contracts/resolutions';
import { orgUnitKindLabels } from '../../../../domain/enums/org-units';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { resolutionsKeys } from './keys';
import { FilePicker, uploadFile } from './shared';

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const day = (s: string | null | undefined) => (s ? dayjs(s) : undefined);

/** Register a resolution (or edit one) with its dissemination plan. */
export const ResolutionFormModal = ({
  detail,
  onClose,
  onSaved,
}: {
  detail?: TResolutionDetail;
  onClose: () => void;
  onSaved: (id: number) => void;
}) => {
  const { user } = useAuth();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const hasPlan = Form.useWatch('hasPlan', form) as boolean | undefined;
  const apRequired = Form.useWatch('actionProgrammeRequired', form) as boolean | undefined;
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setSaving(true);
    try {
      const documentId = file
        ? await uploadFile(v.ownerUnitId, file)
        : (detail?.documentId ?? null);
      const body = {
        ownerUnitId: v.ownerUnitId,
        issuerLevel: v.issuerLevel,
        issuerName: v.issuerName,
        kind: v.kind,
        number: v.number,
        issuedOn: iso(v.issuedOn),
        title: v.title,
        summary: v.summary,
        documentId,
        plan: v.hasPlan
          ? {
              targetUnitId: v.targetUnitId,
              unitKinds: v.unitKinds,
              studyDeadline: iso(v.studyDeadline),
              actionProgrammeRequired: Boolean(v.actionProgrammeRequired),
              actionProgrammeDeadline: v.actionProgrammeRequired
                ? iso(v.actionProgrammeDeadline)
                : null,
              note: v.note,
            }
          : null,
      };
      const saved = detail
        ? await api.PUT('/api/resolutions/{id}', {
            params: { path: { id: detail.id } },
            body: {
              ...body,
              version: detail.version,
            } as ApiBody<'/api/resolutions/{id}', 'put'>,
          })
        : await api.POST('/api/resolutions', { body: body as ApiBody<'/api/resolutions', 'post'> });
      message.success(detail ? 'Đã lưu văn bản.' : 'Đã đăng ký văn bản.');
      await client.invalidateQueries({ queryKey: resolutionsKeys.resolutions() });
      await client.invalidateQueries({ queryKey: resolutionsKeys.resolution() });
      onSaved(saved.id);
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  const plan = detail?.plan;
  return (
    <Modal
      open
      width={760}
      title={detail ? 'Sửa văn bản' : 'Đăng ký nghị quyết, chỉ thị, kết luận'}
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
          ownerUnitId: detail?.ownerUnitId ?? user?.scopeOrgUnitId,
          issuerLevel: detail?.issuerLevel ?? 'central',
          issuerName: detail?.issuerName ?? 'Ban Chấp hành Trung ương',
          kind: detail?.kind ?? 'resolution',
          number: detail?.number,
          issuedOn: day(detail?.issuedOn),
          title: detail?.title,
          summary: detail?.summary,
          hasPlan: detail ? Boolean(plan) : true,
          targetUnitId: plan?.targetUnitId ?? user?.scopeOrgUnitId,
          unitKinds: plan?.unitKinds ?? defaultPlanUnitKinds,
          studyDeadline: day(plan?.studyDeadline),
          actionProgrammeRequired: plan?.actionProgrammeRequired ?? true,
          actionProgrammeDeadline: day(plan?.actionProgrammeDeadline),
          note: plan?.note,
        }}
      >
        <Form.Item name="ownerUnitId" label="Cấp ủy đăng ký" rules={[{ required: true }]}>
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="kind" label="Loại văn bản" rules={[{ required: true }]}>
          <Select
            options={resolutionKinds.map((k) => ({ value: k, label: resolutionKindLabels[k] }))}
          />
        </Form.Item>
        <Form.Item
          name="number"
          label="Số, ký hiệu (ví dụ 57-NQ/TW)"
          rules={[{ required: true, message: 'Cần nhập số văn bản.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label="Ngày ban hành"
          rules={[{ required: true, message: 'Cần chọn ngày ban hành.' }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="issuerLevel" label="Cấp ban hành" rules={[{ required: true }]}>
          <Select options={issuerLevels.map((k) => ({ value: k, label: issuerLevelLabels[k] }))} />
        </Form.Item>
        <Form.Item
          name="issuerName"
          label="Cơ quan ban hành"
          rules={[{ required: true, message: 'Trường này bắt buộc.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="title"
          label="Trích yếu"
          rules={[{ required: true, message: 'Cần nhập trích yếu.' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="summary" label="Nội dung chính">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="Tệp văn bản">
          <FilePicker file={file} onChange={setFile} />
          {detail?.documentName && !file && <div>Đang có: {detail.documentName}</div>}
        </Form.Item>
        <Divider>Kế hoạch quán triệt, học tập</Divider>
        <Form.Item name="hasPlan" label="Có kế hoạch quán triệt" valuePropName="checked">
          <Switch />
        </Form.Item>
        {hasPlan && (
          <>
            <Form.Item name="targetUnitId" label="Các đơn vị thuộc" rules={[{ required: true }]}>
              <OrgUnitSelect />
            </Form.Item>
            <Form.Item
              name="unitKinds"
              label="Loại tổ chức phải tổ chức quán triệt"
              rules={[{ required: true, message: 'Chọn ít nhất một loại tổ chức.' }]}
            >
              <Checkbox.Group
                options={planUnitKinds.map((k) => ({ value: k, label: orgUnitKindLabels[k] }))}
              />
            </Form.Item>
            <Form.Item
              name="studyDeadline"
              label="Hạn tổ chức quán triệt"
              rules={[{ required: true, message: 'Cần chọn hạn quán triệt.' }]}
            >
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item
              name="actionProgrammeRequired"
              label="Phải ban hành chương trình hành động, kế hoạch thực hiện"
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
            {apRequired && (
              <Form.Item
                name="actionProgrammeDeadline"
                label="Hạn ban hành chương trình hành động"
                rules={[
                  { required: true, message: 'Cần chọn hạn ban hành chương trình hành động.' },
                ]}
              >
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
            )}
            <Form.Item name="note" label="Ghi chú">
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
};
