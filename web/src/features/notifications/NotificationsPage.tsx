import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  type NotificationChannel,
  type NotificationKind,
  notificationChannelLabels,
  notificationChannels,
  notificationKindLabels,
  notificationKinds,
  type TNotification,
} from '../../../../contracts/notifications';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { notificationKeys } from './keys';

const kindColors: Record<NotificationKind, string> = {
  deadline: 'orange',
  evaluation_published: 'green',
  discipline_decided: 'red',
  transfer_received: 'blue',
  key_task_assigned: 'purple',
};

/** dd/mm/yyyy hh:mm in Vietnam's time, whatever the browser's zone. */
const formatDateTime = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${formatDate(d.slice(0, 10))} ${d.slice(11, 16)}`;
};

const NotificationList = () => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [kind, setKind] = useState<NotificationKind | undefined>();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const { data, error, isLoading } = useQuery({
    queryKey: notificationKeys.list(unreadOnly, kind, page),
    queryFn: () =>
      api.GET('/api/notifications', {
        params: {
          query: { unreadOnly: unreadOnly ? 'true' : undefined, kind, page, pageSize },
        },
      }),
  });
  const markRead = useMutation({
    mutationFn: (ids?: number[]) => api.POST('/api/notifications/read', { body: { ids } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all() }),
    onError: (e) => message.error(applyApiError(e)),
  });
  const open = (n: TNotification) => {
    if (!n.readAt) markRead.mutate([n.id]);
    if (n.link) navigate(n.link);
  };
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
            options={[
              { value: 'all', label: 'Tất cả' },
              { value: 'unread', label: `Chưa đọc${data ? ` (${data.unread})` : ''}` },
            ]}
            data-testid="notification-filter"
          />
          <Select
            allowClear
            placeholder="Mọi loại thông báo"
            style={{ minWidth: 220, maxWidth: '100%' }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={notificationKinds.map((k) => ({ value: k, label: notificationKindLabels[k] }))}
            data-testid="notification-kind"
          />
        </Space>
        <Button
          icon={<CheckOutlined />}
          disabled={!data?.unread}
          loading={markRead.isPending}
          onClick={() => markRead.mutate(undefined)}
          data-testid="mark-all-read"
        >
          Đánh dấu tất cả đã đọc
        </Button>
      </Space>
      <List
        loading={isLoading}
        data-testid="notifications"
        locale={{ emptyText: <Empty description="Không có thông báo." /> }}
        dataSource={data?.items}
        pagination={
          data && data.total > pageSize
            ? {
                current: page,
                pageSize,
                total: data.total,
                onChange: setPage,
                showSizeChanger: false,
                size: 'small',
              }
            : false
        }
        renderItem={(n) => (
          <List.Item
            data-testid="notification-item"
            data-unread={n.readAt ? undefined : 'true'}
            style={{ background: n.readAt ? undefined : '#f0f7ff', paddingInline: 8 }}
            actions={
              n.readAt
                ? []
                : [
                    <Button
                      key="read"
                      size="small"
                      type="link"
                      onClick={() => markRead.mutate([n.id])}
                      data-testid="mark-read"
                    >
                      Đã đọc
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Tag color={kindColors[n.kind]}>{notificationKindLabels[n.kind]}</Tag>
                  {n.link ? (
                    <Link
                      to={n.link}
                      onClick={(e) => {
                        e.preventDefault();
                        open(n);
                      }}
                      style={{ fontWeight: n.readAt ? 400 : 600, overflowWrap: 'anywhere' }}
                    >
                      {n.title}
                    </Link>
                  ) : (
                    <Typography.Text strong={!n.readAt} style={{ overflowWrap: 'anywhere' }}>
                      {n.title}
                    </Typography.Text>
                  )}
                </Space>
              }
              description={
                <span style={{ overflowWrap: 'anywhere' }}>
                  {n.detail}
                  <br />
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {n.eventDate ? `Ngày ${formatDate(n.eventDate)} · ` : ''}
                    Thông báo lúc {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </span>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
};

type SettingsForm = { email: string; channels: Record<NotificationKind, NotificationChannel> };

const NotificationSettingsPanel = () => {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsForm>();
  const { data } = useQuery({
    queryKey: notificationKeys.settings(),
    queryFn: () => api.GET('/api/notifications/settings'),
  });
  useEffect(() => {
    if (data) form.setFieldsValue({ email: data.email ?? '', channels: data.channels });
  }, [data, form]);
  const save = useMutation({
    mutationFn: (values: SettingsForm) =>
      api.PUT('/api/notifications/settings', {
        body: { email: values.email, channels: values.channels, version: data?.version ?? 0 },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationKeys.settings(), saved);
      message.success('Đã lưu cách nhận thông báo.');
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  if (!data) return null;
  return (
    <Card title="Cách nhận thông báo" size="small" data-testid="notification-settings">
      {!data.emailAvailable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Máy chủ chưa cấu hình gửi e-mail (SMTP): thông báo chỉ hiện trong ứng dụng; lựa chọn e-mail được lưu và có hiệu lực khi quản trị viên cấu hình."
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="email"
          label="Địa chỉ e-mail nhận thông báo"
          extra={
            data.memberEmail
              ? `Để trống: dùng địa chỉ trong hồ sơ đảng viên (${data.memberEmail}).`
              : 'Tài khoản chưa có địa chỉ e-mail: nhập địa chỉ để nhận thông báo qua e-mail.'
          }
        >
          <Input type="email" maxLength={254} data-testid="notification-email" />
        </Form.Item>
        {notificationKinds.map((k) => (
          <Form.Item key={k} name={['channels', k]} label={notificationKindLabels[k]}>
            <Select
              data-testid={`channel-${k}`}
              options={notificationChannels.map((c) => ({
                value: c,
                label: notificationChannelLabels[c],
              }))}
            />
          </Form.Item>
        ))}
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          data-testid="save-settings"
        >
          Lưu
        </Button>
      </Form>
    </Card>
  );
};

export const NotificationsPage = () => {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const run = useMutation({
    mutationFn: () => api.POST('/api/notifications/run', { body: {} }),
    onSuccess: (r) => {
      queryClient.invalidateQueries({ queryKey: notificationKeys.all() });
      message.success(
        `Đã tạo ${r.created} thông báo, gửi ${r.emailed} e-mail và ${r.digests} bản tổng hợp${r.failed ? `; ${r.failed} e-mail chưa gửi được` : ''}.`,
      );
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Thông báo
        </Typography.Title>
        {can('notification.run') && (
          <Button
            icon={<ReloadOutlined />}
            loading={run.isPending}
            onClick={() => run.mutate()}
            data-testid="run-notifications"
          >
            Tạo thông báo ngay
          </Button>
        )}
      </Space>
      <Typography.Text type="secondary">
        Thời hạn sắp đến, quá hạn trong phạm vi của đồng chí và các quyết định liên quan (kết quả
        xếp loại, kỷ luật, đảng viên chuyển đến, nhiệm vụ cấp trên giao).
        {can('recruitment.read') && (
          <>
            {' '}
            Xem đầy đủ các việc có hạn tại <Link to="/viec-can-lam">Việc cần làm</Link>.
          </>
        )}
      </Typography.Text>
      <NotificationList />
      <NotificationSettingsPanel />
    </Space>
  );
};
