import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { type ApiBody, api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { ApplicantFields, applicantBody } from './applicant-form';

export const ApplicantCreateModal = ({
  defaultOrgUnitId,
  onClose,
  onDone,
}: {
  defaultOrgUnitId?: number;
  onClose: () => void;
  onDone: (id: number) => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const saved = await api.POST('/api/recruitment/applicants', {
        body: applicantBody(v) as ApiBody<'/api/recruitment/applicants', 'post'>,
      });
      message.success('Đã thêm vào danh sách tạo nguồn.');
      onDone(saved.id);
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <Modal
      open
      width={760}
      title="Thêm quần chúng ưu tú"
      okText="Thêm"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgUnitId: defaultOrgUnitId, educationArea: 'normal', sex: 'male' }}
      >
        <Form.Item
          name="orgUnitId"
          label="Chi bộ bồi dưỡng, giới thiệu"
          rules={[{ required: true, message: 'Chọn chi bộ.' }]}
        >
          <OrgUnitSelect onlyKinds={['cell', 'grassroots_cell']} />
        </Form.Item>
        <ApplicantFields />
      </Form>
    </Modal>
  );
};
