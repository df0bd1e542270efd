// One target: its definition, live value and status, history through the period (month ends), the
// shares handed down to lower units, and the records behind the value. A target binding several
// metrics shows each one's value and status, series and records.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TTargetView } from '../../../../contracts/plans';
import { comparatorSymbols } from '../../../../domain/rules/plans/target-status';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { SeriesChart } from './charts';
import { formatMetricValue, statusColors } from './format';
import { plansKeys } from './keys';
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
    queryKey: plansKeys.planTarget(targetId, asOf),
    queryFn: () =>
      api.GET('/api/plans/targets/{id}', { params: { path: { id: targetId! }, query: { asOf } } }),
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
            <Descriptions.Item label={t.metrics.length > 1 ? 'Các chỉ số' : 'Chỉ số'}>
              {t.metrics.length > 1 ? (
                <>
                  {t.metrics.map((m) => m.label).join('; ')}
                  <Typography.Text type="secondary">
                    {' '}
                    (chỉ tiêu đạt khi mọi chỉ số đều đạt)
                  </Typography.Text>
                </>
              ) : (
                t.metricLabel
              )}
            </Descriptions.Item>
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
          {t.metrics.length > 1 && (
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              data-testid="target-metrics"
              dataSource={t.metrics}
              columns={[
                { title: 'Chỉ số', dataIndex: 'label' },
                {
                  title: 'Hiện tại',
                  dataIndex: 'value',
                  align: 'right',
                  render: (v: number | null, m) =>
                    v === null ? (m.unavailableReason ?? '—') : formatMetricValue(t.metricUnit, v),
                },
                {
                  title: 'Tình trạng',
                  dataIndex: 'statusLabel',
                  render: (label: string, m) => <Tag color={statusColors[m.status]}>{label}</Tag>,
                },
              ]}
            />
          )}
          {t.value !== null && data.history.length > 0 && (
            <div>
              <Typography.Title level={5}>Diễn biến trong kỳ (cuối mỗi tháng)</Typography.Title>
              <SeriesChart
                categories={data.history.map((h) => formatDate(h.date).slice(0, 5))}
                series={t.metrics.map((m, i) => ({
                  name: m.label,
                  values: data.history.map((h) => h.values[i] ?? null),
                }))}
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
          {data.recordsByMetric.map((group, i) =>
            t.metrics[i]?.value == null ? null : (
              <div key={group.code}>
                <Typography.Title level={5}>
                  Bản ghi đứng sau con số
                  {data.recordsByMetric.length > 1 ? ` – ${group.label}` : ''} (
                  {group.records.length})
                </Typography.Title>
                <Table
                  size="small"
                  rowKey={(r) => `${i}-${r.kind}-${r.id}`}
                  dataSource={group.records}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  columns={[
                    { title: 'STT', key: 'n', width: 64, render: (_, __, i) => i + 1 },
                    {
                      title: 'Bản ghi',
                      dataIndex: 'label',
                      render: (label: string, r) =>
                        r.kind === 'member' ? (
                          <Link to={`/dang-vien/${r.id}`}>{label}</Link>
                        ) : (
                          label
                        ),
                    },
                  ]}
                />
              </div>
            ),
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
