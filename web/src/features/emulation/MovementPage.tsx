import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { modelFieldLabels } from '../../../../contracts/education';
import type { TMovementDetail } from '../../../../contracts/emulation';
import { formatDate, formatNumber } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { ExportButton, numberParam, PrintButton, useUrlFilters } from '../../components/long-list';
import { MemberPicker } from '../../components/MemberPicker';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { ModelRegisterModal } from '../education/ModelForms';
import { emulationKeys } from './keys';
import { MovementFormModal } from './MovementFormModal';

const modelStatus: Record<string, { label: string; color: string }> = {
  registered: { label: 'Đăng ký', color: 'blue' },
  recognised: { label: 'Được công nhận', color: 'green' },
  not_recognised: { label: 'Không công nhận', color: 'default' },
};

/** Register a unit, or one of its members, in the movement. */
const RegistrationModal = ({
  movement,
  onClose,
}: {
  movement: TMovementDetail;
  onClose: () => void;
}) => {
  const { user } = useAuth();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setSaving(true);
    try {
      await api.POST('/api/emulation/movements/{id}/registrations', {
        params: { path: { id: movement.id } },
        body: {
          orgUnitId: v.orgUnitId,
          memberId: v.memberId ?? null,
          registeredOn: v.registeredOn.format('YYYY-MM-DD'),
          undertaking: v.undertaking,
        },
      });
      message.success('Đã ghi đăng ký thi đua.');
      await client.invalidateQueries({ queryKey: emulationKeys.movement() });
      await client.invalidateQueries({ queryKey: emulationKeys.movements() });
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
      title="Đăng ký thi đua"
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgUnitId: user?.scopeOrgUnitId, registeredOn: dayjs() }}
      >
        <Form.Item name="orgUnitId" label="Đơn vị đăng ký" rules={[{ required: true }]}>
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="memberId" label="Đảng viên đăng ký (để trống nếu đơn vị đăng ký)">
          <MemberPicker allowClear />
        </Form.Item>
        <Form.Item
          name="registeredOn"
          label="Ngày đăng ký"
          rules={[{ required: true, message: 'Cần nhập ngày đăng ký.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="undertaking" label="Nội dung, chỉ tiêu đăng ký">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

// The registrations' filters in the URL (issue 22): the unit (and the units under it), the kind, the
// words, the page.
const registrationFilterKeys = ['don-vi', 'loai', 'tim', 'trang'] as const;
const kindSlugs = { 'don-vi': 'unit', 'dang-vien': 'member' } as const;
const registrationPageSize = 20;

/**
 * Who registered, in the user's subtree: a server-paged list in the order of the tree (a unit's own
 * registration, then its members'), filtered by unit, kind and words, exported and printed as
 * filtered (issues 20 and 22).
 */
const Registrations = ({ movementId, scopeTotal }: { movementId: number; scopeTotal: number }) => {
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [url, setUrl] = useUrlFilters(registrationFilterKeys);
  const unit = numberParam(url['don-vi']);
  const kind = url.loai === 'don-vi' || url.loai === 'dang-vien' ? kindSlugs[url.loai] : undefined;
  const q = url.tim || undefined;
  const page = numberParam(url.trang) ?? 1;
  const [text, setText] = useState(q ?? '');
  const filter = { unit, kind, q };
  const { data, error, isLoading } = useQuery({
    queryKey: emulationKeys.movement(movementId, 'registrations', filter, page),
    queryFn: () =>
      api.GET('/api/emulation/movements/{id}/registrations', {
        params: {
          path: { id: movementId },
          query: { ...filter, page, pageSize: registrationPageSize },
        },
      }),
    placeholderData: (previous) => previous,
  });
  const remove = async (registrationId: number) => {
    try {
      await api.DELETE('/api/emulation/registrations/{id}', {
        params: { path: { id: registrationId } },
      });
      message.success('Đã xóa đăng ký.');
      await client.invalidateQueries({ queryKey: emulationKeys.movement() });
      await client.invalidateQueries({ queryKey: emulationKeys.movements() });
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const counts = data?.counts ?? { units: 0, members: 0 };
  const filtered = Boolean(unit || kind || q);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap className="no-print">
        <OrgUnitSelect
          value={unit}
          allowClear
          placeholder="Mọi đơn vị trong phạm vi"
          onChange={(v) => setUrl({ 'don-vi': v, trang: undefined })}
          style={{ width: 320, maxWidth: '100%' }}
        />
        <Segmented
          value={url.loai === 'don-vi' || url.loai === 'dang-vien' ? url.loai : 'all'}
          onChange={(v) => setUrl({ loai: v === 'all' ? undefined : v, trang: undefined })}
          // The counts are in the summary line below, not in the labels: "Tất cả (1.613)", "Đơn vị
          // (285)", "Đảng viên (1.328)" side by side were 21 px wider than a 390 px phone.
          options={[
            { value: 'all', label: 'Tất cả' },
            { value: 'don-vi', label: 'Đơn vị' },
            { value: 'dang-vien', label: 'Đảng viên' },
          ]}
          data-testid="registrations-kind"
        />
        <Input.Search
          allowClear
          placeholder="Tìm theo đơn vị, đảng viên, nội dung đăng ký"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setUrl({ tim: v.trim(), trang: undefined })}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="registrations-text"
        />
        <ExportButton
          path={`/api/emulation/movements/${movementId}/registrations.xlsx`}
          query={filter}
          disabled={!data || data.total === 0}
        />
        <PrintButton />
      </Space>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {data && (
        <Typography.Text type="secondary" data-testid="registrations-summary">
          {formatNumber(data.total)} lượt đăng ký{filtered ? ' khớp bộ lọc' : ''}:{' '}
          {formatNumber(counts.units)} đơn vị, {formatNumber(counts.members)} đảng viên
          {kind ? ` (đang xem ${kind === 'unit' ? 'đơn vị' : 'đảng viên'})` : ''}
          {filtered ? `; trong phạm vi có ${formatNumber(scopeTotal)} lượt đăng ký` : ''}.
        </Typography.Text>
      )}
      <Table
        rowKey="id"
        data-testid="registrations"
        size="small"
        loading={isLoading}
        dataSource={data?.items}
        tableLayout="fixed"
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: registrationPageSize,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n, [a, b]) =>
            `${formatNumber(a)}–${formatNumber(b)} trong ${formatNumber(n)}`,
          onChange: (p) => setUrl({ trang: p > 1 ? p : undefined }),
          size: 'small',
        }}
        columns={[
          {
            title: 'Đơn vị',
            key: 'unit',
            width: 260,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>{r.orgUnitName}</span>
                {r.parentName && <Typography.Text type="secondary">{r.parentName}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: 'Đảng viên',
            key: 'member',
            width: 180,
            render: (_, r) => r.memberName ?? <i>Cả đơn vị</i>,
          },
          {
            title: 'Ngày đăng ký',
            key: 'registeredOn',
            width: 110,
            render: (_, r) => formatDate(r.registeredOn),
          },
          { title: 'Nội dung đăng ký', key: 'undertaking', render: (_, r) => r.undertaking ?? '—' },
          ...(can('emulation.register')
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 70,
                  className: 'no-print',
                  render: (_: unknown, r: { id: number }) => (
                    <Popconfirm
                      title="Xóa đăng ký nhập nhầm?"
                      okText="Xóa"
                      cancelText="Không"
                      onConfirm={() => remove(r.id)}
                    >
                      <Button size="small" danger>
                        Xóa
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
};

/** One movement: its criteria, who registered (in the user's subtree), and its models. */
export const MovementPage = () => {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const [registering, setRegistering] = useState(false);
  const [registeringModel, setRegisteringModel] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: emulationKeys.movement(id),
    queryFn: () => api.GET('/api/emulation/movements/{id}', { params: { path: { id } } }),
  });
  if (isLoading) return <Spin />;
  if (error || !data) return <Alert type="error" showIcon title={(error as Error)?.message} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Space wrap>
        <Link to="/thi-dua">← Phong trào thi đua</Link>
      </Space>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {data.name}
      </Typography.Title>
      <Card extra={data.canEdit && <Button onClick={() => setEditing(true)}>Sửa</Button>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Cấp ủy phát động">{data.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label="Văn bản phát động">{data.launchRef ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {formatDate(data.fromDate)} – {formatDate(data.toDate)}
          </Descriptions.Item>
          {data.note && <Descriptions.Item label="Ghi chú">{data.note}</Descriptions.Item>}
        </Descriptions>
        <Typography.Title level={5}>Tiêu chí thi đua</Typography.Title>
        <ul data-testid="criteria">
          {data.criteria
            .split('\n')
            .filter((c) => c.trim())
            .map((c) => (
              <li key={c}>{c}</li>
            ))}
        </ul>
      </Card>
      {/* No count in the title: the list's summary line says it ("1.613 lượt đăng ký: …"), so a
          growing count never crowds the button on a phone. */}
      <Card
        title="Đăng ký thi đua"
        extra={
          can('emulation.register') && (
            <Button type="primary" className="no-print" onClick={() => setRegistering(true)}>
              Đăng ký thi đua
            </Button>
          )
        }
      >
        <Registrations
          movementId={data.id}
          scopeTotal={data.registeredUnits + data.registeredMembers}
        />
      </Card>
      <Card
        title={`Mô hình, điển hình của phong trào (${formatNumber(data.models.length)})`}
        extra={
          can('education.record') && (
            <Button onClick={() => setRegisteringModel(true)}>Đăng ký mô hình</Button>
          )
        }
      >
        <Table
          rowKey="id"
          data-testid="models"
          size="small"
          dataSource={data.models}
          pagination={{ pageSize: 20 }}
          scroll={{ x: 700 }}
          columns={[
            { title: 'Mô hình', dataIndex: 'title' },
            {
              title: 'Đơn vị',
              render: (_, r) =>
                r.memberName ? `${r.memberName} – ${r.orgUnitName}` : r.orgUnitName,
            },
            {
              title: 'Lĩnh vực',
              render: (_, r) =>
                r.field
                  ? (modelFieldLabels[r.field as keyof typeof modelFieldLabels] ?? r.field)
                  : '—',
            },
            {
              title: 'Kết quả',
              render: (_, r) => {
                const s = modelStatus[r.status] ?? { label: r.status, color: 'default' };
                return (
                  <Space>
                    <Tag color={s.color}>{s.label}</Tag>
                    {r.decisionRef}
                    {r.reviewedOn && formatDate(r.reviewedOn)}
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      <Link to={`/khen-thuong?movementId=${data.id}`}>Khen thưởng trong phong trào này</Link>
      {editing && (
        <MovementFormModal
          detail={data}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {registering && <RegistrationModal movement={data} onClose={() => setRegistering(false)} />}
      {registeringModel && (
        <ModelRegisterModal movementId={data.id} onClose={() => setRegisteringModel(false)} />
      )}
    </Space>
  );
};
