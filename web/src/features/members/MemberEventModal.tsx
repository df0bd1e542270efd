import { Alert, App, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TMemberDetail } from '../../../../contracts/members';
import {
  type MemberEventKind,
  memberEventKinds,
  memberEventLabels,
} from '../../../../domain/enums/members';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';

const transferKinds: MemberEventKind[] = [
  'transferred_in',
  'transferred_out',
  'moved',
  'temporary_out',
  'temporary_return',
];
const needsCell: MemberEventKind[] = ['moved', 'readmitted', 'transferred_in'];
// Every event but the admission, which only creates a record.
const offered = memberEventKinds.filter((k) => k !== 'admitted');

export const MemberEventModal = ({
  member,
  onClose,
  onDone,
}: {
  member: TMemberDetail;
  onClose: () => void;
  onDone: () => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) as MemberEventKind | undefined;
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await api.POST('/api/members/{id}/events', {
        params: { path: { id: member.id } },
        body: {
          kind: v.kind,
          eventDate: (v.eventDate as Dayjs).format('YYYY-MM-DD'),
          orgUnitId: v.orgUnitId,
          externalOrg: v.externalOrg,
          decisionNumber: v.decisionNumber,
          letterNumber: v.letterNumber,
          letterDate: (v.letterDate as Dayjs | undefined)?.format('YYYY-MM-DD'),
          presentedOn: (v.presentedOn as Dayjs | undefined)?.format('YYYY-MM-DD'),
          note: v.note,
          version: member.version,
        },
      });
      message.success('Đã ghi sự kiện.');
      onDone();
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <Modal
      open
      title={`Ghi sự kiện: ${member.fullName}`}
      okText="Ghi"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ eventDate: dayjs() }}>
        <Form.Item
          name="kind"
          label="Sự kiện"
          rules={[{ required: true, message: 'Chọn sự kiện.' }]}
        >
          <Select options={offered.map((k) => ({ value: k, label: memberEventLabels[k] }))} />
        </Form.Item>
        <Form.Item
          name="eventDate"
          label="Ngày (theo quyết định)"
          rules={[{ required: true, message: 'Chọn ngày.' }]}
        >
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        {kind && needsCell.includes(kind) && (
          <Form.Item
            name="orgUnitId"
            label="Chi bộ sinh hoạt"
            rules={[{ required: true, message: 'Chọn chi bộ.' }]}
          >
            <OrgUnitSelect onlyKinds={['cell', 'grassroots_cell']} />
          </Form.Item>
        )}
        {kind && ['transferred_out', 'temporary_out', 'transferred_in'].includes(kind) && (
          <Form.Item name="externalOrg" label="Tổ chức đảng nơi đi / nơi đến">
            <Input />
          </Form.Item>
        )}
        <Form.Item name="decisionNumber" label="Số quyết định">
          <Input />
        </Form.Item>
        {kind && transferKinds.includes(kind) && (
          <Space wrap>
            <Form.Item name="letterNumber" label="Số giấy giới thiệu">
              <Input />
            </Form.Item>
            <Form.Item name="letterDate" label="Ngày giấy giới thiệu">
              <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
            <Form.Item name="presentedOn" label="Ngày xuất trình (nếu đã có)">
              <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** The receiving organisation confirms the member presented the transfer letter (≤ 30 days). */
export const LetterPresentedModal = ({
  memberId,
  eventId,
  onClose,
  onDone,
}: {
  memberId: number;
  eventId: number;
  onClose: () => void;
  onDone: (late: boolean) => void;
}) => {
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!date) return setError('Chọn ngày.');
    try {
      const r = await api.POST('/api/members/{id}/events/{eventId}/presented', {
        params: { path: { id: memberId, eventId } },
        body: { presentedOn: date.format('YYYY-MM-DD') },
      });
      onDone(r.late);
    } catch (e) {
      setError(applyApiError(e));
    }
  };
  return (
    <Modal
      open
      title="Xác nhận đã xuất trình giấy giới thiệu"
      okText="Ghi"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <DatePicker
        format="DD/MM/YYYY"
        value={date}
        onChange={setDate}
        disabledDate={(d) => d.isAfter(dayjs())}
      />
    </Modal>
  );
};
