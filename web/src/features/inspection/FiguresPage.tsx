import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Drawer, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  conductingBodies,
  conductingBodyLabels,
} from '../../../../domain/rules/inspection/inspection';
import { type ApiQuery, api } from '../../api/client';
import { BarChartView } from '../../components/Chart';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { inspectionKeys } from './keys';
import { currentYear, yearOptions } from './shared';

type Drill = Record<string, string | undefined>;
type Cell = string | number | null;

/**
 * A drill-down cell, linked to what it is about when the row says so: the case file (caseId),
 * the member's record (memberId). A discipline row's own decision links to the case it followed.
 */
const recordCell = (key: string, value: Cell, row: Record<string, Cell>) => {
  if (value == null || value === '') return '—';
  const text = String(value);
  const caseLink = row.caseId ? `/kiem-tra-giam-sat/${row.caseId}` : null;
  if (key === 'subject' && row.memberId)
    return <Link to={`/dang-vien/${row.memberId}`}>{text}</Link>;
  if ((key === 'decision' || key === 'case') && caseLink)
    return (
      <Link
        to={caseLink}
        title={row.disciplineId ? 'Mở cuộc kiểm tra dẫn đến quyết định này' : undefined}
      >
        {text}
      </Link>
    );
  // A subject seen in several cases: one link per decision is not known, so only a single one links.
  if (key === 'cases' && caseLink && !text.includes(';')) return <Link to={caseLink}>{text}</Link>;
  return text;
};

const NumberTable = ({
  rows,
  onOpen,
}: {
  rows: { key: string; label: string; count: number; drill: Drill }[];
  onOpen: (d: Drill) => void;
}) => (
  <Table
    size="small"
    rowKey="key"
    pagination={false}
    dataSource={rows}
    columns={[
      { title: 'Chỉ tiêu', dataIndex: 'label' },
      {
        title: 'Số lượng',
        align: 'right',
        render: (_, r) => (
          <Button
            type="link"
            onClick={() => onOpen(r.drill)}
            style={{ fontSize: 16, fontWeight: 600 }}
          >
            {r.count}
          </Button>
        ),
      },
    ]}
  />
);

export const FiguresPage = () => {
  const [filter, setFilter] = useState<{ year: number; orgUnitId?: number; body?: string }>({
    year: currentYear,
  });
  const [drill, setDrill] = useState<Drill | null>(null);
  const { data, error } = useQuery({
    queryKey: inspectionKeys.inspectionFigures(filter),
    queryFn: () =>
      api.GET('/api/inspection/figures', {
        params: { query: filter as ApiQuery<'/api/inspection/figures', 'get'> },
      }),
  });
  const records = useQuery({
    queryKey: inspectionKeys.inspectionFigureRecords(filter, drill),
    queryFn: () =>
      api.GET('/api/inspection/figures/records', {
        params: {
          query: { ...filter, ...drill } as ApiQuery<'/api/inspection/figures/records', 'get'>,
        },
      }),
    enabled: drill != null,
  });
  const cases = (data?.casesByKind ?? []).map((c) => ({
    key: c.kind,
    label: c.label,
    count: c.count,
    drill: { figure: 'cases', kind: c.kind },
  }));
  const groups = (data?.subjectsByGroup ?? []).map((g) => ({
    key: g.group,
    label: `${g.label}: tổ chức đảng, đảng viên`,
    count: g.total,
    drill: { figure: 'subjects', group: g.group },
  }));
  const bodies = (data?.subjectsByBody ?? [])
    .filter((b) => b.total > 0)
    .map((b) => ({
      key: b.body,
      label: b.label,
      count: b.total,
      drill: { figure: 'subjects', body: b.body },
    }));
  const discipline = (data?.disciplineByForm ?? []).map((d) => ({
    key: `${d.subjectKind}-${d.form}`,
    label: d.label,
    count: d.count,
    drill: { figure: 'discipline', form: d.form, subjectKind: d.subjectKind },
  }));
  const recs = data
    ? [
        {
          key: 'open',
          label: 'Kiến nghị đang theo dõi',
          count: data.recommendations.open,
          drill: { figure: 'recommendations', status: 'open' },
        },
        {
          key: 'done',
          label: 'Kiến nghị đã thực hiện xong',
          count: data.recommendations.done,
          drill: { figure: 'recommendations', status: 'done' },
        },
      ]
    : [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Số liệu kiểm tra, giám sát
      </Typography.Title>
      <Space wrap>
        <Select
          style={{ width: 130 }}
          value={filter.year}
          onChange={(year) => setFilter({ ...filter, year })}
          options={yearOptions}
        />
        <OrgUnitSelect
          style={{ width: 320 }}
          allowClear
          value={filter.orgUnitId}
          onChange={(orgUnitId) => setFilter({ ...filter, orgUnitId })}
        />
        <Select
          style={{ width: 260 }}
          allowClear
          placeholder="Mọi chủ thể tiến hành"
          value={filter.body}
          onChange={(body) => setFilter({ ...filter, body })}
          options={conductingBodies.map((b) => ({ value: b, label: conductingBodyLabels[b] }))}
        />
      </Space>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {data && (
        <>
          <Card data-testid="figure-sentences">
            {data.sentences.map((s) => (
              <Typography.Paragraph key={s} style={{ fontSize: 17, marginBottom: 6 }}>
                {s}
              </Typography.Paragraph>
            ))}
            <Typography.Text type="secondary">{data.countingRule}</Typography.Text>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title="Số cuộc theo loại">
                <BarChartView rows={cases.filter((c) => c.count > 0)} />
                <NumberTable rows={cases} onOpen={setDrill} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="Tổ chức đảng, đảng viên được kiểm tra, giám sát">
                <BarChartView rows={[...groups, ...bodies]} />
                <NumberTable rows={[...groups, ...bodies]} onOpen={setDrill} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="Thi hành kỷ luật">
                <BarChartView rows={discipline.filter((d) => d.count > 0)} />
                <NumberTable rows={discipline} onOpen={setDrill} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="Kiến nghị sau kiểm tra, giám sát">
                <BarChartView rows={recs} />
                <NumberTable rows={recs} onOpen={setDrill} />
              </Card>
            </Col>
          </Row>
        </>
      )}
      <Drawer
        open={drill != null}
        size="large"
        width={900}
        onClose={() => setDrill(null)}
        title={records.data?.title ?? 'Danh sách'}
      >
        {records.data && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon title={records.data.countingRule} />
            <Table
              rowKey={(_, i) => String(i)}
              data-testid="figure-records"
              dataSource={records.data.rows}
              pagination={{ pageSize: 50 }}
              columns={records.data.columns.map((c) => ({
                title: c.title,
                dataIndex: c.key,
                render: (v: Cell, row: Record<string, Cell>) => recordCell(c.key, v, row),
              }))}
            />
          </Space>
        )}
      </Drawer>
    </Space>
  );
};
