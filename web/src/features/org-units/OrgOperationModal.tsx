import { useQuery } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Transfer, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TOrgOperation } from '../../../../contracts/org-units';
import {
  type OrgUnitKind,
  orgOperationLabels,
  orgUnitKindLabels,
} from '../../../../domain/enums/org-units';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { orgUnitsKeys } from './keys';

type Kind = TOrgOperation['kind'];

const descriptions: Record<Kind, string> = {
  establish: 'Thành lập một tổ chức mới trực thuộc tổ chức đang chọn.',
  rename: 'Đổi tên tổ chức đang chọn; tên cũ vẫn lưu trong lịch sử.',
  move: 'Chuyển tổ chức đang chọn (cùng các tổ chức và đảng viên trực thuộc) về trực thuộc tổ chức khác.',
  merge:
    'Hợp nhất tổ chức đang chọn vào một tổ chức khác: đảng viên và tổ chức trực thuộc chuyển sang, tổ chức cũ giải thể.',
  split: 'Chia chi bộ đang chọn thành hai chi bộ mới; mỗi đảng viên được phân vào một chi bộ.',
  dissolve: 'Giải thể tổ chức đang chọn (không còn đảng viên và tổ chức trực thuộc).',
};

export const OrgOperationModal = ({
  kind,
  unitId,
  onClose,
  onDone,
}: {
  kind: Kind;
  unitId: number;
  onClose: () => void;
  onDone: () => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secondPart, setSecondPart] = useState<string[]>([]);
  const unit = useQuery({
    queryKey: orgUnitsKeys.orgUnit(unitId, 'op'),
    queryFn: () => api.GET('/api/org-units/{id}', { params: { path: { id: unitId } } }),
  });
  const members = useQuery({
    queryKey: orgUnitsKeys.membersOf(unitId),
    queryFn: () =>
      api.GET('/api/members', { params: { query: { orgUnitId: unitId, pageSize: 200 } } }),
    enabled: kind === 'split',
  });

  const submit = async () => {
    const v = await form.validateFields();
    const decision = {
      effectiveDate: (v.effectiveDate as Dayjs).format('YYYY-MM-DD'),
      decisionNumber: v.decisionNumber,
      decisionDate: v.decisionDate ? (v.decisionDate as Dayjs).format('YYYY-MM-DD') : null,
      note: v.note,
    };
    let input: TOrgOperation;
    switch (kind) {
      case 'establish':
        input = {
          kind,
          parentId: unitId,
          unitKind: v.unitKind,
          name: v.name,
          shortName: v.shortName,
          ...decision,
        };
        break;
      case 'rename':
        input = { kind, orgUnitId: unitId, name: v.name, shortName: v.shortName, ...decision };
        break;
      case 'move':
        input = { kind, orgUnitId: unitId, newParentId: v.newParentId, ...decision };
        break;
      case 'merge':
        input = { kind, sourceIds: [unitId], targetId: v.targetId, ...decision };
        break;
      case 'split': {
        const all = (members.data?.items ?? []).map((m) => m.id);
        const second = new Set(secondPart.map(Number));
        input = {
          kind,
          orgUnitId: unitId,
          newUnits: [
            { name: v.name1, memberIds: all.filter((id) => !second.has(id)) },
            { name: v.name2, memberIds: [...second] },
          ],
          ...decision,
        };
        break;
      }
      default:
        input = { kind: 'dissolve', orgUnitId: unitId, ...decision };
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api.POST('/api/org-units/operations', { body: input });
      message.success(
        `Đã ghi quyết định ${decision.decisionNumber}${result.movedMembers ? `; ${result.movedMembers} đảng viên chuyển sinh hoạt` : ''}.`,
      );
      onDone();
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={kind === 'split' ? 900 : 620}
      title={`${orgOperationLabels[kind]}: ${unit.data?.name ?? ''}`}
      okText="Ghi quyết định"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
    >
      <Typography.Paragraph type="secondary">{descriptions[kind]}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          effectiveDate: dayjs(),
          unitKind: 'cell',
          name: kind === 'rename' ? unit.data?.name : undefined,
        }}
      >
        {kind === 'establish' && (
          <>
            <Form.Item name="unitKind" label="Loại tổ chức" rules={[{ required: true }]}>
              <Select
                options={(
                  [
                    'cell',
                    'grassroots_committee',
                    'grassroots_cell',
                    'sub_committee',
                  ] as OrgUnitKind[]
                ).map((k) => ({ value: k, label: orgUnitKindLabels[k] }))}
              />
            </Form.Item>
            <Form.Item
              name="name"
              label="Tên tổ chức"
              rules={[
                { required: true, message: 'Nhập tên tổ chức.' },
                { min: 3, message: 'Tên quá ngắn.' },
              ]}
            >
              <Input placeholder="Ví dụ: Chi bộ Phòng Tổng hợp" />
            </Form.Item>
            <Form.Item name="shortName" label="Tên viết tắt">
              <Input />
            </Form.Item>
          </>
        )}
        {kind === 'rename' && (
          <>
            <Form.Item
              name="name"
              label="Tên mới"
              rules={[
                { required: true, message: 'Nhập tên mới.' },
                { min: 3, message: 'Tên quá ngắn.' },
              ]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="shortName" label="Tên viết tắt mới">
              <Input />
            </Form.Item>
          </>
        )}
        {kind === 'move' && (
          <Form.Item
            name="newParentId"
            label="Chuyển về trực thuộc"
            rules={[{ required: true, message: 'Chọn tổ chức cấp trên mới.' }]}
          >
            <OrgUnitSelect />
          </Form.Item>
        )}
        {kind === 'merge' && (
          <Form.Item
            name="targetId"
            label="Hợp nhất vào"
            rules={[{ required: true, message: 'Chọn tổ chức nhận hợp nhất.' }]}
          >
            <OrgUnitSelect />
          </Form.Item>
        )}
        {kind === 'split' && (
          <>
            <Form.Item
              name="name1"
              label="Tên chi bộ mới thứ nhất (bên trái)"
              rules={[{ required: true, message: 'Nhập tên chi bộ.' }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="name2"
              label="Tên chi bộ mới thứ hai (bên phải)"
              rules={[{ required: true, message: 'Nhập tên chi bộ.' }]}
            >
              <Input />
            </Form.Item>
            <Transfer
              dataSource={(members.data?.items ?? []).map((m) => ({
                key: String(m.id),
                title: m.fullName,
              }))}
              targetKeys={secondPart}
              onChange={(keys) => setSecondPart(keys.map(String))}
              render={(item) => item.title}
              titles={['Chi bộ thứ nhất', 'Chi bộ thứ hai']}
              listStyle={{ width: 400, height: 320 }}
              showSearch
            />
          </>
        )}
        <Form.Item
          name="effectiveDate"
          label="Ngày hiệu lực"
          rules={[{ required: true, message: 'Chọn ngày hiệu lực.' }]}
          style={{ marginTop: 12 }}
        >
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item
          name="decisionNumber"
          label="Số quyết định"
          rules={[{ required: true, message: 'Cần nhập số quyết định.' }]}
        >
          <Input placeholder="Ví dụ: 125-QĐ/ĐU" />
        </Form.Item>
        <Form.Item name="decisionDate" label="Ngày ký quyết định">
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
