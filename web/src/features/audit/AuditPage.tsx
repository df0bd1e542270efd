import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  auditActionLabels,
  auditAreaLabels,
  auditAreas,
  auditRecordKindLabels,
} from '../../../../domain/audit/action-labels';
import { roleLabels } from '../../../../domain/enums/roles';
import { compareVietnamese, toSearchKey } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { auditKeys } from './keys';

type AuditRow = {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  userDisplayName: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityTypeLabel: string;
  entityId: string | null;
  entityName: string | null;
  entityLink: string | null;
  orgUnitName: string | null;
  before: unknown;
  after: unknown;
  meta: unknown;
  ip: string | null;
};

/** Options of a Select found by their label, with or without diacritics. */
const byLabel = (input: string, option?: { label?: unknown }) =>
  toSearchKey(String(option?.label ?? '')).includes(toSearchKey(input));

// The action picker: every labelled action, grouped by area, each group in Vietnamese order.
const actionOptions = auditAreas.map((area) => ({
  label: auditAreaLabels[area],
  title: auditAreaLabels[area],
  options: Object.entries(auditActionLabels)
    .filter(([, l]) => l.area === area)
    .map(([code, l]) => ({ value: code, label: l.label }))
    .sort((a, b) => compareVietnamese(a.label, b.label)),
}));
const kindOptions = Object.entries(auditRecordKindLabels)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => compareVietnamese(a.label, b.label));

const formatAt = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  })
    .format(new Date(iso))
    .replace(',', '');

/** "Người thực hiện": accounts found by name or username on the server, diacritic-blind. */
const UserPicker = ({
  value,
  onChange,
}: {
  value?: number;
  onChange: (id: number | undefined) => void;
}) => {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: auditKeys.audit('users', q, value),
    queryFn: () =>
      api.GET('/api/audit/users', { params: { query: q ? { q } : value ? { id: value } : {} } }),
  });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      loading={isFetching}
      placeholder="Người thực hiện (gõ tên hoặc tên đăng nhập)"
      notFoundContent={isFetching ? 'Đang tìm…' : 'Không tìm thấy tài khoản'}
      options={(data?.items ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName} (${u.username}) – ${roleLabels[u.role as keyof typeof roleLabels] ?? u.role}`,
      }))}
      style={{ width: '100%' }}
      data-testid="audit-user"
    />
  );
};

const Json = ({ value }: { value: unknown }) => (
  <pre
    style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12, maxHeight: 320, overflow: 'auto' }}
  >
    {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
  </pre>
);

export const AuditPage = () => {
  // Filters live in the address, so that a filtered log can be bookmarked or sent.
  const [params, setParams] = useSearchParams();
  const filters = {
    userId: params.get('nguoi') ? Number(params.get('nguoi')) : undefined,
    action: params.get('thao-tac') ?? undefined,
    entityType: params.get('loai') ?? undefined,
    entityId: params.get('ma') ?? undefined,
    from: params.get('tu') ?? undefined,
    to: params.get('den') ?? undefined,
  };
  const page = Number(params.get('trang') ?? 1) || 1;
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('trang' in patch)) next.delete('trang');
        return next;
      },
      { replace: true },
    );
  const [check, setCheck] = useState<{
    ok: boolean;
    checked: number;
    firstBrokenId: number | null;
  } | null>(null);
  const list = useQuery({
    queryKey: auditKeys.audit(filters, page),
    queryFn: () => api.GET('/api/audit', { params: { query: { ...filters, page, pageSize: 30 } } }),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
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
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={6}>
          <UserPicker
            value={filters.userId}
            onChange={(id) => set({ nguoi: id ? String(id) : undefined })}
          />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Select
            allowClear
            showSearch={{ filterOption: byLabel }}
            value={filters.action}
            onChange={(v) => set({ 'thao-tac': v ?? undefined })}
            placeholder="Thao tác"
            options={actionOptions}
            style={{ width: '100%' }}
            data-testid="audit-action"
          />
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Select
            allowClear
            showSearch={{ filterOption: byLabel }}
            value={filters.entityType}
            onChange={(v) => set({ loai: v ?? undefined, ma: undefined })}
            placeholder="Loại đối tượng"
            options={kindOptions}
            style={{ width: '100%' }}
            data-testid="audit-kind"
          />
        </Col>
        <Col xs={24} md={12} xl={7}>
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            placeholder={['Từ ngày', 'Đến ngày']}
            value={[
              filters.from ? dayjs(filters.from) : null,
              filters.to ? dayjs(filters.to) : null,
            ]}
            allowEmpty={[true, true]}
            onChange={(r) =>
              set({
                tu: (r?.[0] as Dayjs | null)?.format('YYYY-MM-DD'),
                den: (r?.[1] as Dayjs | null)?.format('YYYY-MM-DD'),
              })
            }
            style={{ width: '100%' }}
          />
        </Col>
      </Row>
      {filters.entityId && (
        <Tag closable onClose={() => set({ ma: undefined })}>
          Chỉ một đối tượng: {filters.entityType ? auditRecordKindLabels[filters.entityType] : ''}{' '}
          số {filters.entityId}
        </Tag>
      )}
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 960 }}
        pagination={{
          current: page,
          pageSize: 30,
          total: list.data?.total ?? 0,
          onChange: (p) => set({ trang: p > 1 ? String(p) : undefined }),
          showSizeChanger: false,
          showTotal: (n) => `${n.toLocaleString('vi-VN')} bản ghi`,
        }}
        expandable={{
          expandedRowRender: (r) => (
            <Row gutter={[16, 12]}>
              <Col xs={24} md={8}>
                <Typography.Text strong>Trước</Typography.Text>
                <Json value={r.before} />
              </Col>
              <Col xs={24} md={8}>
                <Typography.Text strong>Sau</Typography.Text>
                <Json value={r.after} />
              </Col>
              <Col xs={24} md={8}>
                <Typography.Text strong>Thông tin thêm</Typography.Text>
                <Json value={r.meta} />
                <Typography.Text type="secondary">
                  Mã thao tác: {r.action}
                  {r.ip ? ` · Địa chỉ IP: ${r.ip}` : ''}
                </Typography.Text>
              </Col>
            </Row>
          ),
        }}
        columns={[
          { title: 'Số', dataIndex: 'id', width: 80 },
          { title: 'Thời gian', dataIndex: 'at', width: 170, render: formatAt },
          {
            title: 'Người thực hiện',
            key: 'user',
            width: 220,
            render: (_, r) =>
              r.username ? (
                <Space direction="vertical" size={0}>
                  <Typography.Link onClick={() => set({ nguoi: String(r.userId) })}>
                    {r.userDisplayName ?? r.username}
                  </Typography.Link>
                  <Typography.Text type="secondary">{r.username}</Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">Hệ thống</Typography.Text>
              ),
          },
          { title: 'Thao tác', dataIndex: 'actionLabel', width: 230 },
          {
            title: 'Đối tượng',
            key: 'entity',
            render: (_, r) => {
              const name = r.entityName ?? (r.entityId ? `số ${r.entityId}` : '');
              return (
                <Space direction="vertical" size={0}>
                  <Typography.Text type="secondary">{r.entityTypeLabel}</Typography.Text>
                  {name &&
                    (r.entityLink ? <Link to={r.entityLink}>{name}</Link> : <span>{name}</span>)}
                  {!name && r.entityLink && <Link to={r.entityLink}>Mở trang</Link>}
                </Space>
              );
            },
          },
          { title: 'Đơn vị', dataIndex: 'orgUnitName', width: 200, render: (v) => v ?? '—' },
        ]}
      />
    </Space>
  );
};
