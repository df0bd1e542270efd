// Results of a period for any subtree: counts and percentages per level for organisations,
// members, mass organisations and agencies, the not-rated categories (form 6F-BTCTW); every figure
// drills down to the records.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Drawer, Row, Select, Space, Table, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsModule from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TCampaign, TResults } from '../../../../contracts/evaluations';
import {
  type QualityLevel,
  qualityLevelLabels,
  qualityLevels,
} from '../../../../domain/rules/evaluation/levels';
import { formatNumber, formatPercent } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { evaluationsKeys } from './keys';
import { currentYear, LevelTag, levelColors, StatusTag } from './shared';

const ReactEChartsCore =
  (EChartsModule as unknown as { default?: typeof EChartsModule }).default ?? EChartsModule;
// Only what this chart draws.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Drill = { title: string; query: Record<string, unknown> };

const LevelChart = ({ groups }: { groups: TResults['groups'] }) => {
  const shown = groups.filter((g) => g.rated > 0);
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 80 + shown.length * 44 }}
      option={{
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', inverse: true, data: shown.map((g) => g.label) },
        series: qualityLevels.map((l) => ({
          name: l,
          type: 'bar',
          stack: 'levels',
          itemStyle: { color: levelColors[l] },
          label: {
            show: true,
            formatter: (p: { value: number }) =>
              p.value >= 6 ? `${formatNumber(p.value, 0)}%` : '',
          },
          data: shown.map((g) => Math.round((g.counts[l] * 1000) / g.rated) / 10),
        })),
      }}
    />
  );
};

/**
 * The year the page opens on (issue 22): the latest year with decided results among the campaigns
 * in reach, else the latest campaign's year, else this year — never an empty year by default.
 */
const latestResultYear = (campaigns: TCampaign[]): number | undefined => {
  const decided = campaigns.filter((c) => c.progress.decided + c.progress.published > 0);
  const years = (decided.length ? decided : campaigns).map((c) => c.year);
  return years.length ? Math.max(...years) : undefined;
};

export const ResultsPage = () => {
  const { user } = useAuth();
  const [params] = useSearchParams();
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>(
    Number(params.get('orgUnitId')) || user?.scopeOrgUnitId,
  );
  const [chosenYear, setYear] = useState<number | undefined>(
    Number(params.get('year')) || undefined,
  );
  const campaigns = useQuery({
    queryKey: evaluationsKeys.evaluationResults('campaign-years'),
    queryFn: () => api.GET('/api/evaluations/campaigns', { params: { query: {} } }),
    enabled: !chosenYear,
  });
  const year =
    chosenYear ??
    (campaigns.isLoading
      ? undefined
      : (latestResultYear(campaigns.data?.items ?? []) ?? currentYear));
  const yearOptions = Array.from({ length: currentYear + 1 - 2015 }, (_, i) => currentYear + 1 - i);
  const [drill, setDrill] = useState<Drill | null>(null);
  const { data, error, isLoading } = useQuery({
    queryKey: evaluationsKeys.evaluationResults(orgUnitId, year),
    queryFn: () =>
      api.GET('/api/evaluations/results', {
        params: { query: { orgUnitId: orgUnitId!, year: year! } },
      }),
    enabled: Boolean(orgUnitId && year),
  });
  const records = useQuery({
    queryKey: evaluationsKeys.evaluationDrill(drill),
    queryFn: () =>
      api.GET('/api/evaluations/records', {
        params: { query: { orgUnitId, year, pageSize: 500, ...drill!.query } },
      }),
    enabled: Boolean(drill),
  });
  const count = (n: number, title: string, query: Record<string, unknown>) => (
    <Button
      type="link"
      style={{ fontSize: 16, fontWeight: 600, padding: 0 }}
      onClick={() => setDrill({ title, query })}
      disabled={n === 0}
    >
      {formatNumber(n)}
    </Button>
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Kết quả đánh giá, xếp loại chất lượng
      </Typography.Title>
      <Space wrap>
        <OrgUnitSelect value={orgUnitId} onChange={setOrgUnitId} style={{ width: 360 }} />
        {/* A list of years wide enough for its prefix (the number box was clipped). */}
        <Select
          aria-label="Năm"
          value={year}
          onChange={setYear}
          prefix="Năm"
          style={{ width: 130 }}
          options={yearOptions.map((y) => ({ value: y, label: String(y) }))}
          data-testid="results-year"
        />
      </Space>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {data && (
        <>
          <Typography.Text type="secondary">
            {data.orgUnitName} – năm {data.year} – {data.ruleSet}
          </Typography.Text>
          <Card title="Số lượng và tỷ lệ theo mức xếp loại" loading={isLoading}>
            <Table
              data-testid="results-table"
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: 900 }}
              dataSource={data.groups}
              columns={[
                // A word per line on a phone without a width (issue 22's walk).
                { title: 'Đối tượng', dataIndex: 'label', width: 180 },
                {
                  title: 'Tổng số',
                  render: (_, g) =>
                    count(g.total, `${g.label}: tất cả`, { subjectKind: g.subjectKinds }),
                },
                { title: 'Đã xếp loại', render: (_, g) => formatNumber(g.rated) },
                ...qualityLevels.map((l: QualityLevel) => ({
                  title: <span title={qualityLevelLabels[l]}>{l}</span>,
                  key: l,
                  render: (_: unknown, g: TResults['groups'][number]) => (
                    <span>
                      {count(g.counts[l], `${g.label}: ${qualityLevelLabels[l]}`, {
                        subjectKind: g.subjectKinds,
                        level: l,
                      })}
                      {g.rated > 0 && (
                        <Typography.Text type="secondary">
                          {' '}
                          ({formatPercent(g.counts[l] / g.rated)})
                        </Typography.Text>
                      )}
                    </span>
                  ),
                })),
                {
                  title: 'HTTNV trở lên',
                  render: (_, g) =>
                    g.rated
                      ? `${formatNumber(g.goodOrBetter)} (${formatPercent(g.goodOrBetter / g.rated)})`
                      : '—',
                },
                {
                  title: 'Không xếp loại',
                  render: (_, g) =>
                    count(g.counts.not_rated, `${g.label}: không xếp loại`, {
                      subjectKind: g.subjectKinds,
                      level: 'not_rated',
                    }),
                },
                {
                  title: 'Chưa quyết định',
                  render: (_, g) =>
                    count(g.pending, `${g.label}: chưa quyết định`, {
                      subjectKind: g.subjectKinds,
                      level: 'pending',
                    }),
                },
              ]}
            />
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Card title="Tỷ lệ các mức (trên số đã xếp loại)">
                <LevelChart groups={data.groups} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title="Không xếp loại (mẫu 6F-BTCTW)">
                <Table
                  size="small"
                  rowKey="reason"
                  pagination={false}
                  dataSource={data.notRated}
                  columns={[
                    { title: 'Diện', dataIndex: 'label' },
                    {
                      title: 'Số lượng',
                      render: (_, n) => count(n.count, n.label, { notRatedReason: n.reason }),
                    },
                  ]}
                />
                <Typography.Paragraph style={{ marginTop: 12 }}>
                  Cơ quan, đơn vị đạt chuẩn văn hoá, an toàn về an ninh trật tự:{' '}
                  <b>{data.culturalStandard.met}</b>/{data.culturalStandard.assessed} đã đánh giá
                  {data.culturalStandard.assessed > 0 &&
                    ` (${formatPercent(data.culturalStandard.met / data.culturalStandard.assessed)})`}
                  .
                </Typography.Paragraph>
                {data.removalFlagged > 0 && (
                  <Typography.Paragraph type="danger">
                    {data.removalFlagged} đảng viên không hoàn thành nhiệm vụ 2 năm liền (xem xét
                    xóa tên).
                  </Typography.Paragraph>
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
      <Drawer
        open={Boolean(drill)}
        onClose={() => setDrill(null)}
        title={drill?.title}
        size="large"
      >
        <Table
          size="small"
          rowKey="id"
          loading={records.isLoading}
          dataSource={records.data?.items ?? []}
          pagination={{ pageSize: 50 }}
          columns={[
            {
              title: 'Đối tượng',
              render: (_, r) => (
                <Link to={`/danh-gia-xep-loai/ho-so/${r.id}`}>{r.subjectName}</Link>
              ),
            },
            { title: 'Đơn vị', dataIndex: 'orgUnitName' },
            { title: 'Bước', render: (_, r) => <StatusTag status={r.status} /> },
            {
              title: 'Mức',
              render: (_, r) => (
                <LevelTag
                  level={r.decidedLevel ?? (r.status === 'not_rated' ? 'not_rated' : null)}
                />
              ),
            },
          ]}
        />
      </Drawer>
    </Space>
  );
};
