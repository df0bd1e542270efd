// The elections of a congress (a section of the congress page): each body's rounds with their
// candidates, votes and outcome; the re-vote after a tie or a shortfall; the upper level's
// approval (chuẩn y), which opens the elected people's positions on the committee.
import { CheckCircleOutlined, EditOutlined, PlusOutlined, RedoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TElection } from '../../../../../contracts/congress-elections';
import { electionBodyLabels } from '../../../../../domain/enums/congresses';
import { api } from '../../../api/client';
import { applyApiError } from '../../../components/errors';
import { congressesKeys } from '../keys';
import { ElectionFormModal, type ElectionFormMode } from './ElectionFormModal';
import { congressElectionsKeys } from './keys';
import { OutcomeTag, percent, vnDate } from './shared';

const ApproveModal = ({
  congressId,
  election,
  onClose,
}: {
  congressId: number;
  election: TElection;
  onClose: () => void;
}) => {
  const [form] = Form.useForm<{ approvedOn: Dayjs; approvalRef: string }>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const res = await api.POST('/api/congresses/{id}/elections/{electionId}/approve', {
        params: { path: { id: congressId, electionId: election.id } },
        body: {
          approvedOn: v.approvedOn.format('YYYY-MM-DD'),
          approvalRef: v.approvalRef,
          version: election.version,
        },
      });
      message.success(
        `Đã chuẩn y kết quả; ${res.openedPositions} người nhận chức danh trong cấp ủy.`,
      );
      await client.invalidateQueries({ queryKey: congressElectionsKeys.congressElections() });
      // The congress page reads whether its elections are recorded (results approval).
      await client.invalidateQueries({ queryKey: congressesKeys.congress(congressId) });
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`Chuẩn y kết quả bầu ${electionBodyLabels[election.body].toLowerCase()}`}
      onCancel={onClose}
      onOk={save}
      okText="Chuẩn y"
      cancelText="Hủy"
      confirmLoading={saving}
      style={{ maxWidth: 'calc(100vw - 16px)' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Người trúng cử giữ chức danh từ ngày bầu ({vnDate(election.heldOn)}); quyết định chuẩn y
        được ghi kèm.
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ approvedOn: dayjs() }}
        requiredMark={false}
      >
        <Form.Item
          name="approvedOn"
          label="Ngày chuẩn y"
          rules={[{ required: true, message: 'Chọn ngày.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="approvalRef"
          label="Quyết định chuẩn y"
          rules={[{ required: true, message: 'Ghi số quyết định.' }]}
        >
          <Input placeholder="Quyết định số …-QĐ/ĐU ngày …" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
};

const ElectionCard = ({
  election: e,
  congressId,
  canWrite,
  canApprove,
  onRevote,
  onEdit,
  onApprove,
}: {
  election: TElection;
  congressId: number;
  canWrite: boolean;
  canApprove: boolean;
  onRevote: () => void;
  onEdit: () => void;
  onApprove: () => void;
}) => {
  const client = useQueryClient();
  const { message } = App.useApp();
  // On a phone the outcome goes under the name, so it is seen without scrolling the table.
  const narrow = !Grid.useBreakpoint().sm;
  const approved = e.status === 'approved';
  const last = !e.hasLaterRound;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      styles={{ title: { whiteSpace: 'normal' } }}
      title={
        <Space wrap size={4}>
          <span>
            {electionBodyLabels[e.body]} – lần thứ {e.roundNo}
          </span>
          {approved ? (
            <Tag color="green">Đã chuẩn y {vnDate(e.approvedOn)}</Tag>
          ) : (
            <Tag>Chưa chuẩn y</Tag>
          )}
        </Space>
      }
    >
      <div>
        <Space wrap size={4} style={{ marginBottom: 8 }}>
          {canWrite && !approved && last ? (
            <>
              <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
                Sửa
              </Button>
              <Popconfirm
                title="Xóa lần bầu này?"
                okText="Xóa"
                cancelText="Không"
                onConfirm={async () => {
                  try {
                    await api.DELETE('/api/congresses/{id}/elections/{electionId}', {
                      params: { path: { id: congressId, electionId: e.id } },
                    });
                    await client.invalidateQueries({
                      queryKey: congressElectionsKeys.congressElections(),
                    });
                    await client.invalidateQueries({
                      queryKey: congressesKeys.congress(congressId),
                    });
                  } catch (err) {
                    message.error(applyApiError(err));
                  }
                }}
              >
                <Button size="small" danger>
                  Xóa
                </Button>
              </Popconfirm>
            </>
          ) : null}
          {canApprove && !approved && e.body !== 'delegates' ? (
            <Button size="small" type="primary" icon={<CheckCircleOutlined />} onClick={onApprove}>
              Chuẩn y
            </Button>
          ) : null}
        </Space>
      </div>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        Ngày {vnDate(e.heldOn)}
        {e.atFirstSession ? ' (hội nghị lần thứ nhất của cấp ủy khóa mới)' : ''} · cần bầu {e.seats}{' '}
        · phát ra {e.ballotsIssued}, thu vào {e.ballotsReturned}, hợp lệ {e.ballotsValid}, không hợp
        lệ {e.ballotsInvalid} · trúng cử từ {e.votesNeeded} phiếu (quá nửa của {e.majorityBase})
        {approved && e.approvalRef ? ` · ${e.approvalRef}` : ''}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="memberId"
        pagination={false}
        dataSource={e.candidates}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            render: (name: string, c) => (
              <Space direction="vertical" size={0}>
                <span>{name}</span>
                {c.orgUnitName ? (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {c.orgUnitName}
                  </Typography.Text>
                ) : null}
                {narrow ? <OutcomeTag outcome={c.outcome} /> : null}
              </Space>
            ),
          },
          {
            title: 'Số phiếu',
            dataIndex: 'votes',
            align: 'right',
            render: (votes: number, c) => (
              <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
                <span>{votes}</span>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {percent(c.shareOfValid)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: 'Kết quả',
            dataIndex: 'outcome',
            responsive: ['sm'],
            render: (o: TElection['candidates'][number]['outcome']) => <OutcomeTag outcome={o} />,
          },
        ]}
      />
      {e.furtherRound ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          message={e.furtherRound.reason === 'tie' ? 'Có người bằng phiếu' : 'Chưa đủ số lượng'}
          description={e.furtherRound.message}
          action={
            canWrite && last ? (
              <Button size="small" icon={<RedoOutlined />} onClick={onRevote}>
                Bầu lại
              </Button>
            ) : undefined
          }
        />
      ) : null}
    </Card>
  );
};

/** The elections of a congress, by body and round, with the entry form and the approval. */
export const CongressElectionsPanel = ({ congressId }: { congressId: number }) => {
  const [mode, setMode] = useState<ElectionFormMode | null>(null);
  const [approving, setApproving] = useState<TElection | null>(null);
  const { data, isLoading, error } = useQuery({
    queryKey: congressElectionsKeys.congressElections(congressId),
    queryFn: () =>
      api.GET('/api/congresses/{id}/elections', { params: { path: { id: congressId } } }),
  });
  if (isLoading) return <Spin />;
  if (error || !data) return <Alert type="error" showIcon message={applyApiError(error)} />;
  const { items, canWrite, canApprove } = data;
  const congressBodies = items.filter((e) => !e.atFirstSession);
  const firstSession = items.filter((e) => e.atFirstSession);
  const cards = (list: TElection[]) =>
    list.map((e) => (
      <ElectionCard
        key={e.id}
        election={e}
        congressId={congressId}
        canWrite={canWrite}
        canApprove={canApprove}
        onRevote={() => setMode({ kind: 'revote', of: e })}
        onEdit={() => setMode({ kind: 'edit', election: e })}
        onApprove={() => setApproving(e)}
      />
    ));
  return (
    <div>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">
          Nhiệm kỳ {data.congress.termFromYear}–{data.congress.termToYear} ·{' '}
          {data.congress.orgUnitName}
        </Typography.Text>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ kind: 'new' })}>
            Ghi kết quả bầu cử
          </Button>
        ) : null}
      </Space>
      {items.length === 0 ? <Empty description="Chưa ghi kết quả bầu cử nào." /> : null}
      {congressBodies.length ? (
        <>
          <Typography.Title level={5}>Bầu tại đại hội</Typography.Title>
          {cards(congressBodies)}
        </>
      ) : null}
      {firstSession.length ? (
        <>
          <Typography.Title level={5}>Hội nghị lần thứ nhất của cấp ủy khóa mới</Typography.Title>
          {cards(firstSession)}
        </>
      ) : null}
      {mode ? <ElectionFormModal list={data} mode={mode} onClose={() => setMode(null)} /> : null}
      {approving ? (
        <ApproveModal
          congressId={congressId}
          election={approving}
          onClose={() => setApproving(null)}
        />
      ) : null}
    </div>
  );
};
