import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import {
  programmeKindLabels,
  programmeKinds,
  type TProgrammeDetail,
} from '../../../../contracts/education';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { educationKeys } from './keys';
import { day, iso } from './shared';

/** Create (or edit) a programme of study: the committee, the directive or topic, the period. */
export const ProgrammeFormModal = ({
  detail,
  onClose,
  onSaved,
}: {
  detail?: TProgrammeDetail;
  onClose: () => void;
  onSaved: (id: number) => void;
}) => {
  const { user } = useAuth();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setSaving(true);
    try {
      const body = {
        orgUnitId: v.orgUnitId,
        kind: v.kind,
        title: v.title,
        directiveRef: v.directiveRef,
        resolutionId: detail?.resolutionId ?? null,
        fromDate: iso(v.fromDate),
        toDate: iso(v.toDate),
        note: v.note,
      };
      const saved = detail
        ? await api.PUT('/api/education/programmes/{id}', {
            params: { path: { id: detail.id } },
            body: { ...body, version: detail.version } as ApiBody<
              '/api/education/programmes/{id}',
              'put'
            >,
          })
        : await api.POST('/api/education/programmes', {
            body: body as ApiBody<'/api/education/programmes', 'post'>,
          });
      message.success('Đã lưu chương trình.');
      await client.invalidateQueries({ queryKey: educationKeys.programmes() });
      await client.invalidateQueries({ queryKey: educationKeys.programme() });
      onSaved(saved.id);
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={detail ? 'Sửa chương trình' : 'Lập chương trình học tập và làm theo'}
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
          orgUnitId: detail?.orgUnitId ?? user?.scopeOrgUnitId,
          kind: detail?.kind ?? 'annual_topic',
          title: detail?.title,
          directiveRef:
            detail?.directiveRef ?? 'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị',
          fromDate: day(detail?.fromDate),
          toDate: day(detail?.toDate),
          note: detail?.note,
        }}
      >
        <Form.Item name="orgUnitId" label="Cấp ủy chủ trì" rules={[{ required: true }]}>
          <OrgUnitSelect valueLabel={detail?.orgUnitName} />
        </Form.Item>
        <Form.Item name="kind" label="Loại chương trình" rules={[{ required: true }]}>
          <Select
            options={programmeKinds.map((k) => ({ value: k, label: programmeKindLabels[k] }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên chương trình, chuyên đề"
          rules={[{ required: true, message: 'Cần nhập tên chương trình.' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="directiveRef" label="Căn cứ (chỉ thị, nghị quyết, kế hoạch)">
          <Input />
        </Form.Item>
        <Form.Item
          name="fromDate"
          label="Từ ngày"
          rules={[{ required: true, message: 'Cần chọn ngày bắt đầu.' }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="toDate" label="Đến ngày (để trống nếu chưa định)">
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
