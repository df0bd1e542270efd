// The records behind any figure: the metric's definition, its value and the list, each record linked
// to its page where one exists.
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TMetricRecord } from '../../../../contracts/plans';
import { formatDate, toSearchKey } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { ExportButton } from '../../components/long-list';
import { formatMetricValue } from './format';
import { plansKeys } from './keys';

export type RecordsRequest = {
  code: string;
  orgUnitId?: number;
  year: number;
  toYear?: number;
  asOf?: string;
  title?: string;
};

const linkOf = (kind: string, id: number): string | null =>
  kind === 'member'
    ? `/dang-vien/${id}`
    : kind === 'inspection_case'
      ? `/kiem-tra-giam-sat/${id}`
      : kind === 'applicant'
        ? `/phat-trien-dang/${id}`
        : kind === 'proposal'
          ? `/kien-nghi?id=${id}`
          : null;

export const RecordsDrawer = ({
  request,
  onClose,
}: {
  request: RecordsRequest | null;
  onClose: () => void;
}) => {
  const [q, setQ] = useState('');
  const { data, error, isFetching } = useQuery({
    queryKey: plansKeys.metricRecords(request),
    queryFn: () => {
      const { title: _title, ...query } = request!;
      return api.GET('/api/plans/metric-records', { params: { query } });
    },
    enabled: request !== null,
  });
  const key = toSearchKey(q);
  // The server's order is the member list's (given name, then full name): "Bản ghi" sorts back to it.
  const all = data?.records ?? [];
  const rank = new Map(all.map((r, i) => [r, i]));
  const byRank = (a: TMetricRecord, b: TMetricRecord) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  const rows = all.filter((r) => !key || toSearchKey(r.label).includes(key));
  const { title: _title, ...exportQuery } = request ?? { code: '', year: 0 };
  return (
    <Drawer
      open={request !== null}
      onClose={() => {
        setQ('');
        onClose();
      }}
      size="large"
      title={request?.title ?? data?.label ?? 'Bản ghi'}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {data && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="Chỉ số">{data.label}</Descriptions.Item>
            <Descriptions.Item label="Phạm vi">{data.orgUnitName}</Descriptions.Item>
            <Descriptions.Item label="Kỳ">
              {formatDate(data.from)} – {formatDate(data.to)}, số liệu đến ngày{' '}
              {formatDate(data.asOf)}
            </Descriptions.Item>
            <Descriptions.Item label="Giá trị">
              <span data-testid="records-value">
                {data.status === 'ok' ? formatMetricValue(data.unit, data.value) : data.reason}
              </span>
              {data.numerator !== null && data.denominator !== null
                ? ` (${data.numerator}/${data.denominator})`
                : ''}
            </Descriptions.Item>
            <Descriptions.Item label="Cách tính">{data.description}</Descriptions.Item>
          </Descriptions>
          {data.status === 'unavailable' ? (
            <Alert type="info" showIcon title={data.reason} />
          ) : (
            <>
              <Space wrap style={{ marginBottom: 8 }}>
                <Input.Search
                  allowClear
                  placeholder="Lọc theo tên"
                  onChange={(e) => setQ(e.target.value)}
                  style={{ width: 320, maxWidth: '100%' }}
                />
                {/* Exactly the records the figure counts (the name filter above is the screen's). */}
                <ExportButton
                  path="/api/plans/metric-records/export.xlsx"
                  query={exportQuery}
                  disabled={all.length === 0}
                />
              </Space>
              <Typography.Paragraph type="secondary">
                {rows.length} bản ghi
                {rows.length !== data.records.length ? ` (trong ${data.records.length})` : ''}
              </Typography.Paragraph>
              <Table
                size="small"
                loading={isFetching}
                rowKey={(r) => `${r.kind}-${r.id}-${r.date ?? ''}`}
                dataSource={rows}
                pagination={{ pageSize: 50, showSizeChanger: false }}
                columns={[
                  {
                    title: 'STT',
                    key: 'n',
                    width: 64,
                    render: (_, r) => (rank.get(r) ?? 0) + 1,
                  },
                  {
                    title: 'Bản ghi',
                    dataIndex: 'label',
                    sorter: byRank,
                    sortDirections: ['ascend', 'descend'],
                    render: (label: string, r) => {
                      const to = linkOf(r.kind, r.id);
                      return to ? <Link to={to}>{label}</Link> : label;
                    },
                  },
                  // Where each record stands and when (issue 22: names alone were ambiguous).
                  ...(rows.some((r) => r.orgUnitPath)
                    ? [
                        {
                          title: 'Chi bộ',
                          dataIndex: 'orgUnitPath',
                          key: 'unit',
                          sorter: (a: TMetricRecord, b: TMetricRecord) =>
                            (a.orgUnitPath ?? '').localeCompare(b.orgUnitPath ?? '', 'vi') ||
                            byRank(a, b),
                        },
                      ]
                    : []),
                  ...(rows.some((r) => r.date)
                    ? [
                        {
                          title: 'Ngày',
                          dataIndex: 'date',
                          key: 'date',
                          width: 110,
                          sorter: (a: TMetricRecord, b: TMetricRecord) =>
                            (a.date ?? '').localeCompare(b.date ?? '') || byRank(a, b),
                          render: (d?: string) => (
                            <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d)}</span>
                          ),
                        },
                      ]
                    : []),
                ]}
                scroll={{ x: 'max-content' }}
              />
            </>
          )}
        </>
      )}
    </Drawer>
  );
};
