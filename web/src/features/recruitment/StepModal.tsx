import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TApplicantDetail } from '../../../../contracts/recruitment';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { FilePicker, uploadTo } from '../../components/FileUpload';

/** Record the next step (or a re-vote): date, document, votes, attached scan. */
export const StepModal = ({
  applicant,
  onClose,
  onDone,
}: {
  applicant: TApplicantDetail;
  onClose: () => void;
  onDone: (message: string, failed: boolean) => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const decisionSteps = ['admission_decision', 'recognition_decision'];
  const options = applicant.applicableSteps.filter(
    (s) =>
      s.step === applicant.nextStep && (applicant.canDecide || !decisionSteps.includes(s.step)),
  );
  const step = Form.useWatch('step', form) as string | undefined;
  const info = applicant.applicableSteps.find((s) => s.step === step);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setSaving(true);
    try {
      const documentId = file
        ? await uploadTo('/api/recruitment/documents', applicant.orgUnitId, file)
        : undefined;
      const result = await api.POST('/api/recruitment/applicants/{id}/steps', {
        params: { path: { id: applicant.id } },
        body: {
          step: v.step,
          stepDate: (v.stepDate as Dayjs).format('YYYY-MM-DD'),
          votesFor: v.votesFor,
          votesTotal: v.votesTotal,
          documentNumber: v.documentNumber,
          documentId,
          note: v.note,
          version: applicant.version,
        },
      });
      if (result.outcome === 'passed') message.success(result.message);
      onDone(result.message, result.outcome === 'failed');
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`Ghi bước: ${applicant.fullName}`}
      okText="Ghi"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="step-error"
        />
      )}
      {options.length === 0 ? (
        <Alert
          type="info"
          showIcon
          title="Bước tiếp theo là quyết định của Ban Thường vụ cấp trên; tài khoản của bạn không ghi được bước này."
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ step: options[0]?.step, stepDate: dayjs() }}
        >
          <Form.Item name="step" label="Bước" rules={[{ required: true }]}>
            <Select
              options={options.map((s) => ({
                value: s.step,
                label: `${s.label}${s.formCode ? ` (${s.formCode})` : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="stepDate"
            label="Ngày"
            rules={[{ required: true, message: 'Chọn ngày.' }]}
          >
            <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
          {info?.vote && (
            <Space>
              <Form.Item
                name="votesFor"
                label="Số tán thành"
                rules={[{ required: true, message: 'Nhập số tán thành.' }]}
              >
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item
                name="votesTotal"
                label={
                  info.vote === 'full_members'
                    ? 'Tổng số đảng viên chính thức'
                    : 'Tổng số cấp ủy viên'
                }
                rules={[{ required: true, message: 'Nhập tổng số.' }]}
              >
                <InputNumber min={1} />
              </Form.Item>
            </Space>
          )}
          <Form.Item
            name="documentNumber"
            label={
              step === 'card_issued'
                ? 'Số thẻ đảng viên'
                : step && decisionSteps.includes(step)
                  ? 'Số quyết định'
                  : 'Số văn bản'
            }
            rules={
              step === 'card_issued'
                ? [{ required: true, whitespace: true, message: 'Cần ghi số thẻ đảng viên.' }]
                : step && decisionSteps.includes(step)
                  ? [{ required: true, whitespace: true, message: 'Cần ghi số quyết định.' }]
                  : []
            }
          >
            <Input placeholder={info?.formCode ? `Văn bản mẫu ${info.formCode}` : undefined} />
          </Form.Item>
          <Form.Item label="Tệp đính kèm (bản chụp, PDF)">
            <FilePicker file={file} onChange={setFile} label="Chọn tệp" />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
};
