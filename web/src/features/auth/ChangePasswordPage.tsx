import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { AuthCard } from './AuthCard';

export const ChangePasswordPage = () => {
  const { user, refresh } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  if (!user) return <Navigate to="/dang-nhap" replace />;
  const submit = async (values: { currentPassword: string; newPassword: string }) => {
    setError(null);
    try {
      await api.POST('/api/auth/change-password', { body: values });
      await refresh();
      message.success('Đã đổi mật khẩu.');
      navigate('/');
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <AuthCard width={460}>
      <Typography.Title level={3}>Đổi mật khẩu</Typography.Title>
      {user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Bạn đang dùng mật khẩu tạm thời. Hãy đặt mật khẩu mới để tiếp tục."
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} size="large">
        <Form.Item
          name="currentPassword"
          label="Mật khẩu hiện tại"
          rules={[{ required: true, message: 'Nhập mật khẩu hiện tại.' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="Mật khẩu mới"
          extra="Ít nhất 10 ký tự, có cả chữ và số."
          rules={[
            { required: true, message: 'Nhập mật khẩu mới.' },
            { min: 10, message: 'Mật khẩu phải có ít nhất 10 ký tự.' },
            { pattern: /(?=.*\d)(?=.*\p{L})/u, message: 'Mật khẩu phải có cả chữ và số.' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="Nhập lại mật khẩu mới"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: 'Nhập lại mật khẩu mới.' },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('Hai mật khẩu không khớp.')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          Lưu mật khẩu mới
        </Button>
      </Form>
    </AuthCard>
  );
};
