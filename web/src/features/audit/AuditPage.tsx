import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Input, Row, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { auditKeys } from './keys';

type AuditRow = {
  id: number;
  at: string;
  username: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  meta: unknown;
  ip: string | null;
};

const actionLabels: Record<string, string> = {
  login: 'Đăng nhập',
  login_failed: 'Đăng nhập sai',
  logout: 'Đăng xuất',
  logout_everywhere: 'Đăng xuất mọi nơi',
  password_changed: 'Đổi mật khẩu',
  read_sensitive: 'Xem thông tin hạn chế',
  'member.create': 'Thêm đảng viên',
  'member.update': 'Sửa hồ sơ đảng viên',
  'member.event': 'Ghi sự kiện đảng viên',
  'member.export': 'Xuất danh sách',
  'account.create': 'Tạo tài khoản',
  'account.update': 'Sửa tài khoản',
  'account.reset_password': 'Đặt lại mật khẩu',
  'org.establish': 'Thành lập tổ chức',
  'org.rename': 'Đổi tên tổ chức',
  'org.move': 'Điều chuyển tổ chức',
  'org.merge': 'Hợp nhất tổ chức',
  'org.split': 'Chia tách tổ chức',
  'org.dissolve': 'Giải thể tổ chức',
  'backup.create': 'Sao lưu dữ liệu',
  'backup.restore': 'Phục hồi dữ liệu',
};

const Json = ({ value }: { value: unknown }) => (
  <pre
    style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12, maxHeight: 320, overflow: 'auto' }}
  >
    {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
  </pre>
);

export const AuditPage = () => {
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [page, setPage] = useState(1);
  const [check, setCheck] = useState<{
    ok: boolean;
    checked: number;
    firstBrokenId: number | null;
  } | null>(null);
  const list = useQuery({
    queryKey: auditKeys.audit(filters, page),
    queryFn: () => api.GET('/api/audit', { params: { query: { ...filters, page, pageSize: 30 } } }),
  });
  const set = (patch: Record<string, string | undefined>) => {
    setPage(1);
    setFilters((f) => ({ ...f, ...patch }));
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Nhật ký hệ thống
        </Typography.Title>
        <Button onClick={async () => setCheck(await api.GET('/api/audit/verify'))}>
          Kiểm tra toàn vẹn
        </Button>
      </Space>
      {check &&
        (check.ok ? (
          <Alert
            type="success"
            showIcon
            title={`Nhật ký toàn vẹn: đã kiểm tra ${check.checked} bản ghi, chuỗi băm khớp.`}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            title={`Nhật ký đã bị sửa ngoài hệ thống: bản ghi số ${check.firstBrokenId} không khớp chuỗi băm.`}
          />
        ))}
      <Row gutter={12}>
        <Col>
          <Input
            placeholder="Thao tác (ví dụ member.update)"
            allowClear
            onChange={(e) => set({ action: e.target.value || undefined })}
            data-testid="audit-action"
          />
        </Col>
        <Col>
          <Input
            placeholder="Loại đối tượng (member, user…)"
            allowClear
            onChange={(e) => set({ entityType: e.target.value || undefined })}
          />
        </Col>
        <Col>
          <Input
            placeholder="Mã đối tượng"
            allowClear
            onChange={(e) => set({ entityId: e.target.value || undefined })}
            data-testid="audit-entity"
          />
        </Col>
        <Col>
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            onChange={(r) =>
              set({
                from: (r?.[0] as Dayjs | null)?.format('YYYY-MM-DD'),
                to: (r?.[1] as Dayjs | null)?.format('YYYY-MM-DD'),
              })
            }
          />
        </Col>
      </Row>
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 30,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        expandable={{
          expandedRowRender: (r) => (
            <Row gutter={16}>
              <Col span={8}>
                <Typography.Text strong>Trước</Typography.Text>
                <Json value={r.before} />
              </Col>
              <Col span={8}>
                <Typography.Text strong>Sau</Typography.Text>
                <Json value={r.after} />
              </Col>
              <Col span={8}>
                <Typography.Text strong>Thông tin thêm</Typography.Text>
                <Json value={r.meta} />
              </Col>
            </Row>
          ),
        }}
        columns={[
          { title: 'Số', dataIndex: 'id', width: 80 },
          {
            title: 'Thời gian',
            dataIndex: 'at',
            width: 180,
            render: (v: string) =>
              new Date(v).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }),
          },
          {
            title: 'Người thực hiện',
            dataIndex: 'username',
            render: (v: string | null) => v ?? 'hệ thống',
          },
          { title: 'Thao tác', dataIndex: 'action', render: (a: string) => actionLabels[a] ?? a },
          {
            title: 'Đối tượng',
            key: 'entity',
            render: (_, r) => `${r.entityType}${r.entityId ? ` #${r.entityId}` : ''}`,
          },
          { title: 'Địa chỉ IP', dataIndex: 'ip', width: 130 },
        ]}
      />
    </Space>
  );
};
