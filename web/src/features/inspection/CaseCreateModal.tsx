// An unplanned case (ngoài chương trình): kind, conducting body, subjects (organisations and/or
// members), decision, team (members with an account see the case file) and schedule.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TCaseInput } from '../../../../contracts/inspection';
import {
  type CaseKind,
  type ConductingBody,
  caseKindLabels,
  caseKinds,
  conductingBodies,
  conductingBodyLabels,
} from '../../../../domain/rules/inspection/inspection';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { DateInput } from '../../components/DateInput';
import { applyApiError } from '../../components/errors';
import { MemberPicker } from '../../components/MemberPicker';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { inspectionKeys } from './keys';
import { AccountPicker, bodyUnitKinds } from './shared';

export const teamRoleLabels: Record<TCaseInput['team'][number]['role'], string> = {
  lead: 'Trưởng đoàn',
  deputy: 'Phó trưởng đoàn',
  member: 'Thành viên',
  secretary: 'Thư ký',
};

type Values = {
  kind: CaseKind;
  body: ConductingBody;
  orgUnitId: number;
  title: string;
  content?: string;
  decisionNumber: string;
  decisionDate: string;
  plannedFrom?: string;
  plannedTo?: string;
  subjectOrgs?: { orgUnitId?: number }[];
  subjectMembers?: { memberId?: number }[];
  team?: { role: TCaseInput['team'][number]['role']; userId?: number; name?: string }[];
};

// Cases of a programme are opened from the programme's item; everything else may be unplanned.
const kindOptions = caseKinds
  .filter((k) => k !== 'inspection_programme')
  .map((k) => ({ value: k, label: caseKindLabels[k] }));

/** "Lương Đức Thịnh (Ban Thường vụ)" → "Lương Đức Thịnh". */
const personName = (displayName: string) => displayName.replace(/\s*\(.*\)\s*$/, '');

export const CaseCreateModal = ({ onClose }: { onClose: () => void }) => {
  const { user } = useAuth();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const body = Form.useWatch('body', form);
  const create = useMutation({
    mutationFn: (v: Values) =>
      api.POST('/api/inspection/cases', {
        body: {
          orgUnitId: v.orgUnitId,
          body: v.body,
          kind: v.kind,
          title: v.title,
          content: v.content || null,
          decisionNumber: v.decisionNumber,
          decisionDate: v.decisionDate,
          plannedFrom: v.plannedFrom || null,
          plannedTo: v.plannedTo || null,
          subjects: [
            ...(v.subjectOrgs ?? [])
              .filter((s) => s.orgUnitId)
              .map((s) => ({ kind: 'organisation', orgUnitId: s.orgUnitId })),
            ...(v.subjectMembers ?? [])
              .filter((s) => s.memberId)
              .map((s) => ({ kind: 'member', memberId: s.memberId })),
          ],
          team: (v.team ?? [])
            .filter((t) => t.name?.trim())
            .map((t) => ({ name: t.name, role: t.role, userId: t.userId ?? null })),
        } as ApiBody<'/api/inspection/cases', 'post'>,
      }),
    onSuccess: (res) => {
      message.success('Đã lập cuộc kiểm tra, giám sát.');
      client.invalidateQueries({ queryKey: inspectionKeys.inspectionCases() });
      navigate(`/kiem-tra-giam-sat/${res.id}`);
    },
    onError: (e) => {
      const text = applyApiError(e, form);
      setError(text);
      message.error(text);
    },
  });
  const submit = (v: Values) => {
    const hasSubject =
      (v.subjectOrgs ?? []).some((s) => s.orgUnitId) ||
      (v.subjectMembers ?? []).some((s) => s.memberId);
    if (!hasSubject) {
      setError('Cần ít nhất một đối tượng: một tổ chức đảng hoặc một đảng viên.');
      return;
    }
    setError(null);
    create.mutate(v);
  };
  return (
    <Modal
      open
      width={900}
      title="Lập cuộc kiểm tra, giám sát ngoài chương trình"
      okText="Lập cuộc kiểm tra, giám sát"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          body: 'upper_inspection',
          orgUnitId: user?.scopeOrgUnitId,
          subjectOrgs: [],
          subjectMembers: [{}],
          team: [{ role: 'lead' }],
        }}
        onValuesChange={(changed) => {
          if ('body' in changed) form.setFieldValue('orgUnitId', undefined);
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label="Loại" rules={[{ required: true, message: 'Chọn loại.' }]}>
              <Select options={kindOptions} placeholder="Ví dụ: Kiểm tra khi có dấu hiệu vi phạm" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="body" label="Chủ thể tiến hành">
              <Select
                options={conductingBodies.map((b) => ({
                  value: b,
                  label: conductingBodyLabels[b],
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="orgUnitId"
              label="Thuộc tổ chức đảng"
              rules={[{ required: true, message: 'Chọn tổ chức đảng của chủ thể.' }]}
            >
              <OrgUnitSelect
                style={{ width: '100%' }}
                onlyKinds={body ? bodyUnitKinds(body) : undefined}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="title"
              label="Tên cuộc kiểm tra, giám sát"
              rules={[{ required: true, message: 'Nhập tên.' }]}
            >
              <Input placeholder="Ví dụ: Kiểm tra khi có dấu hiệu vi phạm đối với đồng chí …" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="content" label="Nội dung (thông tin cần bảo mật)">
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="decisionNumber"
              label="Số quyết định"
              rules={[{ required: true, message: 'Cần nhập số quyết định.' }]}
            >
              <Input placeholder="Ví dụ: 15-QĐ/UBKT" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="decisionDate"
              label="Ngày quyết định"
              rules={[{ required: true, message: 'Chọn ngày.' }]}
            >
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="plannedFrom" label="Dự kiến từ">
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="plannedTo" label="đến">
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
        <Card size="small" title="Đối tượng kiểm tra, giám sát" style={{ marginBottom: 12 }}>
          <Form.List name="subjectMembers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[f.name, 'memberId']}
                      label={i === 0 ? 'Đảng viên' : undefined}
                      // Beside its "Bỏ" button within a phone's dialog (issue 22's walk).
                      style={{ width: 'min(560px, calc(100vw - 140px))' }}
                    >
                      <MemberPicker />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }}>
                      Bỏ
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({})} style={{ marginRight: 8 }}>
                  Thêm đảng viên
                </Button>
              </>
            )}
          </Form.List>
          <Form.List name="subjectOrgs">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" style={{ display: 'flex', marginTop: 12 }}>
                    <Form.Item
                      name={[f.name, 'orgUnitId']}
                      label={i === 0 ? 'Tổ chức đảng' : undefined}
                      // Beside its "Bỏ" button within a phone's dialog (issue 22's walk).
                      style={{ width: 'min(560px, calc(100vw - 140px))' }}
                    >
                      <OrgUnitSelect style={{ width: '100%' }} />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }}>
                      Bỏ
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({})} style={{ marginTop: 8 }}>
                  Thêm tổ chức đảng
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card size="small" title="Đoàn kiểm tra, giám sát">
          <Typography.Paragraph type="secondary">
            Người trong đoàn có tài khoản thì chọn tài khoản: họ sẽ xem được hồ sơ cuộc kiểm tra,
            giám sát này.
          </Typography.Paragraph>
          <Form.List name="team">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Row key={f.key} gutter={8} align="top">
                    <Col xs={24} md={5}>
                      <Form.Item name={[f.name, 'role']} label={i === 0 ? 'Vai trò' : undefined}>
                        <Select
                          aria-label={`Vai trò ${i + 1}`}
                          options={Object.entries(teamRoleLabels).map(([value, label]) => ({
                            value,
                            label,
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={9}>
                      <Form.Item
                        name={[f.name, 'userId']}
                        label={i === 0 ? 'Tài khoản (nếu có)' : undefined}
                      >
                        <AccountPicker
                          onPick={(a) => {
                            if (a)
                              form.setFieldValue(
                                ['team', f.name, 'name'],
                                personName(a.displayName),
                              );
                          }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={8}>
                      <Form.Item
                        name={[f.name, 'name']}
                        label={i === 0 ? 'Họ tên' : undefined}
                        rules={[{ required: true, message: 'Nhập họ tên.' }]}
                      >
                        <Input aria-label={`Họ tên thành viên ${i + 1}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      <Button
                        onClick={() => remove(f.name)}
                        style={{ marginTop: i === 0 ? 30 : 0 }}
                      >
                        Bỏ
                      </Button>
                    </Col>
                  </Row>
                ))}
                <Button onClick={() => add({ role: 'member' })}>Thêm người vào đoàn</Button>
              </>
            )}
          </Form.List>
        </Card>
      </Form>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
    </Modal>
  );
};
