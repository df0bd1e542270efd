import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudServerOutlined,
  CrownOutlined,
  DashboardOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  FundOutlined,
  LogoutOutlined,
  ScheduleOutlined,
  SettingOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserAddOutlined,
  UserOutlined,
  UserSwitchOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../../../domain/enums/roles';
import { api } from '../api/client';
import { sessionKey, useAuth } from './auth';

const items = [
  {
    key: '/viec-can-lam',
    icon: <BellOutlined />,
    label: 'Việc cần làm',
    permission: 'recruitment.read',
  },
  {
    key: '/tong-quan',
    icon: <DashboardOutlined />,
    label: 'Tổng quan',
    permission: 'overview.read',
  },
  {
    key: '/dieu-hanh',
    icon: <AimOutlined />,
    label: 'Bảng điều hành',
    permission: 'plans.read',
  },
  {
    key: '/ke-hoach',
    icon: <ScheduleOutlined />,
    label: 'Kế hoạch, chỉ tiêu',
    permission: 'plans.read',
  },
  { key: '/to-chuc', icon: <ApartmentOutlined />, label: 'Tổ chức đảng', permission: 'org.read' },
  { key: '/dang-vien', icon: <TeamOutlined />, label: 'Đảng viên', permission: 'member.list' },
  {
    key: '/phat-trien-dang',
    icon: <UserAddOutlined />,
    label: 'Phát triển đảng viên',
    permission: 'recruitment.read',
  },
  { key: '/huy-hieu', icon: <StarOutlined />, label: 'Huy hiệu Đảng', permission: 'member.list' },
  { key: '/dang-phi', icon: <WalletOutlined />, label: 'Đảng phí', permission: 'member.list' },
  {
    key: '/kiem-tra-giam-sat',
    icon: <FileSearchOutlined />,
    label: 'Kiểm tra, giám sát',
    permission: 'inspection.read',
  },
  { key: '/ky-luat', icon: <AlertOutlined />, label: 'Kỷ luật', permission: 'discipline.read' },
  {
    key: '/so-lieu-kiem-tra',
    icon: <FundOutlined />,
    label: 'Số liệu kiểm tra, giám sát',
    permission: 'inspection.figures',
  },
  {
    key: '/nghi-quyet',
    icon: <BookOutlined />,
    label: 'Nghị quyết, chỉ thị',
    permission: 'resolution.read',
  },
  {
    key: '/bai-thu-hoach',
    icon: <EditOutlined />,
    label: 'Bài thu hoạch',
    permission: 'reflection.submit',
  },
  // A member reads only their own record's cấp ủy list, not a unit's committee (member.list).
  { key: '/cap-uy', icon: <CrownOutlined />, label: 'Cấp ủy', permission: 'member.list' },
  {
    key: '/sinh-hoat',
    icon: <ScheduleOutlined />,
    label: 'Hội nghị, sinh hoạt chi bộ',
    permission: 'meeting.read',
  },
  { key: '/dai-hoi', icon: <FlagOutlined />, label: 'Đại hội', permission: 'congress.read' },
  {
    key: '/danh-gia-xep-loai',
    icon: <TrophyOutlined />,
    label: 'Đánh giá, xếp loại',
    permission: 'evaluation.read',
  },
  {
    key: '/ket-qua-xep-loai',
    icon: <BarChartOutlined />,
    label: 'Kết quả xếp loại',
    permission: 'evaluation.results',
  },
  {
    key: '/bao-cao-tong-ket',
    icon: <FileTextOutlined />,
    label: 'Báo cáo tổng kết năm',
    permission: 'report.read',
  },
  {
    key: '/so-van-ban',
    icon: <FolderOpenOutlined />,
    label: 'Sổ văn bản đi',
    permission: 'document.read',
  },
  {
    key: '/nhap-du-lieu',
    icon: <FileExcelOutlined />,
    label: 'Nhập dữ liệu từ Excel',
    permission: 'import.run',
  },
  {
    key: '/lich-lam-viec',
    icon: <CalendarOutlined />,
    label: 'Lịch ngày làm việc',
    permission: 'org.read',
  },
  {
    key: '/tai-khoan',
    icon: <UserSwitchOutlined />,
    label: 'Tài khoản',
    permission: 'accounts.manage',
  },
  { key: '/nhat-ky', icon: <AuditOutlined />, label: 'Nhật ký hệ thống', permission: 'audit.read' },
  {
    key: '/sao-luu',
    icon: <CloudServerOutlined />,
    label: 'Sao lưu, phục hồi',
    permission: 'backup.manage',
  },
  { key: '/cai-dat', icon: <SettingOutlined />, label: 'Cài đặt', permission: 'settings.manage' },
];

/** The first page of the menu this account sees, if any. */
export const firstMenuPath = (can: (permission: string) => boolean): string | undefined =>
  items.find((i) => can(i.permission))?.key;

export const AppLayout = ({ children }: { children: ReactNode }) => {
  const { user, can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const { message } = App.useApp();
  // On a phone the sider folds into its trigger at the header's left edge: the header leaves room for
  // it and shows the unit on one line and the account as an icon (its name is in the menu).
  const narrow = !Grid.useBreakpoint().md;
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key ?? '';
  const menu = items.filter((i) => can(i.permission));
  if (user?.memberId && !can('member.list')) {
    menu.push({
      key: `/dang-vien/${user.memberId}`,
      icon: <UserOutlined />,
      label: 'Hồ sơ của tôi',
      permission: '',
    });
  }
  const logout = async (everywhere: boolean) => {
    await (everywhere ? api.POST('/api/auth/logout-everywhere') : api.POST('/api/auth/logout'));
    client.clear();
    client.setQueryData(sessionKey, null);
    message.success(everywhere ? 'Đã đăng xuất trên mọi thiết bị.' : 'Đã đăng xuất.');
    navigate('/dang-nhap');
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={230} breakpoint="lg" collapsedWidth={0} theme="dark">
        <div style={{ color: '#fff', padding: '18px 20px', fontWeight: 700, fontSize: 18 }}>
          ★ Công tác đảng vụ
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={menu.map(({ permission: _p, ...i }) => i)}
          onClick={(e) => navigate(e.key)}
          style={{ fontSize: 16 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: narrow ? '0 12px 0 56px' : '0 24px',
            gap: 12,
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            borderBottom: '1px solid #eee',
          }}
        >
          <Typography.Text strong style={{ fontSize: 16, minWidth: 0 }} ellipsis>
            {user?.scopeName}
          </Typography.Text>
          <Dropdown
            menu={{
              items: [
                ...(narrow
                  ? [
                      {
                        key: 'who',
                        disabled: true,
                        label: `${user?.displayName ?? ''} (${user ? roleLabels[user.role] : ''})`,
                      },
                    ]
                  : []),
                { key: 'pw', label: 'Đổi mật khẩu', onClick: () => navigate('/doi-mat-khau') },
                {
                  key: 'totp',
                  label: 'Xác thực hai lớp',
                  onClick: () => navigate('/xac-thuc-hai-lop'),
                },
                {
                  key: 'out',
                  label: 'Đăng xuất',
                  icon: <LogoutOutlined />,
                  onClick: () => logout(false),
                },
                { key: 'all', label: 'Đăng xuất trên mọi thiết bị', onClick: () => logout(true) },
              ],
            }}
          >
            <Space
              style={{ cursor: 'pointer', flexShrink: 0 }}
              data-testid="user-menu"
              aria-label={user?.displayName}
            >
              <UserOutlined />
              {!narrow && <span>{user?.displayName}</span>}
              {!narrow && (
                <Typography.Text type="secondary">
                  ({user ? roleLabels[user.role] : ''})
                </Typography.Text>
              )}
            </Space>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
};
