import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  type ProposalSourceKind,
  proposalFieldLabels,
  proposalFields,
  proposalSourceKindLabels,
  proposalSourceKinds,
  type TProposal,
} from '../../../../contracts/proposals';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { FilePicker, uploadTo } from '../../components/FileUpload';
import { MemberPicker } from '../../components/MemberPicker';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { todayLocal } from '../inspection/shared';
import { meetingsKeys } from '../meetings/keys';
import { proposalsKeys } from './keys';

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * The conference or meeting where it was raised: the receiving unit's own meetings (its executive
 * committee conferences, a cell's meetings), latest first, found by date or words of the title.
 */
const MeetingSelect = ({
  unitId,
  value,
  onChange,
  id,
  valueLabel,
}: {
  unitId?: number;
  value?: number;
  onChange?: (id: number | undefined) => void;
  id?: string;
  valueLabel?: string;
}) => {
  const { data, isLoading } = useQuery({
    queryKey: meetingsKeys.meetings('of-unit', unitId),
    queryFn: () => api.GET('/api/meetings', { params: { query: { unit: unitId } } }),
    enabled: Boolean(unitId),
  });
  const options = (data?.items ?? []).map((m) => ({
    value: m.id,
    label: `${formatDate(m.heldOn)} — ${m.title}`,
  }));
  if (value && valueLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: valueLabel });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={isLoading}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      placeholder={unitId ? 'Chọn hội nghị, cuộc họp (nếu có)' : 'Chọn nơi tiếp nhận trước'}
      disabled={!unitId}
      notFoundContent="Đơn vị chưa ghi hội nghị, cuộc họp nào."
    />
  );
};

/** Receive a proposal (or edit one): who raised it, what, to whom, and who must answer by when. */
export const ProposalFormModal = ({
  detail,
  defaultUnitId,
  defaultUnitName,
  onClose,
}: {
  detail?: TProposal;
  defaultUnitId?: number;
  /** The name of the preset unit, shown until its branch is loaded. */
  defaultUnitName?: string;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const sourceKind = Form.useWatch('sourceKind', form) as ProposalSourceKind | undefined;
  const unitId = Form.useWatch('orgUnitId', form) as number | undefined;
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    const body = {
      orgUnitId: v.orgUnitId,
      sourceKind: v.sourceKind,
      sourceOrgUnitId: v.sourceKind === 'unit' ? v.sourceOrgUnitId : null,
      sourceMemberId:
        v.sourceKind === 'member' || v.sourceKind === 'conference_delegate'
          ? (v.sourceMemberId ?? null)
          : null,
      sourceText: v.sourceText ?? null,
      meetingId: v.meetingId ?? null,
      raisedOn: iso(v.raisedOn)!,
      field: v.field ?? null,
      content: v.content,
      addressee: v.addressee ?? null,
      assigneeOrgUnitId: v.assigneeOrgUnitId ?? null,
      dueOn: iso(v.dueOn),
    };
    try {
      if (detail)
        await api.PUT('/api/proposals/{id}', {
          params: { path: { id: detail.id } },
          body: { ...body, version: detail.version },
        });
      else await api.POST('/api/proposals', { body });
      message.success(detail ? 'Đã lưu kiến nghị.' : 'Đã tiếp nhận kiến nghị.');
      await client.invalidateQueries({ queryKey: proposalsKeys.proposals() });
      await client.invalidateQueries({ queryKey: proposalsKeys.proposal() });
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
      title={detail ? 'Sửa kiến nghị' : 'Tiếp nhận đề xuất, kiến nghị'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={save}
      confirmLoading={saving}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          orgUnitId: detail?.orgUnitId ?? defaultUnitId,
          sourceKind: detail?.sourceKind ?? 'unit',
          sourceOrgUnitId: detail?.sourceOrgUnitId ?? undefined,
          sourceMemberId: detail?.sourceMemberId ?? undefined,
          sourceText: detail?.sourceText ?? undefined,
          meetingId: detail?.meetingId ?? undefined,
          raisedOn: dayjs(detail?.raisedOn ?? todayLocal()),
          field: detail?.field ?? undefined,
          content: detail?.content,
          addressee: detail?.addressee ?? undefined,
          assigneeOrgUnitId: detail?.assigneeOrgUnitId ?? undefined,
          dueOn: detail?.dueOn ? dayjs(detail.dueOn) : undefined,
        }}
      >
        <Form.Item
          name="orgUnitId"
          label="Cấp ủy, tổ chức tiếp nhận"
          rules={[{ required: true, message: 'Chọn nơi tiếp nhận.' }]}
        >
          <OrgUnitSelect
            valueLabel={detail?.orgUnitName ?? defaultUnitName}
            onChange={(v) => form.setFieldsValue({ orgUnitId: v, meetingId: undefined })}
          />
        </Form.Item>
        <Form.Item
          name="sourceKind"
          label="Người, nơi đề xuất kiến nghị"
          rules={[{ required: true }]}
        >
          <Select
            options={proposalSourceKinds.map((k) => ({
              value: k,
              label: proposalSourceKindLabels[k],
            }))}
          />
        </Form.Item>
        {sourceKind === 'unit' && (
          <Form.Item
            name="sourceOrgUnitId"
            label="Tổ chức đảng đề xuất"
            rules={[{ required: true, message: 'Chọn tổ chức đảng.' }]}
          >
            <OrgUnitSelect valueLabel={detail?.sourceName} />
          </Form.Item>
        )}
        {(sourceKind === 'member' || sourceKind === 'conference_delegate') && (
          <Form.Item
            name="sourceMemberId"
            label="Đảng viên"
            rules={[{ required: sourceKind === 'member', message: 'Chọn đảng viên.' }]}
          >
            <MemberPicker valueLabel={detail?.sourceName} />
          </Form.Item>
        )}
        {(sourceKind === 'other' || sourceKind === 'conference_delegate') && (
          <Form.Item name="sourceText" label="Ghi rõ người, nơi đề xuất">
            <Input maxLength={300} placeholder="Ví dụ: Đại biểu Hội nghị Ban Chấp hành mở rộng" />
          </Form.Item>
        )}
        <Form.Item
          name="meetingId"
          label="Nêu tại hội nghị, cuộc họp"
          extra="Kiến nghị của đại biểu dự hội nghị: chọn hội nghị đã ghi ở Hội nghị, sinh hoạt."
        >
          <MeetingSelect
            unitId={unitId}
            valueLabel={
              detail?.meetingTitle
                ? `${formatDate(detail.meetingHeldOn)} — ${detail.meetingTitle}`
                : undefined
            }
          />
        </Form.Item>
        <Form.Item
          name="raisedOn"
          label="Ngày tiếp nhận"
          rules={[{ required: true, message: 'Chọn ngày tiếp nhận.' }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            disabledDate={(d) => d.format('YYYY-MM-DD') > todayLocal()}
          />
        </Form.Item>
        <Form.Item name="field" label="Lĩnh vực">
          <Select
            allowClear
            options={proposalFields.map((k) => ({ value: k, label: proposalFieldLabels[k] }))}
          />
        </Form.Item>
        <Form.Item
          name="content"
          label="Nội dung đề xuất, kiến nghị"
          rules={[{ required: true, message: 'Nhập nội dung.' }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="addressee" label="Gửi đến (cơ quan nhận kiến nghị)">
          <Input maxLength={300} placeholder="Ví dụ: Ban Thường vụ Đảng ủy" />
        </Form.Item>
        <Form.Item name="assigneeOrgUnitId" label="Giao tổ chức trả lời, giải quyết">
          <OrgUnitSelect allowClear valueLabel={detail?.assigneeOrgUnitName ?? undefined} />
        </Form.Item>
        <Form.Item name="dueOn" label="Hạn trả lời">
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Record the answer of the body that had to answer. */
export const ProposalAnswerModal = ({
  detail,
  onClose,
}: {
  detail: TProposal;
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
    try {
      const answerDocumentId =
        file && detail.answerUnitId
          ? await uploadTo('/api/proposals/documents', detail.answerUnitId, file)
          : null;
      await api.POST('/api/proposals/{id}/answer', {
        params: { path: { id: detail.id } },
        body: {
          answeredOn: iso(v.answeredOn)!,
          answer: v.answer,
          answerRef: v.answerRef ?? null,
          answerDocumentId,
          version: detail.version,
        },
      });
      message.success('Đã ghi nội dung trả lời.');
      await client.invalidateQueries({ queryKey: proposalsKeys.proposals() });
      await client.invalidateQueries({ queryKey: proposalsKeys.proposal() });
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
      title="Trả lời kiến nghị"
      okText="Lưu trả lời"
      cancelText="Hủy"
      onOk={save}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ answeredOn: dayjs(todayLocal()) }}>
        <Form.Item
          name="answeredOn"
          label="Ngày trả lời"
          rules={[{ required: true, message: 'Chọn ngày trả lời.' }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            disabledDate={(d) =>
              d.format('YYYY-MM-DD') > todayLocal() || d.format('YYYY-MM-DD') < detail.raisedOn
            }
          />
        </Form.Item>
        <Form.Item
          name="answer"
          label="Nội dung trả lời"
          rules={[{ required: true, message: 'Nhập nội dung trả lời.' }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="answerRef" label="Số văn bản trả lời">
          <Input maxLength={100} placeholder="Ví dụ: 15-CV/ĐU" />
        </Form.Item>
        <Form.Item label="Bản chụp văn bản trả lời">
          <FilePicker file={file} onChange={setFile} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
