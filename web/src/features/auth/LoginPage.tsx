import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { ApiError, api, setCsrfToken } from '../../api/client';
import { sessionKey, useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { AuthCard } from './AuthCard';

export const LoginPage = () => {
  const { user } = useAuth();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [needCode, setNeedCode] = useState(false);
  if (user) return <Navigate to="/" replace />;
  const submit = async (values: { username: string; password: string; totpCode?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const session = await api.POST('/api/auth/login', { body: values });
      setCsrfToken(session.csrfToken);
      client.setQueryData(sessionKey, session);
      navigate(session.user.mustChangePassword ? '/doi-mat-khau' : '/');
    } catch (e) {
      if (e instanceof ApiError && e.details.totpRequired) setNeedCode(true);
      setError(applyApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthCard width={420}>
      <Typography.Title level={3} style={{ textAlign: 'center', color: '#b71c1c' }}>
        ★ Công tác đảng vụ
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        Đăng nhập để làm việc với dữ liệu trong phạm vi tổ chức của bạn
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit} size="large">
        <Form.Item
          name="username"
          label="Tên đăng nhập"
          rules={[{ required: true, message: 'Nhập tên đăng nhập.' }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label="Mật khẩu"
          rules={[{ required: true, message: 'Nhập mật khẩu.' }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        {needCode && (
          <Form.Item
            name="totpCode"
            label="Mã xác thực (6 số trên điện thoại)"
            rules={[{ required: true, message: 'Nhập mã 6 số.' }]}
          >
            <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" autoFocus />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy}>
          Đăng nhập
        </Button>
      </Form>
    </AuthCard>
  );
};
