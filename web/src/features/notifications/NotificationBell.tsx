import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { notificationKeys } from './keys';

/** The header's bell: the count of unread notifications, a click opens "Thông báo". */
export const NotificationBell = () => {
  const navigate = useNavigate();
  const { data } = useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: () => api.GET('/api/notifications/unread-count'),
    // The job runs every few minutes on the server: a minute's delay here is enough.
    refetchInterval: 60_000,
  });
  const unread = data?.unread ?? 0;
  return (
    <Tooltip title={unread > 0 ? `${unread} thông báo chưa đọc` : 'Thông báo'}>
      <Button
        type="text"
        onClick={() => navigate('/thong-bao')}
        aria-label={unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo'}
        data-testid="notification-bell"
        icon={
          <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
            <BellOutlined style={{ fontSize: 16 }} />
          </Badge>
        }
      />
    </Tooltip>
  );
};
