import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  BulbOutlined,
  CalendarOutlined,
  CloudServerOutlined,
  CommentOutlined,
  CrownOutlined,
  DashboardOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileSearchOutlined,
  FileSyncOutlined,
  FileTextOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  FundOutlined,
  HomeOutlined,
  IdcardOutlined,
  LogoutOutlined,
  MenuOutlined,
  MessageOutlined,
  NotificationOutlined,
  ReadOutlined,
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
import { App, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../../../domain/enums/roles';
import { api } from '../api/client';
import { HelpButton } from '../features/help/HelpButton';
import { NotificationBell } from '../features/notifications/NotificationBell';
import './phone.css';
import './tables.css';
import { sessionKey, useAuth } from './auth';

const items = [
  // The home page per role (issue 22): the first page after login, for everyone.
  { key: '/', icon: <HomeOutlined />, label: 'Trang chủ', permission: 'home.read' },
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
  {
    key: '/anh-the',
    icon: <IdcardOutlined />,
    label: 'Ảnh thẻ đảng viên',
    permission: 'member.list',
  },
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
    key: '/thi-dua',
    icon: <FlagOutlined />,
    label: 'Phong trào thi đua',
    permission: 'emulation.read',
  },
  {
    key: '/khen-thuong',
    icon: <TrophyOutlined />,
    label: 'Khen thưởng',
    permission: 'commendation.read',
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
  {
    key: '/giao-duc-chinh-tri',
    icon: <ReadOutlined />,
    label: 'Giáo dục chính trị, tư tưởng',
    permission: 'education.read',
  },
  {
    key: '/mo-hinh-dien-hinh',
    icon: <BulbOutlined />,
    label: 'Mô hình, điển hình',
    permission: 'education.read',
  },
  {
    key: '/du-luan-xa-hoi',
    icon: <CommentOutlined />,
    label: 'Dư luận xã hội',
    permission: 'education.read',
  },
  { key: '/dai-hoi', icon: <FlagOutlined />, label: 'Đại hội', permission: 'congress.read' },
  {
    key: '/kien-nghi',
    icon: <MessageOutlined />,
    label: 'Đề xuất, kiến nghị',
    permission: 'proposal.read',
  },
  {
    key: '/nhan-xet-noi-cu-tru',
    icon: <HomeOutlined />,
    label: 'Nhận xét nơi cư trú',
    permission: 'member.list',
  },
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
    key: '/doi-chieu-csdl',
    icon: <FileSyncOutlined />,
    label: 'Đối chiếu CSDL đảng viên',
    permission: 'reconciliation.run',
  },
  {
    key: '/thong-bao',
    icon: <NotificationOutlined />,
    label: 'Thông báo',
    permission: 'notification.read',
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
  // Below the lg breakpoint (phones, small tablets) there is no sider: the menu is a drawer over the
  // page, opened by the header's ☰ button, so that it never narrows the content. On a phone the header
  // shows the unit on one line (ellipsis) and the account as an icon (its name is in its menu).
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const drawerMenu = !screens.lg;
  const [menuOpen, setMenuOpen] = useState(false);
  const selected =
    items.find((i) =>
      i.key === '/' ? location.pathname === '/' : location.pathname.startsWith(i.key),
    )?.key ?? '';
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
  const brand = (
    <div style={{ color: '#fff', padding: '18px 20px', fontWeight: 700, fontSize: 18 }}>
      ★ Công tác đảng vụ
    </div>
  );
  const nav = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      items={menu.map(({ permission: _p, ...i }) => i)}
      onClick={(e) => {
        setMenuOpen(false);
        navigate(e.key);
      }}
      style={{ fontSize: 16 }}
      data-testid="main-menu"
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {drawerMenu ? (
        <Drawer
          placement="left"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size={Math.min(300, typeof window === 'undefined' ? 300 : window.innerWidth - 48)}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
          data-testid="menu-drawer"
        >
          {brand}
          {nav}
        </Drawer>
      ) : (
        <Layout.Sider width={230} theme="dark">
          {brand}
          {nav}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: '#fff',
            padding: narrow ? '0 8px' : '0 24px',
            gap: narrow ? 4 : 12,
            display: 'flex',
            alignItems: 'center',
            borderBottom: '1px solid #eee',
          }}
          data-testid="app-header"
        >
          {drawerMenu && (
            <Button
              type="text"
              icon={<MenuOutlined style={{ fontSize: 18 }} />}
              onClick={() => setMenuOpen(true)}
              aria-label="Mở trình đơn"
              data-testid="menu-button"
              style={{ flexShrink: 0 }}
            />
          )}
          <Typography.Text
            strong
            style={{ fontSize: 16, minWidth: 0, flex: 1 }}
            ellipsis={{ tooltip: user?.scopeName }}
            data-testid="header-scope"
          >
            {user?.scopeName}
          </Typography.Text>
          {/* The header's tools: the page's guide, then room for the notification bell. */}
          <Space size={narrow ? 0 : 8} style={{ flexShrink: 0 }} data-testid="header-tools">
            <HelpButton />
            <NotificationBell />
          </Space>
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
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
