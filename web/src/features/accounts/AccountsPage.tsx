import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { TAccount } from '../../../../contracts/accounts';
import { type Role, roleLabels } from '../../../../domain/enums/roles';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { accountsKeys } from './keys';

const roleOptions = Object.entries(roleLabels).map(([value, label]) => ({ value, label }));

const AccountModal = ({
  account,
  onClose,
  onSaved,
}: {
  account: TAccount | null;
  onClose: () => void;
  onSaved: (password?: string) => void;
}) => {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form) as Role | undefined;
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      if (account) {
        await api.PUT('/api/accounts/{id}', {
          params: { path: { id: account.id } },
          body: {
            ...v,
            memberId: v.memberId ?? null,
            version: account.version,
          },
        });
        onSaved();
      } else {
        const created = await api.POST('/api/accounts', {
          body: {
            ...v,
            memberId: v.memberId ?? null,
          },
        });
        onSaved(created.password);
      }
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <Modal
      open
      title={account ? `Sửa tài khoản ${account.username}` : 'Tạo tài khoản'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={account ?? { role: 'cell_secretary', isActive: true }}
      >
        {!account && (
          <Form.Item
            name="username"
            label="Tên đăng nhập"
            rules={[{ required: true, message: 'Nhập tên đăng nhập.' }]}
          >
            <Input />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label="Họ tên, chức danh"
          rules={[{ required: true, message: 'Nhập họ tên.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label="Vai trò" rules={[{ required: true }]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item
          name="scopeOrgUnitId"
          label="Phạm vi tổ chức"
          rules={[{ required: true, message: 'Chọn phạm vi.' }]}
        >
          <OrgUnitSelect />
        </Form.Item>
        {role === 'member' && (
          <Form.Item
            name="memberId"
            label="Mã hồ sơ đảng viên"
            rules={[{ required: true, message: 'Nhập mã hồ sơ.' }]}
          >
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {account && (
          <Form.Item name="isActive" label="Đang hoạt động" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};

export const AccountsPage = () => {
  const client = useQueryClient();
  const { modal, message } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TAccount | null | undefined>(undefined);
  const list = useQuery({
    queryKey: accountsKeys.accounts(q, page),
    queryFn: () => api.GET('/api/accounts', { params: { query: { q, page } } }),
  });
  const showPassword = (username: string, password: string) =>
    modal.info({
      title: `Mật khẩu tạm thời của ${username}`,
      content: (
        <div>
          <Typography.Paragraph
            copyable={{ text: password }}
            style={{ fontSize: 20, fontFamily: 'monospace' }}
          >
            {password}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            Chỉ hiện một lần. Người dùng phải đổi mật khẩu khi đăng nhập.
          </Typography.Text>
        </div>
      ),
    });
  const reset = async (a: TAccount) => {
    const r = await api.POST('/api/accounts/{id}/reset-password', {
      params: { path: { id: a.id } },
    });
    showPassword(a.username, r.password);
    client.invalidateQueries({ queryKey: accountsKeys.accounts() });
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Tài khoản
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing(null)}>
          Tạo tài khoản
        </Button>
      </Space>
      <Input.Search
        placeholder="Tìm theo tên đăng nhập hoặc họ tên"
        allowClear
        onSearch={setQ}
        style={{ maxWidth: 420 }}
      />
      <Table<TAccount>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: 'Tên đăng nhập', dataIndex: 'username' },
          { title: 'Họ tên', dataIndex: 'displayName' },
          { title: 'Vai trò', dataIndex: 'role', render: (r: Role) => roleLabels[r] },
          { title: 'Phạm vi', dataIndex: 'scopeName' },
          {
            title: 'Trạng thái',
            key: 'state',
            render: (_, a) => (
              <Space>
                {a.isActive ? <Tag color="green">Hoạt động</Tag> : <Tag>Đã khóa</Tag>}
                {a.mustChangePassword && <Tag color="gold">Chờ đổi mật khẩu</Tag>}
                {a.lockedUntil && new Date(a.lockedUntil) > new Date() && (
                  <Tag color="red">Tạm khóa do nhập sai</Tag>
                )}
              </Space>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_, a) => (
              <Space>
                <Button size="small" onClick={() => setEditing(a)}>
                  Sửa
                </Button>
                <Button size="small" onClick={() => reset(a)}>
                  Đặt lại mật khẩu
                </Button>
                <Button
                  size="small"
                  onClick={async () => {
                    await api.POST('/api/accounts/{id}/reset-totp', {
                      params: { path: { id: a.id } },
                    });
                    message.success(`${a.username} sẽ cài đặt lại xác thực hai lớp khi đăng nhập.`);
                  }}
                >
                  Đặt lại xác thực hai lớp
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <AccountModal
          account={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(password) => {
            const username = editing?.username;
            setEditing(undefined);
            client.invalidateQueries({ queryKey: accountsKeys.accounts() });
            if (password) showPassword(username ?? 'tài khoản mới', password);
            else message.success('Đã lưu tài khoản.');
          }}
        />
      )}
    </Space>
  );
};
