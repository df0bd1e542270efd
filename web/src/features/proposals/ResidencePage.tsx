import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { residenceConclusionLabels, type TResidenceRoster } from '../../../../contracts/proposals';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { currentYear } from '../resolutions/shared';
import { proposalsKeys } from './keys';
import { ResidenceCommentModal } from './ResidenceCommentModal';
import { ResidenceFormLink } from './ResidenceCommentsPanel';

type Item = TResidenceRoster['items'][number];

/**
 * The residence cell's comments of a year for a unit's members (Quy định 213-QĐ/TW): who has one, who
 * still lacks one before the year-end evaluation.
 */
export const ResidencePage = () => {
  const [unitId, setUnitId] = useState<number | undefined>();
  // Comments on year N are gathered at the end of N for the year's evaluation.
  const [year, setYear] = useState(currentYear);
  const [show, setShow] = useState<'all' | 'missing' | 'done'>('all');
  const [editing, setEditing] = useState<Item | null>(null);
  const { data, isLoading, error } = useQuery({
    queryKey: proposalsKeys.residenceRoster(unitId, year),
    queryFn: () =>
      api.GET('/api/proposals/residence/roster', {
        params: { query: { orgUnitId: unitId, year } },
      }),
  });
  const items = (data?.items ?? []).filter((i) =>
    show === 'all' ? true : show === 'missing' ? !i.comment : Boolean(i.comment),
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Nhận xét của chi bộ nơi cư trú
      </Typography.Title>
      <Card>
        <Space wrap>
          <OrgUnitSelect
            allowClear
            value={unitId}
            onChange={setUnitId}
            placeholder="Đơn vị (mặc định: phạm vi của tôi)"
            style={{ width: 280, maxWidth: '100%' }}
          />
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 130 }}
            options={[0, 1, 2, 3, 4].map((i) => ({
              value: currentYear - i,
              label: `Năm ${currentYear - i}`,
            }))}
          />
          <Segmented
            value={show}
            onChange={(v) => setShow(v as typeof show)}
            options={[
              { value: 'all', label: 'Tất cả' },
              { value: 'missing', label: 'Chưa có' },
              { value: 'done', label: 'Đã có' },
            ]}
          />
        </Space>
      </Card>
      {data && (
        <Card size="small">
          <Space wrap size="large" data-testid="residence-counts">
            <Statistic title="Đảng viên" value={data.items.length} />
            <Statistic title="Đã có nhận xét" value={data.withComment} />
            <Statistic title="Chưa có nhận xét" value={data.withoutComment} />
          </Space>
        </Card>
      )}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      <Table
        rowKey="memberId"
        data-testid="residence-roster"
        loading={isLoading}
        dataSource={items}
        pagination={{ pageSize: 30 }}
        // Column widths: on a phone names went a word per line in 800 px (issue 22's walk).
        scroll={{ x: 1060 }}
        columns={[
          {
            title: 'Đảng viên',
            width: 180,
            render: (_, r) => <Link to={`/dang-vien/${r.memberId}`}>{r.fullName}</Link>,
          },
          { title: 'Chi bộ', dataIndex: 'orgUnitName', width: 200 },
          {
            title: 'Chi bộ nơi cư trú',
            width: 200,
            render: (_, r) => r.comment?.residenceCell ?? '—',
          },
          {
            title: 'Nhận xét',
            render: (_, r) =>
              r.comment ? (
                <Space orientation="vertical" size={0}>
                  <span>
                    {formatDate(r.comment.commentedOn)}
                    {r.comment.conclusion && (
                      <Tag
                        color={r.comment.conclusion === 'fulfilled' ? 'green' : 'orange'}
                        style={{ marginLeft: 8 }}
                      >
                        {residenceConclusionLabels[r.comment.conclusion]}
                      </Tag>
                    )}
                  </span>
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
                    {r.comment.comment}
                  </Typography.Text>
                  <ResidenceFormLink documentId={r.comment.documentId} />
                </Space>
              ) : (
                <Tag color="red">Chưa có</Tag>
              ),
          },
          ...(data?.canWrite
            ? [
                {
                  title: '',
                  render: (_: unknown, r: Item) => (
                    <Button size="small" onClick={() => setEditing(r)}>
                      {r.comment ? 'Sửa' : 'Ghi nhận xét'}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && data && (
        <ResidenceCommentModal
          memberId={editing.memberId}
          memberName={editing.fullName}
          year={year}
          unitId={data.orgUnitId}
          detail={editing.comment}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
};
