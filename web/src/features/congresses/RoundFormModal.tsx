import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TRound } from '../../../../contracts/congresses';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { ResolutionPicker } from '../../components/ResolutionPicker';
import { congressesKeys } from './keys';
import { isoOf } from './shared';

type Values = {
  orgUnitId: number;
  name: string;
  fromYear: number;
  toYear: number;
  directiveRef?: string;
  directiveResolutionId?: number;
  planRef?: string;
  cellDeadline?: Dayjs;
  grassrootsDeadline?: Dayjs;
  upperDeadline?: Dayjs;
  note?: string;
  registerUnits?: boolean;
  registerOn?: Dayjs;
};

const day = (s: string | null | undefined) => (s ? dayjs(s) : undefined);

/** Create a round (optionally registering every unit's congress) or edit one. */
export const RoundFormModal = ({
  round,
  onClose,
  onSaved,
}: {
  round?: TRound;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) => {
  const { user } = useAuth();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    const fields = {
      name: v.name,
      fromYear: v.fromYear,
      toYear: v.toYear,
      directiveRef: v.directiveRef ?? null,
      directiveResolutionId: v.directiveResolutionId ?? null,
      planRef: v.planRef ?? null,
      cellDeadline: isoOf(v.cellDeadline),
      grassrootsDeadline: isoOf(v.grassrootsDeadline),
      upperDeadline: isoOf(v.upperDeadline),
      note: v.note ?? null,
    };
    try {
      if (round) {
        await api.PUT('/api/congresses/rounds/{id}', {
          params: { path: { id: round.id } },
          body: { ...fields, version: round.version },
        });
        message.success('Đã lưu đợt đại hội.');
        onSaved?.(round.id);
      } else {
        const res = await api.POST('/api/congresses/rounds', {
          body: {
            ...fields,
            orgUnitId: v.orgUnitId,
            registerUnits: v.registerUnits ?? false,
            registerOn: isoOf(v.registerOn),
          },
        });
        message.success(
          res.registered
            ? `Đã lập đợt đại hội và đăng ký ${res.registered} đại hội.`
            : 'Đã lập đợt đại hội.',
        );
        onSaved?.(res.id);
      }
      await client.invalidateQueries({ queryKey: congressesKeys.rounds() });
      await client.invalidateQueries({ queryKey: congressesKeys.round() });
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  const year = new Date().getFullYear();
  return (
    <Modal
      open
      title={round ? 'Sửa đợt đại hội' : 'Lập đợt đại hội'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      width={720}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          round
            ? {
                ...round,
                directiveRef: round.directiveRef ?? undefined,
                directiveResolutionId: round.directiveResolutionId ?? undefined,
                planRef: round.planRef ?? undefined,
                note: round.note ?? undefined,
                cellDeadline: day(round.cellDeadline),
                grassrootsDeadline: day(round.grassrootsDeadline),
                upperDeadline: day(round.upperDeadline),
              }
            : {
                orgUnitId: user?.scopeOrgUnitId,
                fromYear: year,
                toYear: year + 5,
                name: `Đại hội đảng bộ các cấp nhiệm kỳ ${year}–${year + 5}`,
                registerUnits: true,
                registerOn: dayjs(),
              }
        }
      >
        {!round && (
          <Form.Item
            name="orgUnitId"
            label="Cấp ủy chỉ đạo đợt đại hội"
            rules={[{ required: true, message: 'Chọn tổ chức.' }]}
          >
            <OrgUnitSelect />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label="Tên đợt"
          rules={[{ required: true, message: 'Cần nhập tên.' }]}
        >
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="fromYear" label="Nhiệm kỳ từ năm" rules={[{ required: true }]}>
            <InputNumber min={1990} max={2100} />
          </Form.Item>
          <Form.Item name="toYear" label="đến năm" rules={[{ required: true }]}>
            <InputNumber min={1990} max={2100} />
          </Form.Item>
        </Space>
        <Form.Item name="directiveRef" label="Chỉ thị của Bộ Chính trị">
          <Input placeholder="Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị" />
        </Form.Item>
        <Form.Item name="directiveResolutionId" label="Liên kết chỉ thị trong sổ nghị quyết">
          <ResolutionPicker
            allowClear
            kind="directive"
            placeholder="Gõ số hoặc trích yếu của chỉ thị để tìm"
            notFoundText="Không có chỉ thị phù hợp"
          />
        </Form.Item>
        <Form.Item name="planRef" label="Kế hoạch, hướng dẫn của cấp ủy">
          <Input placeholder="Kế hoạch số 12-KH/ĐU ngày …" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="cellDeadline" label="Hạn đại hội chi bộ">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="grassrootsDeadline" label="Hạn đại hội cơ sở">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="upperDeadline" label="Hạn đại hội cấp trên cơ sở">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
        {!round && (
          <Space wrap align="end">
            <Form.Item name="registerUnits" valuePropName="checked">
              <Checkbox>Đăng ký đại hội cho mọi tổ chức trong cây</Checkbox>
            </Form.Item>
            <Form.Item name="registerOn" label="Các tổ chức đang hoạt động vào ngày">
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
};
