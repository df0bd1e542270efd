// One target: its definition, live value and status, history through the period (month ends), the
// shares handed down to lower units, and the records behind the value.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TTargetDetail, TTargetView } from '../../../../contracts/plans';
import { comparatorSymbols } from '../../../../domain/rules/plans/target-status';
import { formatDate } from '../../../../domain/text/vietnamese';
import { get, toQuery } from '../../api/client';
import { SeriesChart } from './charts';
import { formatMetricValue, statusColors } from './format';
import { CascadeModal, TargetModal } from './PlanForms';

export const TargetStatusTag = ({ t }: { t: TTargetView }) => (
  <Tag color={statusColors[t.status]}>{t.statusLabel}</Tag>
);

export const TargetDrawer = ({
  targetId,
  asOf,
  canWrite,
  onClose,
}: {
  targetId: number | null;
  asOf?: string;
  canWrite: boolean;
  onClose: () => void;
}) => {
  const [editing, setEditing] = useState<TTargetView | null>(null);
  const [cascading, setCascading] = useState<TTargetView | null>(null);
  const { data, error } = useQuery({
    queryKey: ['plan-target', targetId, asOf],
    queryFn: () => get<TTargetDetail>(`/api/plans/targets/${targetId}${toQuery({ asOf })}`),
    enabled: targetId !== null,
  });
  const t = data?.target;
  return (
    <Drawer
      open={targetId !== null}
      onClose={onClose}
      size="large"
      title={t?.title ?? 'Chỉ tiêu'}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {t && data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {canWrite && (
            <Space>
              <Button onClick={() => setEditing(t)}>Sửa chỉ tiêu</Button>
              <Button onClick={() => setCascading(t)}>Giao cho cấp dưới</Button>
            </Space>
          )}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="Tổ chức">{t.orgUnitName}</Descriptions.Item>
            <Descriptions.Item label="Chỉ số">{t.metricLabel}</Descriptions.Item>
            <Descriptions.Item label="Cách tính">{data.description}</Descriptions.Item>
            <Descriptions.Item label="Kỳ">
              {formatDate(t.from)} – {formatDate(t.to)}; số liệu đến {formatDate(t.asOf)}
            </Descriptions.Item>
            <Descriptions.Item label="Chỉ tiêu">
              {comparatorSymbols[t.comparator]} {formatMetricValue(t.metricUnit, t.threshold)}
              {t.baseline !== null
                ? ` (mức cơ sở ${formatMetricValue(t.metricUnit, t.baseline)})`
                : ''}
            </Descriptions.Item>
            <Descriptions.Item label="Hiện tại">
              <b data-testid="target-value">{formatMetricValue(t.metricUnit, t.value)}</b> –{' '}
              {t.progress}
              {t.expected !== null ? ` (theo tiến độ cần khoảng ${t.expected})` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="Tình trạng">
              <TargetStatusTag t={t} />
            </Descriptions.Item>
          </Descriptions>
          {t.value !== null && data.history.length > 0 && (
            <div>
              <Typography.Title level={5}>Diễn biến trong kỳ (cuối mỗi tháng)</Typography.Title>
              <SeriesChart
                categories={data.history.map((h) => formatDate(h.date).slice(0, 5))}
                series={[{ name: t.metricLabel, values: data.history.map((h) => h.value) }]}
                target={{ label: `Chỉ tiêu ${t.threshold}`, value: t.threshold }}
              />
            </div>
          )}
          {data.children.length > 0 && (
            <div>
              <Typography.Title level={5}>
                Giao cho cấp dưới (tổng {t.childThresholdSum} / {t.threshold})
              </Typography.Title>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={data.children}
                columns={[
                  { title: 'Tổ chức', dataIndex: 'orgUnitName' },
                  { title: 'Chỉ tiêu', dataIndex: 'threshold', align: 'right' },
                  {
                    title: 'Hiện tại',
                    dataIndex: 'value',
                    align: 'right',
                    render: (v: number | null, c) => formatMetricValue(c.metricUnit, v),
                  },
                  { title: 'Tiến độ', dataIndex: 'progress' },
                  { title: 'Tình trạng', key: 's', render: (_, c) => <TargetStatusTag t={c} /> },
                ]}
              />
            </div>
          )}
          {t.value !== null && (
            <div>
              <Typography.Title level={5}>
                Bản ghi đứng sau con số ({data.records.length})
              </Typography.Title>
              <Table
                size="small"
                rowKey={(r) => `${r.kind}-${r.id}`}
                dataSource={data.records}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                columns={[
                  { title: 'STT', key: 'n', width: 64, render: (_, __, i) => i + 1 },
                  {
                    title: 'Bản ghi',
                    dataIndex: 'label',
                    render: (label: string, r) =>
                      r.kind === 'member' ? <Link to={`/dang-vien/${r.id}`}>{label}</Link> : label,
                  },
                ]}
              />
            </div>
          )}
        </Space>
      )}
      <TargetModal
        open={editing !== null}
        orgUnitId={t?.orgUnitId ?? 0}
        year={t?.year ?? 0}
        term={null}
        editing={editing}
        onClose={() => setEditing(null)}
      />
      <CascadeModal
        target={cascading}
        shares={data?.children ?? []}
        onClose={() => setCascading(null)}
      />
    </Drawer>
  );
};
