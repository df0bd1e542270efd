import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  type CommendationForm,
  type CommendationStatus,
  commendationFormLabels,
  commendationForms,
  commendationStatuses,
  commendationStatusLabels,
} from '../../../../domain/rules/commendations/commendations';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { emulationKeys } from './keys';
import { ProposalModal } from './ProposalModal';
import { CommendationStatusTag, yearOptions } from './shared';

/** The register of commendations proposed in the user's subtree, with their flow and eligibility. */
export const CommendationsPage = () => {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const movementId = params.get('movementId') ? Number(params.get('movementId')) : undefined;
  const [year, setYear] = useState<number | undefined>();
  const [status, setStatus] = useState<CommendationStatus | undefined>();
  const [form, setForm] = useState<CommendationForm | undefined>();
  const [proposing, setProposing] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: emulationKeys.commendations(year, status, form, movementId),
    queryFn: () =>
      api.GET('/api/emulation/commendations', {
        params: { query: { year, status, form, movementId } },
      }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Khen thưởng tổ chức đảng, đảng viên
      </Typography.Title>
      <Card>
        <Space wrap>
          <Select
            allowClear
            placeholder="Năm được khen"
            value={year}
            onChange={setYear}
            style={{ width: 160 }}
            options={yearOptions(8)}
          />
          <Select
            allowClear
            placeholder="Trạng thái"
            value={status}
            onChange={setStatus}
            style={{ width: 180 }}
            options={commendationStatuses.map((s) => ({
              value: s,
              label: commendationStatusLabels[s],
            }))}
          />
          <Select
            allowClear
            placeholder="Hình thức"
            value={form}
            onChange={setForm}
            style={{ width: 280, maxWidth: '100%' }}
            options={commendationForms.map((f) => ({ value: f, label: commendationFormLabels[f] }))}
          />
          {can('commendation.propose') && (
            <Button type="primary" size="large" onClick={() => setProposing(true)}>
              Đề nghị khen thưởng
            </Button>
          )}
          {movementId && <Link to={`/thi-dua/${movementId}`}>← Về phong trào</Link>}
        </Space>
      </Card>
      {proposing && (
        <ProposalModal
          movementId={movementId}
          onClose={() => setProposing(false)}
          onSaved={(id) => navigate(`/khen-thuong/${id}`)}
        />
      )}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      <Table
        rowKey="id"
        data-testid="commendations"
        loading={isLoading}
        dataSource={data?.items}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: 'Đối tượng',
            render: (_, r) => (
              <Link to={`/khen-thuong/${r.id}`}>
                {r.subjectName}
                {r.subjectKind === 'organisation' ? '' : ' (đảng viên)'}
              </Link>
            ),
          },
          {
            title: 'Hình thức',
            render: (_, r) =>
              `${commendationFormLabels[r.form]}${r.yearsRunning && r.yearsRunning > 1 ? `, ${r.yearsRunning} năm liền` : ''}`,
          },
          { title: 'Năm', dataIndex: 'year' },
          { title: 'Đơn vị đề nghị', dataIndex: 'proposingOrgUnitName' },
          {
            title: 'Điều kiện',
            render: (_, r) =>
              r.eligible === null ? (
                '—'
              ) : r.eligible ? (
                <Tag color="green">Đủ điều kiện</Tag>
              ) : (
                <Tag color="red">Chưa đủ</Tag>
              ),
          },
          { title: 'Trạng thái', render: (_, r) => <CommendationStatusTag status={r.status} /> },
          {
            title: 'Quyết định',
            render: (_, r) =>
              r.decisionRef
                ? `${r.decisionRef}${r.decidedOn ? ` (${formatDate(r.decidedOn)})` : ''}`
                : '—',
          },
        ]}
      />
    </Space>
  );
};
