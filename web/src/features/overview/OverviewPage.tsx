import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TOverview } from '../../../../contracts/overview';
import { formatDate, formatNumber, formatPercent } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { BarChartView, type ChartRow, PieChartView } from '../../components/Chart';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { overviewKeys } from './keys';

type Breakdown = TOverview['byStatus'];

/** A chart with the numbers behind it, so every figure can be read and checked. */
const Figure = ({
  title,
  rows,
  total,
  pie,
}: {
  title: string;
  rows: Breakdown;
  total: number;
  pie?: boolean;
}) => (
  <Card title={title} size="small" style={{ height: '100%' }}>
    {pie ? (
      <PieChartView rows={rows} />
    ) : (
      <BarChartView rows={rows} height={Math.max(160, rows.length * 34)} />
    )}
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: 'Nhóm', dataIndex: 'label' },
        {
          title: 'Số đảng viên',
          dataIndex: 'count',
          align: 'right',
          render: (v: number) => formatNumber(v),
        },
        {
          title: 'Tỷ lệ',
          key: 'pct',
          align: 'right',
          render: (_, r) => (total ? formatPercent(r.count / total) : ''),
        },
      ]}
    />
  </Card>
);

const topWithOther = (rows: Breakdown, n: number): Breakdown => {
  if (rows.length <= n) return rows;
  const other = rows.slice(n).reduce((s, r) => s + r.count, 0);
  return [...rows.slice(0, n), { key: 'other', label: 'Dân tộc khác', count: other }];
};

export const OverviewPage = () => {
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>();
  const [asOf, setAsOf] = useState<string | undefined>();
  const overview = useQuery({
    queryKey: overviewKeys.overview(orgUnitId, asOf),
    queryFn: () => api.GET('/api/overview', { params: { query: { orgUnitId, asOf } } }),
  });
  const o = overview.data;
  const count = (rows: Breakdown | undefined, key: string) =>
    rows?.find((r) => r.key === key)?.count ?? 0;
  // Ethnicity and religion come only to roles that may read them (need-to-know): without them
  // the tile and the two charts are left out, not drawn empty.
  const byEthnicity = o?.byEthnicity;
  const byReligion = o?.byReligion;
  const tiles: [string, number][] = o
    ? [
        ['Tổng số đảng viên', o.total],
        ['Đảng viên dự bị', count(o.byStatus, 'probationary')],
        ['Đảng viên nữ', count(o.bySex, 'female')],
        ...(byEthnicity
          ? ([['Dân tộc thiểu số', o.total - count(byEthnicity, 'Kinh')]] as [string, number][])
          : []),
        ['Tổ chức cơ sở đảng', o.grassrootsCount],
        ['Chi bộ', o.cellCount],
      ]
    : [];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Tổng quan {o ? `– ${o.orgUnitName}` : ''}
        </Typography.Title>
      </Space>
      <Space wrap>
        <OrgUnitSelect
          value={orgUnitId}
          onChange={setOrgUnitId}
          placeholder="Toàn bộ phạm vi của tôi"
          allowClear
        />
        <DatePicker
          format="DD/MM/YYYY"
          placeholder="Xem theo ngày (hôm nay)"
          value={asOf ? dayjs(asOf) : null}
          onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
          disabledDate={(d) => d.isAfter(dayjs())}
        />
        {o && (
          <Typography.Text type="secondary">Số liệu tại ngày {formatDate(o.asOf)}</Typography.Text>
        )}
      </Space>
      {overview.error && <Alert type="error" showIcon title={(overview.error as Error).message} />}
      {o && (
        <>
          <Row gutter={[16, 16]}>
            {tiles.map(([label, value]) => (
              <Col key={label} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic
                    title={label}
                    value={value}
                    formatter={(v) => formatNumber(Number(v))}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Figure title="Theo tình trạng" rows={o.byStatus} total={o.total} />
            </Col>
            <Col xs={24} lg={12}>
              <Figure title="Theo giới tính" rows={o.bySex} total={o.total} pie />
            </Col>
            <Col xs={24} lg={12}>
              <Figure title="Theo độ tuổi" rows={o.byAgeBand} total={o.total} />
            </Col>
            <Col xs={24} lg={12}>
              <Figure title="Theo tuổi đảng" rows={o.byPartyAgeBand} total={o.total} />
            </Col>
            {byEthnicity && (
              <Col xs={24} lg={12}>
                <Figure
                  title="Theo dân tộc"
                  rows={topWithOther(byEthnicity, 7) as ChartRow[] as Breakdown}
                  total={o.total}
                />
              </Col>
            )}
            <Col xs={24} lg={12}>
              <Figure
                title="Theo trình độ chuyên môn"
                rows={o.byProfessionalLevel}
                total={o.total}
              />
            </Col>
            <Col xs={24} lg={12}>
              <Figure
                title="Theo trình độ lý luận chính trị"
                rows={o.byPoliticalTheory}
                total={o.total}
              />
            </Col>
            {byReligion && (
              <Col xs={24} lg={12}>
                <Figure title="Theo tôn giáo" rows={byReligion} total={o.total} pie />
              </Col>
            )}
          </Row>
          <Typography.Text type="secondary">
            {o.source === 'rollup'
              ? 'Số liệu hôm nay lấy từ bảng tổng hợp được cập nhật cùng mỗi thay đổi.'
              : 'Số liệu ngày đã chọn được tính lại từ lịch sử sinh hoạt của từng đảng viên.'}{' '}
            Tuổi và tuổi đảng tính theo năm.
          </Typography.Text>
        </>
      )}
    </Space>
  );
};
