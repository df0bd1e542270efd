// "Cấp ủy": a unit's committee as of a date, grouped by position; its history over the terms; its
// structure against the personnel plan of its latest congress; forms for mid-term changes.
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  List,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TCommitteeRow, TCommitteeStructure } from '../../../../contracts/committees';
import {
  type CommitteeEndReason,
  type CommitteeStartReason,
  committeeEndReasonLabels,
  committeePositionLabels,
  committeeStartReasonLabels,
} from '../../../../domain/enums/congresses';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { todayLocal } from '../resolutions/shared';
import { AddPositionModal, ChangePositionModal, EndPositionModal } from './CommitteeForms';
import { committeesKeys } from './keys';

const reasonLabel = (kind: 'start' | 'end', reason: string | null) =>
  reason === null
    ? 'Chuyển sang chức vụ khác'
    : kind === 'start'
      ? committeeStartReasonLabels[reason as CommitteeStartReason]
      : committeeEndReasonLabels[reason as CommitteeEndReason];

const CommitteeNow = ({ unitId, date }: { unitId: number; date: string }) => {
  const { data, error, isLoading } = useQuery({
    queryKey: committeesKeys.committee(unitId, date),
    queryFn: () => api.GET('/api/committees', { params: { query: { orgUnitId: unitId, date } } }),
  });
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<TCommitteeRow | null>(null);
  const [changing, setChanging] = useState<TCommitteeRow | null>(null);
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (isLoading || !data) return <Card loading />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>
          {data.term
            ? `Nhiệm kỳ ${data.term.fromYear}–${data.term.toYear}; ${data.memberCount} cấp ủy viên vào ngày ${formatDate(data.date)}.`
            : `Chưa có cấp ủy được ghi vào ngày ${formatDate(data.date)}.`}
        </Typography.Text>
        {data.canEdit && (
          <Button type="primary" onClick={() => setAdding(true)}>
            Bổ sung chức vụ
          </Button>
        )}
      </Space>
      {!data.unitExisted && (
        <Alert
          type="warning"
          showIcon
          title="Tổ chức này chưa thành lập hoặc đã hợp nhất, giải thể vào ngày đang xem: chức vụ cấp ủy được giữ nguyên như đã ghi, xem ở tab Lịch sử."
        />
      )}
      {data.groups.length === 0 && data.unitExisted && (
        <Empty description="Chưa có dữ liệu cấp ủy" />
      )}
      {data.groups.map((g) => (
        <Card key={g.position} size="small" title={committeePositionLabels[g.position]}>
          <List
            dataSource={g.items}
            renderItem={(r) => (
              <List.Item>
                <div
                  style={{
                    display: 'flex',
                    flexWrap: 'wrap',
                    justifyContent: 'space-between',
                    alignItems: 'center',
                    gap: 8,
                    width: '100%',
                  }}
                >
                  <div style={{ flex: '1 1 260px', minWidth: 0 }}>
                    <Typography.Text strong>{r.fullName}</Typography.Text>{' '}
                    {r.reElected && <Tag color="blue">Tái cử</Tag>}
                    <div>
                      <Typography.Text type="secondary">
                        Từ {formatDate(r.fromDate)}
                        {r.toDate ? ` đến ${formatDate(r.toDate)}` : ''} –{' '}
                        {committeeStartReasonLabels[r.startReason]}
                        {r.startDecisionRef ? `, ${r.startDecisionRef}` : ''}
                      </Typography.Text>
                    </div>
                  </div>
                  {data.canEdit && r.toDate === null && (
                    <Space wrap>
                      <Button size="small" onClick={() => setChanging(r)}>
                        Chuyển chức vụ
                      </Button>
                      <Button size="small" danger onClick={() => setEnding(r)}>
                        Thôi giữ
                      </Button>
                    </Space>
                  )}
                </div>
              </List.Item>
            )}
          />
        </Card>
      ))}
      {adding && (
        <AddPositionModal
          unitId={unitId}
          unitName={data.orgUnit.name}
          onClose={() => setAdding(false)}
        />
      )}
      {ending && <EndPositionModal row={ending} onClose={() => setEnding(null)} />}
      {changing && <ChangePositionModal row={changing} onClose={() => setChanging(null)} />}
    </Space>
  );
};

const CommitteeHistory = ({ unitId }: { unitId: number }) => {
  const { data, error } = useQuery({
    queryKey: committeesKeys.committeeHistory(unitId),
    queryFn: () => api.GET('/api/committees/history', { params: { query: { orgUnitId: unitId } } }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  return (
    <Table
      size="small"
      rowKey={(e) => `${e.rowId}-${e.kind}`}
      loading={!data}
      dataSource={data?.events ?? []}
      scroll={{ x: 640 }}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: 'Ngày', dataIndex: 'date', render: formatDate, width: 110 },
        {
          title: 'Thay đổi',
          key: 'what',
          render: (_, e) => (
            <span>
              <Tag color={e.kind === 'start' ? 'green' : 'default'}>
                {e.kind === 'start' ? 'Nhận' : 'Thôi'}
              </Tag>
              {committeePositionLabels[e.position]}
            </span>
          ),
        },
        { title: 'Đồng chí', dataIndex: 'fullName' },
        { title: 'Lý do', key: 'reason', render: (_, e) => reasonLabel(e.kind, e.reason) },
        { title: 'Quyết định', dataIndex: 'decisionRef', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
};

const value = (r: TCommitteeStructure['rows'][number], v: number | null) =>
  v === null ? '—' : r.unit === 'pct' ? `${String(v).replace('.', ',')}%` : String(v);

const CommitteeStructure = ({ unitId, date }: { unitId: number; date: string }) => {
  const { data, error } = useQuery({
    queryKey: committeesKeys.committeeStructure(unitId, date),
    queryFn: () =>
      api.GET('/api/committees/structure', { params: { query: { orgUnitId: unitId, date } } }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {data?.congress
          ? `So với đề án nhân sự của đại hội ngày ${formatDate(data.congress.heldOn ?? data.congress.plannedOn)}.`
          : 'Chưa có đại hội (đề án nhân sự) được ghi cho tổ chức này trước ngày đang xem.'}
      </Typography.Text>
      <Table
        size="small"
        rowKey="key"
        loading={!data}
        pagination={false}
        dataSource={data?.rows ?? []}
        columns={[
          { title: 'Chỉ tiêu', dataIndex: 'label' },
          { title: 'Thực tế', key: 'actual', align: 'right', render: (_, r) => value(r, r.actual) },
          { title: 'Đề án', key: 'planned', align: 'right', render: (_, r) => value(r, r.planned) },
          {
            title: 'Chênh lệch',
            key: 'gap',
            align: 'right',
            render: (_, r) => (
              <span style={r.short ? { color: '#cf1322', fontWeight: 600 } : undefined}>
                {r.gap === null ? '—' : `${r.gap > 0 ? '+' : ''}${value(r, r.gap)}`}
              </span>
            ),
          },
        ]}
      />
    </Space>
  );
};

export const CommitteePage = () => {
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unit')) || user?.scopeOrgUnitId;
  const [date, setDate] = useState(todayLocal());
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Cấp ủy
      </Typography.Title>
      <Space wrap>
        <OrgUnitSelect
          value={unitId}
          onChange={(id) => id && setParams({ unit: String(id) })}
          style={{ minWidth: 280 }}
        />
        <Space>
          <span>Vào ngày</span>
          <DatePicker
            format="DD/MM/YYYY"
            value={dayjs(date)}
            allowClear={false}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            aria-label="Vào ngày"
          />
        </Space>
      </Space>
      {unitId ? (
        <Tabs
          items={[
            {
              key: 'now',
              label: 'Cấp ủy vào ngày',
              children: <CommitteeNow unitId={unitId} date={date} />,
            },
            { key: 'history', label: 'Lịch sử', children: <CommitteeHistory unitId={unitId} /> },
            {
              key: 'structure',
              label: 'Cơ cấu so với đề án',
              children: <CommitteeStructure unitId={unitId} date={date} />,
            },
          ]}
        />
      ) : (
        <Empty description="Chọn tổ chức đảng" />
      )}
    </Space>
  );
};
