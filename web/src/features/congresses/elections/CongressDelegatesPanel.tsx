// Delegates of a congress of delegates (a section of the congress page): the allocation per lower
// unit, the delegates each lower congress elected, ex-officio and appointed delegates, and the
// credentials check (thẩm tra tư cách đại biểu) with its counts.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { TDelegateBoard } from '../../../../../contracts/congress-elections';
import {
  type CredentialStatus,
  credentialStatusLabels,
  delegateKindLabels,
} from '../../../../../domain/enums/congresses';
import { api } from '../../../api/client';
import { applyApiError } from '../../../components/errors';
import { MemberPicker } from '../../../components/MemberPicker';
import { congressElectionsKeys } from './keys';

type Delegate = TDelegateBoard['units'][number]['delegates'][number];

const credentialColor: Record<CredentialStatus, string | undefined> = {
  pending: undefined,
  accepted: 'green',
  rejected: 'red',
};

const useRefresh = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: congressElectionsKeys.congressDelegates() });
};

const AllocationsModal = ({ board, onClose }: { board: TDelegateBoard; onClose: () => void }) => {
  const [form] = Form.useForm<{
    rows: { fromOrgUnitId: number; seats: number; alternates: number }[];
  }>();
  const refresh = useRefresh();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const byUnit = new Map(board.units.map((u) => [u.orgUnitId, u]));
  const rows = board.lowerUnits.map((u) => ({
    fromOrgUnitId: u.id,
    name: u.name,
    seats: byUnit.get(u.id)?.seats ?? 0,
    alternates: byUnit.get(u.id)?.alternates ?? 0,
  }));
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.PUT('/api/congresses/{id}/delegates/allocations', {
        params: { path: { id: board.congressId } },
        body: {
          allocations: v.rows
            .filter((r) => (r.seats ?? 0) > 0 || (r.alternates ?? 0) > 0)
            .map((r) => ({
              fromOrgUnitId: r.fromOrgUnitId,
              seats: r.seats ?? 0,
              alternates: r.alternates ?? 0,
            })),
        },
      });
      await refresh();
      onClose();
    } catch (e) {
      setError(applyApiError(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Phân bổ đại biểu cho các tổ chức đảng trực thuộc"
      onCancel={onClose}
      onOk={save}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      width={640}
      style={{ maxWidth: 'calc(100vw - 16px)' }}
      destroyOnHidden
    >
      <Form form={form} initialValues={{ rows }} layout="vertical">
        <Form.List name="rows">
          {(fields) =>
            fields.map((field, i) => (
              <Row key={field.key} gutter={8} align="bottom">
                <Form.Item name={[field.name, 'fromOrgUnitId']} hidden>
                  <InputNumber />
                </Form.Item>
                <Col xs={24} sm={12}>
                  <Typography.Text strong>{rows[i]?.name}</Typography.Text>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item
                    name={[field.name, 'seats']}
                    label="Chính thức"
                    style={{ marginBottom: 8 }}
                  >
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item
                    name={[field.name, 'alternates']}
                    label="Dự khuyết"
                    style={{ marginBottom: 8 }}
                  >
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            ))
          }
        </Form.List>
      </Form>
      {rows.length === 0 ? <Empty description="Không có tổ chức đảng trực thuộc." /> : null}
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
};

const AddDelegateModal = ({ board, onClose }: { board: TDelegateBoard; onClose: () => void }) => {
  const [form] = Form.useForm();
  const refresh = useRefresh();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.POST('/api/congresses/{id}/delegates', {
        params: { path: { id: board.congressId } },
        body: {
          memberId: v.memberId,
          fromOrgUnitId: v.fromOrgUnitId,
          kind: v.kind,
          isAlternate: v.isAlternate ?? false,
        },
      });
      await refresh();
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
      title="Thêm đại biểu"
      onCancel={onClose}
      onOk={save}
      okText="Thêm"
      cancelText="Hủy"
      confirmLoading={saving}
      style={{ maxWidth: 'calc(100vw - 16px)' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'ex_officio', fromOrgUnitId: board.orgUnitId }}
      >
        <Form.Item name="kind" label="Loại đại biểu">
          <Select
            options={[
              { value: 'ex_officio', label: delegateKindLabels.ex_officio },
              { value: 'appointed', label: delegateKindLabels.appointed },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="memberId"
          label="Đảng viên"
          rules={[{ required: true, message: 'Chọn đảng viên.' }]}
        >
          <MemberPicker orgUnitId={board.orgUnitId} />
        </Form.Item>
        <Form.Item name="fromOrgUnitId" label="Thuộc đoàn đại biểu">
          <Select
            options={[
              { value: board.orgUnitId, label: `${board.orgUnitName} (cấp ủy khóa đương nhiệm)` },
              ...board.lowerUnits.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        </Form.Item>
        <Form.Item name="isAlternate" valuePropName="checked">
          <Checkbox>Đại biểu dự khuyết</Checkbox>
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
};

const CredentialsModal = ({
  congressId,
  delegate,
  onClose,
}: {
  congressId: number;
  delegate: Delegate;
  onClose: () => void;
}) => {
  const [form] = Form.useForm<{ status: CredentialStatus; note?: string }>();
  const refresh = useRefresh();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.PUT('/api/congresses/{id}/delegates/{delegateId}/credentials', {
        params: { path: { id: congressId, delegateId: delegate.id } },
        body: { status: v.status, note: v.note ?? null, version: delegate.version },
      });
      await refresh();
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
      title={`Thẩm tra tư cách: ${delegate.fullName}`}
      onCancel={onClose}
      onOk={save}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      style={{ maxWidth: 'calc(100vw - 16px)' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: delegate.credentialStatus, note: delegate.credentialNote ?? '' }}
      >
        <Form.Item name="status" label="Kết luận">
          <Select
            options={(['accepted', 'rejected', 'pending'] as const).map((s) => ({
              value: s,
              label: credentialStatusLabels[s],
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú (bắt buộc khi không đủ tư cách)">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
};

/** Delegates of a congress of delegates by unit, with the allocation and the credentials marks. */
export const CongressDelegatesPanel = ({ congressId }: { congressId: number }) => {
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [allocating, setAllocating] = useState(false);
  const [adding, setAdding] = useState(false);
  const [checking, setChecking] = useState<Delegate | null>(null);
  const { data, isLoading, error } = useQuery({
    queryKey: congressElectionsKeys.congressDelegates(congressId),
    queryFn: () =>
      api.GET('/api/congresses/{id}/delegates', { params: { path: { id: congressId } } }),
  });
  if (isLoading) return <Spin />;
  if (error || !data) return <Alert type="error" showIcon message={applyApiError(error)} />;
  if (data.kind !== 'delegates')
    return (
      <Alert
        type="info"
        showIcon
        message="Đại hội đảng viên: không có phân bổ và thẩm tra tư cách đại biểu."
      />
    );
  const take = async (fromOrgUnitId: number) => {
    try {
      const res = await api.POST('/api/congresses/{id}/delegates/elected', {
        params: { path: { id: congressId } },
        body: { fromOrgUnitId },
      });
      message.success(`Đã thêm ${res.added} đại biểu được bầu.`);
      await refresh();
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const remove = async (d: Delegate) => {
    try {
      await api.DELETE('/api/congresses/{id}/delegates/{delegateId}', {
        params: { path: { id: congressId, delegateId: d.id } },
      });
      await refresh();
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const t = data.totals;
  return (
    <div>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} sm={6}>
          <Statistic
            title="Phân bổ (chính thức + dự khuyết)"
            value={`${t.seats} + ${t.alternates}`}
          />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title="Đại biểu / được bầu" value={`${t.delegates} / ${t.elected}`} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title="Đủ tư cách" value={t.accepted} valueStyle={{ color: '#2e7d32' }} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title="Không đủ / chưa thẩm tra" value={`${t.rejected} / ${t.pending}`} />
        </Col>
      </Row>
      {data.canWrite ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button onClick={() => setAllocating(true)}>Phân bổ đại biểu</Button>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            Thêm đại biểu đương nhiên, chỉ định
          </Button>
        </Space>
      ) : null}
      {data.units.length === 0 ? <Empty description="Chưa phân bổ đại biểu." /> : null}
      {data.units.map((u) => (
        <Card
          key={u.orgUnitId}
          size="small"
          style={{ marginBottom: 12 }}
          title={u.orgUnitName}
          extra={
            data.canWrite && u.hasElectedToImport ? (
              <Button size="small" icon={<DownloadOutlined />} onClick={() => take(u.orgUnitId)}>
                Lấy đại biểu được bầu
              </Button>
            ) : null
          }
        >
          <Space wrap size={4} style={{ marginBottom: 8 }}>
            <Tag>
              Phân bổ {u.seats} chính thức{u.alternates ? `, ${u.alternates} dự khuyết` : ''}
            </Tag>
            <Tag color={u.elected > u.seats ? 'red' : 'blue'}>
              Được bầu {u.elected}
              {u.electedAlternates ? ` + ${u.electedAlternates} dự khuyết` : ''}
            </Tag>
            <Tag color="green">Đủ tư cách {u.accepted}</Tag>
            {u.rejected ? <Tag color="red">Không đủ {u.rejected}</Tag> : null}
            {u.pending ? <Tag>Chưa thẩm tra {u.pending}</Tag> : null}
          </Space>
          <List
            size="small"
            dataSource={u.delegates}
            locale={{ emptyText: 'Chưa có đại biểu.' }}
            renderItem={(d) => (
              <List.Item
                actions={
                  data.canWrite
                    ? [
                        <Button key="c" size="small" onClick={() => setChecking(d)}>
                          Thẩm tra
                        </Button>,
                        <Popconfirm
                          key="r"
                          title="Xóa đại biểu này?"
                          okText="Xóa"
                          cancelText="Không"
                          onConfirm={() => remove(d)}
                        >
                          <Button size="small" type="text" danger>
                            Xóa
                          </Button>
                        </Popconfirm>,
                      ]
                    : undefined
                }
              >
                <Space direction="vertical" size={0}>
                  <span>
                    {d.fullName}
                    {d.isAlternate ? ' (dự khuyết)' : ''}
                  </span>
                  <Space wrap size={4}>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {delegateKindLabels[d.kind]}
                    </Typography.Text>
                    <Tag color={credentialColor[d.credentialStatus]}>
                      {credentialStatusLabels[d.credentialStatus]}
                    </Tag>
                  </Space>
                  {d.credentialNote ? (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {d.credentialNote}
                    </Typography.Text>
                  ) : null}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ))}
      {allocating ? <AllocationsModal board={data} onClose={() => setAllocating(false)} /> : null}
      {adding ? <AddDelegateModal board={data} onClose={() => setAdding(false)} /> : null}
      {checking ? (
        <CredentialsModal
          congressId={congressId}
          delegate={checking}
          onClose={() => setChecking(null)}
        />
      ) : null}
    </div>
  );
};
