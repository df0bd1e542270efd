import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TMovementDetail } from '../../../../contracts/emulation';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { emulationKeys } from './keys';

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Launch a movement (or edit one): the launching committee, the plan, the criteria, the period. */
export const MovementFormModal = ({
  detail,
  onClose,
  onSaved,
}: {
  detail?: TMovementDetail;
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
        name: v.name,
        launchRef: v.launchRef,
        criteria: v.criteria,
        fromDate: iso(v.fromDate),
        toDate: iso(v.toDate),
        note: v.note,
      };
      const saved = detail
        ? await api.PUT('/api/emulation/movements/{id}', {
            params: { path: { id: detail.id } },
            body: { ...body, version: detail.version } as ApiBody<
              '/api/emulation/movements/{id}',
              'put'
            >,
          })
        : await api.POST('/api/emulation/movements', {
            body: body as ApiBody<'/api/emulation/movements', 'post'>,
          });
      message.success(detail ? 'Đã lưu phong trào.' : 'Đã phát động phong trào thi đua.');
      await client.invalidateQueries({ queryKey: emulationKeys.movements() });
      await client.invalidateQueries({ queryKey: emulationKeys.movement() });
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
      width={720}
      title={detail ? 'Sửa phong trào thi đua' : 'Phát động phong trào thi đua'}
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
          name: detail?.name,
          launchRef: detail?.launchRef,
          criteria: detail?.criteria,
          fromDate: detail ? dayjs(detail.fromDate) : undefined,
          toDate: detail ? dayjs(detail.toDate) : undefined,
          note: detail?.note,
        }}
      >
        <Form.Item name="orgUnitId" label="Cấp ủy phát động" rules={[{ required: true }]}>
          <OrgUnitSelect valueLabel={detail?.orgUnitName} />
        </Form.Item>
        <Form.Item
          name="name"
          label="Tên phong trào"
          rules={[{ required: true, message: 'Cần nhập tên phong trào.' }]}
        >
          <Input placeholder='Ví dụ: "Dân vận khéo"' />
        </Form.Item>
        <Form.Item name="launchRef" label="Văn bản phát động (số, ngày)">
          <Input placeholder="Kế hoạch số 20-KH/ĐU ngày 10/01/2026" />
        </Form.Item>
        <Form.Item
          name="criteria"
          label="Tiêu chí thi đua (mỗi dòng một tiêu chí)"
          rules={[{ required: true, message: 'Cần nhập tiêu chí thi đua.' }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item
          name="fromDate"
          label="Từ ngày"
          rules={[{ required: true, message: 'Cần nhập ngày bắt đầu.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="toDate"
          label="Đến ngày"
          rules={[{ required: true, message: 'Cần nhập ngày kết thúc.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
