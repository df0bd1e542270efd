import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import {
  type AgencyKind,
  agencyKindLabels,
  type MassOrganisationKind,
  massOrganisationKindLabels,
  orgOperationLabels,
  orgUnitKindLabels,
} from '../../../../domain/enums/org-units';
import { formatDate, formatNumber } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { UnitCommitteeSummary } from '../committees/CommitteeWidgets';
import { RemindersList } from '../lifecycle/RemindersPage';
import { orgUnitsKeys } from './keys';

type OperationRow = {
  id: number;
  kind: keyof typeof orgOperationLabels;
  effectiveDate: string;
  decisionNumber: string;
  summary: string;
};

export const OrgUnitDetailPanel = ({
  id,
  asOf,
  reloadKey,
}: {
  id: number;
  asOf?: string;
  reloadKey: number;
}) => {
  const { can } = useAuth();
  const detail = useQuery({
    queryKey: orgUnitsKeys.orgUnit(id, asOf, reloadKey),
    queryFn: () => api.GET('/api/org-units/{id}', { params: { path: { id }, query: { asOf } } }),
  });
  const operations = useQuery({
    queryKey: orgUnitsKeys.orgOps(id, reloadKey),
    queryFn: () => api.GET('/api/org-units/operations', { params: { query: { orgUnitId: id } } }),
  });
  if (detail.error) return <Alert type="error" showIcon title={(detail.error as Error).message} />;
  const d = detail.data;
  if (!d) return <Card loading />;
  return (
    <Card
      title={
        <span>
          {d.name}{' '}
          {d.dissolvedOn && <Tag color="default">Đã giải thể {formatDate(d.dissolvedOn)}</Tag>}
        </span>
      }
      extra={<Link to={`/dang-vien?orgUnitId=${d.id}`}>Danh sách đảng viên</Link>}
    >
      {!d.existsOnDate && (
        <Alert
          type="warning"
          showIcon
          title="Tổ chức này chưa thành lập hoặc đã giải thể vào ngày đang xem."
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label="Loại tổ chức">{orgUnitKindLabels[d.kind]}</Descriptions.Item>
        <Descriptions.Item label="Tên viết tắt">{d.shortName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Trực thuộc">
          {d.ancestors.map((a) => a.name).join(' › ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Ngày thành lập">{formatDate(d.establishedOn)}</Descriptions.Item>
        <Descriptions.Item label="Số đảng viên">
          <strong data-testid="unit-member-count">{formatNumber(d.memberCount)}</strong> (dự bị{' '}
          {formatNumber(d.probationaryCount)})
        </Descriptions.Item>
        <Descriptions.Item label="Tổ chức trực thuộc">
          {formatNumber(d.childCount)}
        </Descriptions.Item>
        {can('member.list') && (
          <Descriptions.Item label="Cấp ủy" span={2}>
            <UnitCommitteeSummary unitId={d.id} date={asOf} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'history',
            label: 'Lịch sử',
            children: (
              <Timeline
                items={d.history.map((h) => ({
                  color: h.validTo ? 'gray' : 'green',
                  children: (
                    <div>
                      <Typography.Text strong>
                        {formatDate(h.validFrom)} – {h.validTo ? formatDate(h.validTo) : 'nay'}
                      </Typography.Text>
                      : {h.name} ({orgUnitKindLabels[h.kind]})
                      {h.parentName ? `, trực thuộc ${h.parentName}` : ''}
                      {h.operation && (
                        <div>
                          <Typography.Text type="secondary">
                            {orgOperationLabels[h.operation.kind]} theo quyết định{' '}
                            {h.operation.decisionNumber}
                          </Typography.Text>
                        </div>
                      )}
                    </div>
                  ),
                }))}
              />
            ),
          },
          {
            key: 'agencies',
            label: 'Cơ quan & đoàn thể',
            children: d.agencies.length ? (
              d.agencies.map((a) => (
                <Card
                  key={a.id}
                  size="small"
                  title={a.name}
                  extra={agencyKindLabels[a.kind as AgencyKind]}
                  style={{ marginBottom: 8 }}
                >
                  <Typography.Paragraph>
                    Số cán bộ, công chức, người lao động: {a.staffCount ?? '—'}
                  </Typography.Paragraph>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="id"
                    dataSource={a.massOrganisations}
                    columns={[
                      { title: 'Đoàn thể', dataIndex: 'name' },
                      {
                        title: 'Loại',
                        dataIndex: 'kind',
                        render: (k: MassOrganisationKind) => massOrganisationKindLabels[k],
                      },
                      { title: 'Số đoàn viên, hội viên', dataIndex: 'memberCount', align: 'right' },
                    ]}
                  />
                </Card>
              ))
            ) : (
              <Typography.Text type="secondary">Chưa gắn cơ quan, đơn vị.</Typography.Text>
            ),
          },
          ...(can('recruitment.read') && !d.dissolvedOn
            ? [
                {
                  key: 'reminders',
                  label: 'Việc cần làm',
                  children: <RemindersList orgUnitId={d.id} compact />,
                },
              ]
            : []),
          {
            key: 'operations',
            label: 'Quyết định sắp xếp',
            children: (
              <Table
                size="small"
                rowKey="id"
                dataSource={operations.data?.items ?? []}
                pagination={{ pageSize: 10 }}
                columns={[
                  {
                    title: 'Ngày hiệu lực',
                    dataIndex: 'effectiveDate',
                    render: formatDate,
                    width: 120,
                  },
                  {
                    title: 'Loại',
                    dataIndex: 'kind',
                    render: (k: OperationRow['kind']) => orgOperationLabels[k],
                    width: 130,
                  },
                  { title: 'Nội dung', dataIndex: 'summary' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
};
