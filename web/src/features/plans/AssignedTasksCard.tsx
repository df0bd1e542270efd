// The tasks a unit handed down, grouped by the receiving unit (issue 22): the groups with their
// counts first, each group's tasks read page by page when it is opened; filters in the URL; the
// export is exactly the filtered list.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, Select, Space, type TablePaginationConfig, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { TKeyTask } from '../../../../contracts/plans';
import { keyTaskStatusLabels } from '../../../../domain/rules/plans/key-tasks';
import { api } from '../../api/client';
import {
  ExportButton,
  GroupedSections,
  numberParam,
  PrintButton,
} from '../../components/long-list';
import { plansKeys } from './keys';

export const planFilterKeys = [
  'orgUnitId',
  'year',
  'asOf',
  'nhan',
  'tinh-trang',
  'tim',
  'xep',
  'trang-nhom',
] as const;
type Filters = Partial<Record<(typeof planFilterKeys)[number], string | undefined>>;
type SetFilters = (
  patch: Partial<Record<(typeof planFilterKeys)[number], string | number | undefined>>,
) => void;

const statusChoices = [
  ...Object.entries(keyTaskStatusLabels).map(([value, label]) => ({ value, label })),
  { value: 'overdue', label: 'Quá hạn (chưa hoàn thành)' },
];
type StatusFilter = keyof typeof keyTaskStatusLabels | 'overdue';
const pageSize = 20;
/** A bloc hands tasks down to two hundred units: their groups are shown 20 at a time too. */
const groupPageSize = 20;
const orderChoices = [
  { value: '', label: 'Theo tên đơn vị' },
  { value: 'qua-han', label: 'Nhiều việc quá hạn trước' },
  { value: 'nhieu', label: 'Nhiều nhiệm vụ trước' },
];

/** One receiving unit's tasks, paged on the server. */
const GroupTasks = ({
  query,
  unit,
  renderTable,
}: {
  query: { orgUnitId: number; year: number; asOf?: string; status?: StatusFilter; q?: string };
  unit: number;
  renderTable: (rows: TKeyTask[], pagination: TablePaginationConfig | undefined) => ReactNode;
}) => {
  const [page, setPage] = useState(1);
  const { data, error, isLoading } = useQuery({
    queryKey: plansKeys.planYear('assigned', query, unit, page),
    queryFn: () =>
      api.GET('/api/plans/assigned-tasks', {
        params: { query: { ...query, unit, page, pageSize } },
      }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (isLoading || !data) return <Typography.Text type="secondary">Đang tải…</Typography.Text>;
  return renderTable(
    data.items,
    data.total > pageSize
      ? {
          current: page,
          pageSize,
          total: data.total,
          showSizeChanger: false,
          onChange: setPage,
          size: 'small',
        }
      : undefined,
  );
};

export const AssignedTasksCard = ({
  orgUnitId,
  year,
  asOf,
  count,
  filters,
  setFilters,
  renderTable,
}: {
  orgUnitId: number;
  year: number;
  asOf?: string;
  count: number;
  filters: Filters;
  setFilters: SetFilters;
  renderTable: (rows: TKeyTask[], pagination: TablePaginationConfig | undefined) => ReactNode;
}) => {
  const status = (filters['tinh-trang'] as StatusFilter | undefined) || undefined;
  const q = filters.tim || undefined;
  const unit = numberParam(filters.nhan);
  const base = { orgUnitId, year, asOf, status, q };
  // The groups and their counts, for every receiving unit (the unit filter picks one of them).
  const groups = useQuery({
    queryKey: plansKeys.planYear('assigned-groups', base),
    queryFn: () =>
      api.GET('/api/plans/assigned-tasks', { params: { query: { ...base, pageSize: 0 } } }),
  });
  const [text, setText] = useState(q ?? '');
  const all = groups.data?.groups ?? [];
  const order = filters.xep ?? '';
  const picked = unit ? all.filter((g) => g.orgUnitId === unit) : all;
  const shown =
    order === 'qua-han'
      ? [...picked].sort((a, b) => b.overdue - a.overdue || b.count - a.count)
      : order === 'nhieu'
        ? [...picked].sort((a, b) => b.count - a.count || b.overdue - a.overdue)
        : picked;
  const total = shown.reduce((n, g) => n + g.count, 0);
  return (
    <Card
      size="small"
      title={`Nhiệm vụ đã giao cho cấp dưới (${count})`}
      data-testid="assigned-tasks"
      extra={
        <Space wrap className="no-print">
          <ExportButton
            path="/api/plans/assigned-tasks/export.xlsx"
            query={{ ...base, unit }}
            disabled={total === 0}
          />
          <PrintButton />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }} className="no-print">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="Mọi đơn vị nhận"
          value={unit}
          onChange={(v) => setFilters({ nhan: v, 'trang-nhom': undefined })}
          options={all.map((g) => ({ value: g.orgUnitId, label: `${g.label} (${g.count})` }))}
          style={{ width: 280, maxWidth: '100%' }}
          data-testid="filter-unit"
        />
        <Select
          allowClear
          placeholder="Mọi tình trạng"
          value={status}
          onChange={(v) => setFilters({ 'tinh-trang': v, 'trang-nhom': undefined })}
          options={statusChoices}
          style={{ width: 220, maxWidth: '100%' }}
          data-testid="filter-status"
        />
        <Input.Search
          allowClear
          placeholder="Tìm nhiệm vụ, sản phẩm, đơn vị"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setFilters({ tim: v.trim(), 'trang-nhom': undefined })}
          style={{ width: 280, maxWidth: '100%' }}
          data-testid="filter-text"
        />
        <Select
          value={order}
          onChange={(v) => setFilters({ xep: v, 'trang-nhom': undefined })}
          options={orderChoices}
          style={{ width: 220, maxWidth: '100%' }}
          data-testid="filter-order"
        />
      </Space>
      {groups.error && <Alert type="error" showIcon title={(groups.error as Error).message} />}
      {groups.data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary" data-testid="assigned-summary">
            {total} nhiệm vụ ở {shown.length} đơn vị{status || q || unit ? ' khớp bộ lọc' : ''}. Bấm
            vào một đơn vị để xem nhiệm vụ.
          </Typography.Text>
          <GroupedSections
            testId="assigned-groups"
            pageSize={groupPageSize}
            page={numberParam(filters['trang-nhom'])}
            onPageChange={(p) => setFilters({ 'trang-nhom': p > 1 ? p : undefined })}
            groups={shown.map((g) => ({
              key: String(g.orgUnitId),
              label: g.label,
              count: g.count,
              warn: g.overdue,
            }))}
            render={(key) => (
              <GroupTasks query={base} unit={Number(key)} renderTable={renderTable} />
            )}
          />
        </Space>
      )}
    </Card>
  );
};
