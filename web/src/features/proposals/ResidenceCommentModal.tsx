import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  residenceConclusionLabels,
  residenceConclusions,
  residenceRecordedAs,
  residenceRecordedAsLabels,
  type TResidenceComment,
} from '../../../../contracts/proposals';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { FilePicker, uploadTo } from '../../components/FileUpload';
import { todayLocal } from '../resolutions/shared';
import { proposalsKeys } from './keys';

/** Record (or correct) the residence cell's comment on a member for a year (Quy định 213-QĐ/TW). */
export const ResidenceCommentModal = ({
  memberId,
  memberName,
  year,
  unitId,
  detail,
  onClose,
}: {
  memberId: number;
  memberName: string;
  year: number;
  /** The unit (in the user's scope) the scanned form is filed under. */
  unitId: number;
  detail?: TResidenceComment | null;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    const body = {
      memberId,
      year,
      residenceCell: v.residenceCell,
      residenceAddress: v.residenceAddress ?? null,
      commentedOn: v.commentedOn.format('YYYY-MM-DD'),
      comment: v.comment,
      conclusion: v.conclusion ?? null,
      recordedAs: v.recordedAs,
      documentId: detail?.documentId ?? null,
    };
    try {
      if (file) body.documentId = await uploadTo('/api/proposals/documents', unitId, file);
      if (detail)
        await api.PUT('/api/proposals/residence/{id}', {
          params: { path: { id: detail.id } },
          body: { ...body, version: detail.version },
        });
      else await api.POST('/api/proposals/residence', { body });
      message.success('Đã lưu nhận xét của chi bộ nơi cư trú.');
      await client.invalidateQueries({ queryKey: proposalsKeys.residenceRoster() });
      await client.invalidateQueries({ queryKey: proposalsKeys.memberResidence() });
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
      title={`Nhận xét nơi cư trú năm ${year}: ${memberName}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={save}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          residenceCell: detail?.residenceCell,
          residenceAddress: detail?.residenceAddress ?? undefined,
          commentedOn: dayjs(detail?.commentedOn ?? todayLocal()),
          comment: detail?.comment,
          conclusion: detail?.conclusion ?? 'fulfilled',
          recordedAs: detail?.recordedAs ?? 'transcribed',
        }}
      >
        <Form.Item
          name="residenceCell"
          label="Chi bộ nơi cư trú"
          rules={[{ required: true, message: 'Nhập tên chi bộ nơi cư trú.' }]}
        >
          <Input maxLength={300} placeholder="Ví dụ: Chi bộ khối 5, phường Đông Kinh" />
        </Form.Item>
        <Form.Item name="residenceAddress" label="Địa chỉ nơi cư trú">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="commentedOn"
          label="Ngày nhận xét"
          rules={[{ required: true, message: 'Chọn ngày nhận xét.' }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            disabledDate={(d) => {
              const iso = d.format('YYYY-MM-DD');
              return iso > todayLocal() || iso < `${year}-01-01`;
            }}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label="Nội dung nhận xét"
          rules={[{ required: true, message: 'Nhập nội dung nhận xét.' }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="conclusion" label="Kết luận">
          <Select
            allowClear
            options={residenceConclusions.map((c) => ({
              value: c,
              label: residenceConclusionLabels[c],
            }))}
          />
        </Form.Item>
        <Form.Item name="recordedAs" label="Cách ghi nhận" rules={[{ required: true }]}>
          <Select
            options={residenceRecordedAs.map((c) => ({
              value: c,
              label: residenceRecordedAsLabels[c],
            }))}
          />
        </Form.Item>
        <Form.Item
          label="Bản chụp phiếu nhận xét"
          extra={detail?.documentId && !file ? 'Đã có bản chụp; chọn tệp mới để thay.' : undefined}
        >
          <FilePicker file={file} onChange={setFile} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
