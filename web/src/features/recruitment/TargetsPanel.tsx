import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TTargetReport } from '../../../../contracts/recruitment';
import { formatNumber } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { plansKeys } from '../plans/keys';
import { recruitmentKeys } from './keys';

type Row = TTargetReport['unit'];
const thisYear = new Date().getFullYear();

const SetTargetModal = ({
  row,
  year,
  onClose,
}: {
  row: Row;
  year: number;
  onClose: () => void;
}) => {
  const [value, setValue] = useState<number | null>(row.target);
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = async () => {
    if (value === null) return setError('Nhập chỉ tiêu.');
    try {
      await api.PUT('/api/recruitment/targets', {
        body: { orgUnitId: row.orgUnitId, year, target: value },
      });
      message.success('Đã giao chỉ tiêu.');
      await client.invalidateQueries({ queryKey: recruitmentKeys.recruitmentTargets() });
      // The same target is the plan's: refresh the plan and the dashboard too.
      await client.invalidateQueries({ queryKey: plansKeys.planYear() });
      await client.invalidateQueries({ queryKey: plansKeys.planTarget() });
      onClose();
    } catch (e) {
      setError(applyApiError(e));
    }
  };
  return (
    <Modal
      open
      title={`Chỉ tiêu kết nạp năm ${year}: ${row.orgUnitName}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={save}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <InputNumber
        min={0}
        max={100000}
        value={value}
        onChange={setValue}
        suffix="đảng viên"
        style={{ width: 220 }}
        aria-label="Chỉ tiêu"
      />
    </Modal>
  );
};

export const TargetsPanel = ({ orgUnitId }: { orgUnitId?: number }) => {
  const { can } = useAuth();
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState<Row | null>(null);
  const { data, error, isLoading } = useQuery({
    queryKey: recruitmentKeys.recruitmentTargets(orgUnitId, year),
    queryFn: () => api.GET('/api/recruitment/targets', { params: { query: { orgUnitId, year } } }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  const rows = data ? [data.unit, ...data.children] : [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        Năm
        <Select
          value={year}
          onChange={setYear}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
            value: y,
            label: y,
          }))}
        />
      </Space>
      {data && (
        <Typography.Paragraph data-testid="target-summary" style={{ fontSize: 16 }}>
          <b>{data.unit.orgUnitName}</b>: {data.unit.summary}
        </Typography.Paragraph>
      )}
      {data && (
        <Typography.Paragraph type="secondary" data-testid="target-source">
          Chỉ tiêu kết nạp là chỉ tiêu của kế hoạch năm {year} (mục Kế hoạch, chỉ tiêu): giao ở đây
          hay sửa trong kế hoạch đều là một chỉ tiêu.{' '}
          {data.unit.targetId !== null && (
            <Link
              to={`/ke-hoach?orgUnitId=${data.unit.orgUnitId}&year=${year}&target=${data.unit.targetId}`}
            >
              Xem chỉ tiêu trong kế hoạch
            </Link>
          )}
        </Typography.Paragraph>
      )}
      <Table<Row>
        rowKey="orgUnitId"
        loading={isLoading}
        dataSource={rows}
        pagination={false}
        size="small"
        columns={[
          {
            title: 'Tổ chức',
            dataIndex: 'orgUnitName',
            render: (v, r) => (r === data?.unit ? <b>{v}</b> : v),
          },
          {
            title: 'Chỉ tiêu',
            align: 'right',
            render: (_, r) =>
              r.target !== null
                ? formatNumber(r.target)
                : r.childTargets > 0
                  ? `${formatNumber(r.childTargets)} (cộng các đơn vị)`
                  : '—',
          },
          {
            title: 'Đã kết nạp',
            dataIndex: 'admitted',
            align: 'right',
            render: (v) => formatNumber(v),
          },
          {
            title: 'Tiến độ',
            width: 220,
            render: (_, r) =>
              r.percent === null ? (
                '—'
              ) : (
                <Progress
                  percent={Math.min(100, r.percent)}
                  format={() => `${formatNumber(r.percent ?? 0, 1)}%`}
                  size="small"
                />
              ),
          },
          { title: 'Đánh giá', dataIndex: 'summary' },
          ...(can('target.write')
            ? [
                {
                  title: '',
                  width: 110,
                  render: (_: unknown, r: Row) => (
                    <Button size="small" onClick={() => setEditing(r)}>
                      Giao chỉ tiêu
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <SetTargetModal row={editing} year={year} onClose={() => setEditing(null)} />}
    </Space>
  );
};
