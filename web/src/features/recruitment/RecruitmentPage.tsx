import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, Space, Switch, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TBoardItem } from '../../../../contracts/recruitment';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { ApplicantCreateModal } from './ApplicantCreateModal';
import { DeadlineTag } from './deadline-tag';
import { recruitmentKeys } from './keys';
import { TargetsPanel } from './TargetsPanel';

const ApplicantCard = ({ item }: { item: TBoardItem }) => (
  <Card size="small" style={{ marginBottom: 8 }} data-testid={`applicant-${item.id}`}>
    <Link to={`/phat-trien-dang/${item.id}`} style={{ fontWeight: 600 }}>
      {item.fullName}
    </Link>
    <div style={{ color: '#666', fontSize: 13 }}>
      {formatDate(item.birthDate)} · {item.orgUnitName}
    </div>
    {item.lastStepDate && (
      <div style={{ color: '#666', fontSize: 13 }}>
        Bước gần nhất: {formatDate(item.lastStepDate)}
      </div>
    )}
    {item.nextDeadline && <DeadlineTag deadline={item.nextDeadline} />}
  </Card>
);

/** Columns = the step each applicant is waiting for; overdue and soon-due first. */
const BoardView = ({ orgUnitId }: { orgUnitId?: number }) => {
  const [q, setQ] = useState('');
  const [closed, setClosed] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: recruitmentKeys.recruitmentBoard(orgUnitId, q, closed),
    queryFn: () =>
      api.GET('/api/recruitment/board', {
        params: { query: { orgUnitId, q, includeClosed: closed ? 'true' : undefined } },
      }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  const finished = data?.items.filter((i) => !i.nextStep) ?? [];
  const columns = (data?.columns ?? [])
    .map((c) => ({ ...c, items: data?.items.filter((i) => i.nextStep === c.step) ?? [] }))
    .filter((c) => c.items.length > 0);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          placeholder="Tìm theo tên (không cần dấu)"
          allowClear
          onSearch={setQ}
          style={{ width: 280 }}
        />
        <Space>
          <Switch checked={closed} onChange={setClosed} /> Hiện cả hồ sơ đã xong, đã dừng
        </Space>
        {data && <Typography.Text type="secondary">{data.items.length} hồ sơ</Typography.Text>}
      </Space>
      {data?.truncated && (
        <Alert
          type="info"
          showIcon
          title="Chỉ hiện 500 hồ sơ mới nhất; chọn đơn vị nhỏ hơn để xem hết."
        />
      )}
      {!isLoading && columns.length === 0 && finished.length === 0 && (
        <Empty description="Chưa có quần chúng ưu tú nào trong danh sách tạo nguồn." />
      )}
      <div
        style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }}
        data-testid="pipeline-board"
      >
        {columns.map((c) => (
          <div
            key={c.step}
            style={{ minWidth: 250, maxWidth: 250 }}
            data-testid={`column-${c.step}`}
          >
            <div style={{ fontWeight: 600, marginBottom: 8 }}>
              Chờ: {c.label}
              {c.formCode ? ` (${c.formCode})` : ''} · {c.items.length}
            </div>
            {c.items.map((i) => (
              <ApplicantCard key={i.id} item={i} />
            ))}
          </div>
        ))}
        {finished.length > 0 && (
          <div style={{ minWidth: 250 }} data-testid="column-finished">
            <div style={{ fontWeight: 600, marginBottom: 8 }}>
              Đã xong / dừng · {finished.length}
            </div>
            {finished.map((i) => (
              <ApplicantCard key={i.id} item={i} />
            ))}
          </div>
        )}
      </div>
    </>
  );
};

export const RecruitmentPage = () => {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const orgUnitId = params.get('don-vi') ? Number(params.get('don-vi')) : undefined;
  const [creating, setCreating] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Phát triển đảng viên
        </Typography.Title>
        <Space wrap>
          <OrgUnitSelect
            value={orgUnitId}
            allowClear
            placeholder="Toàn bộ phạm vi của tôi"
            style={{ width: 340 }}
            onChange={(id) => setParams(id ? { 'don-vi': String(id) } : {})}
          />
          {can('recruitment.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Thêm quần chúng ưu tú
            </Button>
          )}
        </Space>
      </Space>
      <Tabs
        items={[
          {
            key: 'board',
            label: 'Theo dõi từng bước',
            children: <BoardView orgUnitId={orgUnitId} />,
          },
          {
            key: 'targets',
            label: 'Chỉ tiêu kết nạp',
            children: <TargetsPanel orgUnitId={orgUnitId} />,
          },
        ]}
      />
      {creating && (
        <ApplicantCreateModal
          defaultOrgUnitId={orgUnitId}
          onClose={() => setCreating(false)}
          onDone={(id) => navigate(`/phat-trien-dang/${id}`)}
        />
      )}
    </Space>
  );
};
