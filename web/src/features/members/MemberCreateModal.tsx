import { useQueryClient } from '@tanstack/react-query';
import { Alert, Col, DatePicker, Divider, Form, Input, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { membersKeys } from './keys';
import { fromFormValues, MemberFormFields } from './member-form';

export const MemberCreateModal = ({
  defaultUnit,
  onClose,
}: {
  defaultUnit?: number;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const { can } = useAuth();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const entryKind = Form.useWatch('entryKind', form) ?? 'admitted';
  const submit = async () => {
    const v = await form.validateFields();
    const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : null);
    const entry =
      v.entryKind === 'transferred_in'
        ? {
            kind: 'transferred_in',
            eventDate: day(v.entryDate),
            orgUnitId: v.entryUnit,
            standing: v.standing,
            originalAdmittedOn: day(v.originalAdmittedOn),
            originalRecognisedOn: day(v.originalRecognisedOn),
            externalOrg: v.externalOrg,
            decisionNumber: v.entryDecision,
          }
        : {
            kind: 'admitted',
            eventDate: day(v.entryDate),
            orgUnitId: v.entryUnit,
            decisionNumber: v.entryDecision,
          };
    setBusy(true);
    setError(null);
    try {
      const created = await api.POST('/api/members', {
        body: {
          ...fromFormValues(v, !can('member.readSensitive')),
          entry,
        } as ApiBody<'/api/members', 'post'>,
      });
      client.invalidateQueries({ queryKey: membersKeys.members() });
      navigate(`/dang-vien/${created.id}`);
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={980}
      title="Thêm đảng viên"
      okText="Lưu hồ sơ"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          entryKind: 'admitted',
          entryUnit: defaultUnit,
          sex: 'male',
          professionalLevel: 'bachelor',
          politicalTheory: 'none',
          ethnicity: 'Kinh',
          religion: 'Không',
          standing: 'full',
        }}
      >
        <Divider titlePlacement="start">Vào danh sách</Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="entryKind" label="Hình thức">
              <Radio.Group
                options={[
                  { value: 'admitted', label: 'Kết nạp mới' },
                  { value: 'transferred_in', label: 'Chuyển đến' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="entryUnit"
              label="Chi bộ sinh hoạt"
              rules={[{ required: true, message: 'Chọn chi bộ.' }]}
            >
              <OrgUnitSelect style={{ width: '100%' }} onlyKinds={['cell', 'grassroots_cell']} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="entryDate"
              label={
                entryKind === 'admitted' ? 'Ngày kết nạp (theo quyết định)' : 'Ngày chuyển đến'
              }
              rules={[{ required: true, message: 'Nhập ngày.' }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="entryDecision"
              label={entryKind === 'admitted' ? 'Số quyết định kết nạp' : 'Số giấy giới thiệu'}
            >
              <Input />
            </Form.Item>
          </Col>
          {entryKind === 'transferred_in' && (
            <>
              <Col xs={24} md={8}>
                <Form.Item name="externalOrg" label="Chuyển từ tổ chức đảng">
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="standing" label="Đảng viên">
                  <Select
                    options={[
                      { value: 'full', label: 'Chính thức' },
                      { value: 'probationary', label: 'Dự bị' },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="originalAdmittedOn"
                  label="Ngày vào Đảng"
                  rules={[{ required: true, message: 'Nhập ngày vào Đảng.' }]}
                >
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="originalRecognisedOn" label="Ngày chính thức">
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        <MemberFormFields showSensitive={can('member.readSensitive')} />
      </Form>
    </Modal>
  );
};
