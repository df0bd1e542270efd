import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TCommitteeRow } from '../../../../contracts/committees';
import {
  type CommitteeEndReason,
  type CommitteePosition,
  type CommitteeStartReason,
  committeeEndReasonLabels,
  committeeEndReasons,
  committeePositionLabels,
  committeePositions,
  committeeStartReasonLabels,
} from '../../../../domain/enums/congresses';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { MemberPicker } from '../../components/MemberPicker';
import { committeeRoots } from './keys';

const iso = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');
const positionOptions = committeePositions.map((p) => ({
  value: p,
  label: committeePositionLabels[p],
}));
const startOptions = (['appointed', 'supplemented', 'elected'] as CommitteeStartReason[]).map(
  (r) => ({ value: r, label: committeeStartReasonLabels[r] }),
);
// "Term ended" is written when a new term opens, not by hand.
const endOptions = committeeEndReasons
  .filter((r) => r !== 'term_ended')
  .map((r) => ({ value: r, label: committeeEndReasonLabels[r as CommitteeEndReason] }));

const useSave = (form: ReturnType<typeof Form.useForm>[0], onClose: () => void) => {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const run = async (call: () => Promise<unknown>, done: string) => {
    setSaving(true);
    setError(null);
    try {
      await call();
      message.success(done);
      for (const queryKey of committeeRoots) client.invalidateQueries({ queryKey });
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  return { error, saving, run };
};

/** Mid-term: a member appointed or elected to fill a position. */
export const AddPositionModal = ({
  unitId,
  unitName,
  onClose,
}: {
  unitId: number;
  unitName: string;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const { error, saving, run } = useSave(form, onClose);
  const submit = (v: {
    memberId: number;
    position: CommitteePosition;
    startReason: CommitteeStartReason;
    fromDate: Dayjs;
    decisionRef: string;
    termFromYear?: number;
    termToYear?: number;
  }) =>
    run(
      () =>
        api.POST('/api/committees/positions', {
          body: {
            orgUnitId: unitId,
            memberId: v.memberId,
            position: v.position,
            startReason: v.startReason,
            fromDate: iso(v.fromDate)!,
            decisionRef: v.decisionRef,
            termFromYear: v.termFromYear ?? null,
            termToYear: v.termToYear ?? null,
          },
        }),
      'Đã ghi chức vụ cấp ủy.',
    );
  return (
    <Modal
      open
      title={`Bổ sung chức vụ cấp ủy – ${unitName}`}
      okText="Ghi"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ startReason: 'appointed', position: 'member' }}
      >
        <Form.Item
          name="memberId"
          label="Đảng viên"
          rules={[{ required: true, message: 'Chọn đảng viên.' }]}
        >
          <MemberPicker orgUnitId={unitId} />
        </Form.Item>
        <Form.Item name="position" label="Chức vụ" rules={[{ required: true }]}>
          <Select options={positionOptions} />
        </Form.Item>
        <Form.Item name="startReason" label="Hình thức" rules={[{ required: true }]}>
          <Select options={startOptions} />
        </Form.Item>
        <Form.Item
          name="fromDate"
          label="Từ ngày"
          rules={[{ required: true, message: 'Chọn ngày.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="decisionRef"
          label="Quyết định (số, ngày)"
          rules={[{ required: true, message: 'Cần ghi số, ngày của quyết định.' }]}
        >
          <Input placeholder="Quyết định số 12-QĐ/ĐU ngày 01/3/2026" />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="termFromYear"
            label="Nhiệm kỳ từ năm"
            tooltip="Để trống: nhiệm kỳ đang có hiệu lực"
          >
            <InputNumber min={1930} max={2999} />
          </Form.Item>
          <Form.Item name="termToYear" label="đến năm">
            <InputNumber min={1930} max={2999} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
};

/** Mid-term: a member leaves a position (toDate is the last day held). */
export const EndPositionModal = ({ row, onClose }: { row: TCommitteeRow; onClose: () => void }) => {
  const [form] = Form.useForm();
  const { error, saving, run } = useSave(form, onClose);
  const submit = (v: { toDate: Dayjs; endReason: CommitteeEndReason; decisionRef: string }) =>
    run(
      () =>
        api.POST('/api/committees/positions/{id}/end', {
          params: { path: { id: row.id } },
          body: {
            version: row.version,
            toDate: iso(v.toDate)!,
            endReason: v.endReason,
            decisionRef: v.decisionRef,
          },
        }),
      'Đã ghi việc thôi giữ chức vụ.',
    );
  return (
    <Modal
      open
      title={`Thôi giữ chức vụ: ${row.fullName} – ${committeePositionLabels[row.position]}`}
      okText="Ghi"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <p>Giữ chức vụ từ ngày {formatDate(row.fromDate)}.</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="endReason"
          label="Lý do"
          rules={[{ required: true, message: 'Chọn lý do.' }]}
        >
          <Select options={endOptions} />
        </Form.Item>
        <Form.Item
          name="toDate"
          label="Giữ chức vụ đến hết ngày"
          rules={[{ required: true, message: 'Chọn ngày.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="decisionRef"
          label="Quyết định (số, ngày)"
          rules={[{ required: true, message: 'Cần ghi số, ngày của quyết định.' }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Mid-term: a member moves to another position from a date (the old one ends the day before). */
export const ChangePositionModal = ({
  row,
  onClose,
}: {
  row: TCommitteeRow;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const { error, saving, run } = useSave(form, onClose);
  const submit = (v: {
    date: Dayjs;
    position: CommitteePosition;
    startReason: CommitteeStartReason;
    decisionRef: string;
  }) =>
    run(
      () =>
        api.POST('/api/committees/positions/{id}/change', {
          params: { path: { id: row.id } },
          body: {
            version: row.version,
            date: iso(v.date)!,
            position: v.position,
            startReason: v.startReason,
            decisionRef: v.decisionRef,
          },
        }),
      'Đã ghi việc chuyển chức vụ.',
    );
  return (
    <Modal
      open
      title={`Chuyển chức vụ: ${row.fullName}`}
      okText="Ghi"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <p>
        Đang giữ: {committeePositionLabels[row.position]} (từ {formatDate(row.fromDate)}).
      </p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ startReason: 'supplemented' }}
      >
        <Form.Item
          name="position"
          label="Chức vụ mới"
          rules={[{ required: true, message: 'Chọn chức vụ.' }]}
        >
          <Select options={positionOptions.filter((p) => p.value !== row.position)} />
        </Form.Item>
        <Form.Item name="startReason" label="Hình thức" rules={[{ required: true }]}>
          <Select options={startOptions} />
        </Form.Item>
        <Form.Item
          name="date"
          label="Nhận chức vụ mới từ ngày"
          rules={[{ required: true, message: 'Chọn ngày.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="decisionRef"
          label="Quyết định (số, ngày)"
          rules={[{ required: true, message: 'Cần ghi số, ngày của quyết định.' }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
};
