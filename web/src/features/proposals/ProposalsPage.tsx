import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Input,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type ProposalSourceKind,
  type ProposalState,
  proposalFieldLabels,
  proposalSourceKindLabels,
  proposalSourceKinds,
  proposalStateLabels,
  proposalStates,
  type TProposal,
} from '../../../../contracts/proposals';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { currentYear } from '../resolutions/shared';
import { proposalsKeys } from './keys';
import { ProposalAnswerModal, ProposalFormModal } from './ProposalFormModal';

const stateColors: Record<ProposalState, string> = {
  received: 'default',
  assigned: 'blue',
  overdue: 'red',
  answered: 'green',
  withdrawn: 'default',
};

const ProposalStateTag = ({ state }: { state: ProposalState }) => (
  <Tag color={stateColors[state]}>{proposalStateLabels[state]}</Tag>
);

/** One proposal: what was raised, by whom, to whom, and the answer; the actions the caller may take. */
const ProposalDrawer = ({ id, onClose }: { id: number; onClose: () => void }) => {
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [answering, setAnswering] = useState(false);
  const { data: p, refetch } = useQuery({
    queryKey: proposalsKeys.proposal(id),
    queryFn: () => api.GET('/api/proposals/{id}', { params: { path: { id } } }),
  });
  const withdraw = (detail: TProposal) =>
    modal.confirm({
      title: 'Ghi việc rút kiến nghị?',
      content: 'Kiến nghị đã rút không còn chờ trả lời và không tính quá hạn.',
      okText: 'Rút kiến nghị',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await api.POST('/api/proposals/{id}/withdraw', {
            params: { path: { id: detail.id } },
            body: { version: detail.version },
          });
          message.success('Đã ghi việc rút kiến nghị.');
          await refetch();
        } catch (e) {
          message.error(applyApiError(e));
        }
      },
    });
  return (
    <Drawer open title="Chi tiết kiến nghị" onClose={onClose} size="large">
      {p && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <ProposalStateTag state={p.state} />
            {p.canAnswer && p.state !== 'answered' && (
              <Button type="primary" onClick={() => setAnswering(true)}>
                Trả lời
              </Button>
            )}
            {p.canEdit && <Button onClick={() => setEditing(true)}>Sửa</Button>}
            {p.canEdit && p.state !== 'answered' && p.state !== 'withdrawn' && (
              <Button danger onClick={() => withdraw(p)}>
                Rút kiến nghị
              </Button>
            )}
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="Nơi tiếp nhận">{p.orgUnitName}</Descriptions.Item>
            <Descriptions.Item label="Ngày tiếp nhận">{formatDate(p.raisedOn)}</Descriptions.Item>
            <Descriptions.Item label="Người, nơi kiến nghị">
              {proposalSourceKindLabels[p.sourceKind]}: {p.sourceName}
              {p.sourceText && p.sourceName !== p.sourceText ? ` (${p.sourceText})` : ''}
            </Descriptions.Item>
            {p.meetingId && (
              <Descriptions.Item label="Nêu tại">
                <Link to={`/sinh-hoat?hoi-nghi=${p.meetingId}`} data-testid="proposal-meeting">
                  {p.meetingTitle} ({formatDate(p.meetingHeldOn)})
                </Link>
              </Descriptions.Item>
            )}
            {p.field && (
              <Descriptions.Item label="Lĩnh vực">{proposalFieldLabels[p.field]}</Descriptions.Item>
            )}
            <Descriptions.Item label="Nội dung">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {p.content}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="Gửi đến">{p.addressee ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Giao trả lời">
              {p.assigneeOrgUnitName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Hạn trả lời">{formatDate(p.dueOn) || '—'}</Descriptions.Item>
            <Descriptions.Item label="Trả lời">
              {p.answeredOn ? (
                <>
                  <div>
                    Ngày {formatDate(p.answeredOn)}
                    {p.answerRef ? `, văn bản số ${p.answerRef}` : ''}
                  </div>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {p.answer}
                  </Typography.Paragraph>
                  {p.answerDocumentId && (
                    <a
                      href={`/api/proposals/documents/${p.answerDocumentId}`}
                      data-testid="answer-document"
                    >
                      {p.answerFileName ?? 'Tải văn bản trả lời'}
                    </a>
                  )}
                </>
              ) : (
                'Chưa trả lời'
              )}
            </Descriptions.Item>
          </Descriptions>
        </Space>
      )}
      {p && editing && <ProposalFormModal detail={p} onClose={() => setEditing(false)} />}
      {p && answering && <ProposalAnswerModal detail={p} onClose={() => setAnswering(false)} />}
    </Drawer>
  );
};

/** The register of proposals and recommendations of the user's subtree, with the answer flow. */
export const ProposalsPage = () => {
  const { can, user } = useAuth();
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('id')) || null;
  const [unitId, setUnitId] = useState<number | undefined>();
  const [year, setYear] = useState<number | undefined>(currentYear);
  const [state, setState] = useState<ProposalState | undefined>();
  const [sourceKind, setSourceKind] = useState<ProposalSourceKind | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: proposalsKeys.proposals(unitId, year, state, sourceKind, q),
    queryFn: () =>
      api.GET('/api/proposals', {
        params: { query: { orgUnitId: unitId, year, state, sourceKind, q: q || undefined } },
      }),
  });
  const open = (id: number | null) => setParams(id ? { id: String(id) } : {});
  const c = data?.counts;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Đề xuất, kiến nghị
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
            allowClear
            placeholder="Năm tiếp nhận"
            value={year}
            onChange={setYear}
            style={{ width: 150 }}
            options={[0, 1, 2, 3, 4].map((i) => ({
              value: currentYear - i,
              label: `Năm ${currentYear - i}`,
            }))}
          />
          <Select
            allowClear
            placeholder="Tình trạng"
            value={state}
            onChange={setState}
            style={{ width: 170 }}
            options={proposalStates.map((s) => ({ value: s, label: proposalStateLabels[s] }))}
          />
          <Select
            allowClear
            placeholder="Nguồn kiến nghị"
            value={sourceKind}
            onChange={setSourceKind}
            style={{ width: 190 }}
            options={proposalSourceKinds.map((k) => ({
              value: k,
              label: proposalSourceKindLabels[k],
            }))}
          />
          <Input.Search
            allowClear
            placeholder="Tìm theo nội dung, người kiến nghị"
            onSearch={setQ}
            style={{ width: 280, maxWidth: '100%' }}
          />
          {can('proposal.write') && (
            <Button type="primary" size="large" onClick={() => setCreating(true)}>
              Tiếp nhận kiến nghị
            </Button>
          )}
        </Space>
      </Card>
      {c && (
        <Card size="small">
          <Space wrap size="large" data-testid="proposal-counts">
            <Statistic title="Tiếp nhận" value={c.total} />
            <Statistic title="Đã trả lời" value={c.answered} />
            <Statistic title="Đang xử lý" value={c.received + c.assigned} />
            <Statistic
              title="Quá hạn"
              value={c.overdue}
              styles={{ content: c.overdue ? { color: '#cf1322' } : undefined }}
            />
            <Statistic title="Đã rút" value={c.withdrawn} />
          </Space>
        </Card>
      )}
      {creating && (
        <ProposalFormModal
          defaultUnitId={unitId ?? user?.scopeOrgUnitId}
          defaultUnitName={unitId ? undefined : user?.scopeName}
          onClose={() => setCreating(false)}
        />
      )}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      <Table
        rowKey="id"
        data-testid="proposals"
        loading={isLoading}
        dataSource={data?.items}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: 'Ngày nhận', render: (_, r) => formatDate(r.raisedOn), width: 110 },
          {
            title: 'Người, nơi kiến nghị',
            render: (_, r) => (
              <>
                <div>{r.sourceName}</div>
                <Typography.Text type="secondary">
                  {proposalSourceKindLabels[r.sourceKind]}
                </Typography.Text>
              </>
            ),
          },
          {
            title: 'Nội dung',
            render: (_, r) => (
              <Typography.Link onClick={() => open(r.id)}>
                {r.content.length > 140 ? `${r.content.slice(0, 140)}…` : r.content}
              </Typography.Link>
            ),
          },
          {
            title: 'Giao trả lời',
            render: (_, r) => r.assigneeOrgUnitName ?? r.addressee ?? '—',
          },
          { title: 'Hạn', render: (_, r) => formatDate(r.dueOn) || '—', width: 110 },
          {
            title: 'Tình trạng',
            render: (_, r) => <ProposalStateTag state={r.state} />,
            width: 150,
          },
        ]}
      />
      {openId && <ProposalDrawer id={openId} onClose={() => open(null)} />}
    </Space>
  );
};
