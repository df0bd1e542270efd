// Đối chiếu với CSDL đảng viên: upload an export of the national member database, map its columns,
// reconcile, and decide each difference (sửa theo CSDL / giữ của ta / đã xử lý ngoài hệ thống).
import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Grid,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  type ReconColumn,
  type ReconDecision,
  type ReconGroup,
  reconColumnLabels,
  reconColumns,
  reconDecisionLabels,
  reconFieldLabels,
  reconFields,
  reconGroupLabels,
  reconGroups,
  type TReconItem,
  type TReconLayout,
  type TReconMapping,
  type TReconRunDetail,
} from '../../../../contracts/reconciliation';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { reconKeys } from './keys';

const fileToBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

const matchedByLabels: Record<string, string> = {
  citizenId: 'theo số CCCD',
  cardNumber: 'theo số thẻ đảng',
  nameBirth: 'theo họ tên và ngày sinh',
};
const decisionColors: Record<ReconDecision, string> = {
  apply: 'blue',
  keep: 'green',
  note: 'gold',
};

/** Step 1 and 2: the file, then its columns mapped. */
const NewRun = ({ onCreated }: { onCreated: (id: number) => void }) => {
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [layout, setLayout] = useState<TReconLayout | null>(null);
  const [mapping, setMapping] = useState<TReconMapping | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const read = async (f: File) => {
    setBusy(true);
    setError(null);
    try {
      const base64 = await fileToBase64(f);
      const answer = await api.POST('/api/reconciliation/read', {
        body: { fileName: f.name, contentBase64: base64 },
      });
      setFile({ name: f.name, base64 });
      setLayout(answer);
      setMapping(answer.mapping);
    } catch (e) {
      setError(applyApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const reconcile = async () => {
    if (!file || !mapping) return;
    setBusy(true);
    setError(null);
    try {
      const { id } = await api.POST('/api/reconciliation/runs', {
        body: { fileName: file.name, contentBase64: file.base64, mapping },
      });
      message.success('Đã đối chiếu. Hãy quyết định từng khác biệt.');
      setFile(null);
      setLayout(null);
      onCreated(id);
    } catch (e) {
      setError(applyApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Đối chiếu tệp mới" size="small">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {!layout && (
        <Upload.Dragger
          accept=".xlsx,.csv"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            void read(f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p style={{ fontSize: 16 }}>Bấm hoặc kéo tệp xuất từ CSDL đảng viên (.xlsx, .csv)</p>
          <p>Danh sách đảng viên như văn phòng nhận được; tối đa 15 MB.</p>
        </Upload.Dragger>
      )}
      {layout && mapping && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            Tệp <b>{file?.name}</b>: {layout.rowCount} dòng dữ liệu, tiêu đề ở dòng{' '}
            {layout.headerRow}. Ghép từng cột của tệp với trường để đối chiếu:
          </Typography.Text>
          <Form layout="vertical" style={{ maxWidth: 720 }}>
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
                gap: '0 16px',
              }}
            >
              {reconColumns.map((c) => (
                <Form.Item key={c} label={reconColumnLabels[c as ReconColumn]}>
                  <Select
                    aria-label={reconColumnLabels[c as ReconColumn]}
                    value={mapping[c] ?? -1}
                    onChange={(v: number) => setMapping({ ...mapping, [c]: v < 0 ? null : v })}
                    options={[
                      { value: -1, label: '— tệp không có —' },
                      ...layout.headers.map((h, i) => ({
                        value: i,
                        label: `${i + 1}. ${h || '(không tên)'}`,
                      })),
                    ]}
                  />
                </Form.Item>
              ))}
            </div>
          </Form>
          <Table
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey={(_, i) => String(i)}
            dataSource={layout.sample}
            columns={layout.headers.map((h, i) => ({
              title: h || `Cột ${i + 1}`,
              key: String(i),
              render: (_: unknown, row: (string | null)[]) => row[i],
            }))}
          />
          <Space wrap>
            <Button type="primary" loading={busy} onClick={() => void reconcile()}>
              Đối chiếu
            </Button>
            <Button
              onClick={() => {
                setLayout(null);
                setFile(null);
              }}
            >
              Chọn tệp khác
            </Button>
          </Space>
        </Space>
      )}
    </Card>
  );
};

const NoteModal = ({
  onOk,
  onCancel,
}: {
  onOk: (note: string) => Promise<void>;
  onCancel: () => void;
}) => {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title="Đã xử lý ngoài hệ thống"
      okText="Ghi"
      cancelText="Hủy"
      okButtonProps={{ disabled: note.trim() === '', loading: busy }}
      onCancel={onCancel}
      onOk={async () => {
        setBusy(true);
        try {
          await onOk(note.trim());
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Paragraph>
        Ghi rõ đã xử lý thế nào (ví dụ: đã báo Ban Tổ chức sửa trong CSDL, đã ghi sự kiện trên hồ
        sơ).
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="Ghi chú xử lý"
        rows={3}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
};

const ItemsTable = ({ runId, group }: { runId: number; group: ReconGroup }) => {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [undecided, setUndecided] = useState(false);
  const [page, setPage] = useState(1);
  const [noting, setNoting] = useState<TReconItem | null>(null);
  const { data, isFetching } = useQuery({
    queryKey: reconKeys.items(runId, group, undecided, page),
    queryFn: () =>
      api.GET('/api/reconciliation/runs/{id}/items', {
        params: {
          path: { id: runId },
          query: { group, undecided: undecided ? 'true' : 'false', page, pageSize: 50 },
        },
      }),
  });
  const decide = async (item: TReconItem, decision: ReconDecision, note?: string) => {
    try {
      await api.POST('/api/reconciliation/items/{id}/decision', {
        params: { path: { id: item.id } },
        body: { decision, note },
      });
      message.success(`Đã ghi: ${reconDecisionLabels[decision]}.`);
      await queryClient.invalidateQueries({ queryKey: reconKeys.root() });
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const confirmApply = (item: TReconItem) =>
    modal.confirm({
      title: 'Sửa hồ sơ theo CSDL?',
      content: `${item.fieldLabel} của ${item.memberName}: "${item.ours ?? ''}" → "${item.theirs ?? ''}". Việc sửa được ghi nhật ký như mọi lần sửa hồ sơ.`,
      okText: 'Sửa theo CSDL',
      cancelText: 'Hủy',
      onOk: () => decide(item, 'apply'),
    });
  const decidable = group === 'differences' || group === 'onlyHere' || group === 'onlyThere';
  const who = (i: TReconItem) =>
    i.memberId ? (
      <a href={`/dang-vien/${i.memberId}`}>{i.memberName}</a>
    ) : (
      <span>
        {i.rowName}
        {i.rowBirthDate ? `, sinh ${i.rowBirthDate}` : ''}
      </span>
    );
  const columns = [
    {
      title: 'Đơn vị',
      key: 'unit',
      render: (_: unknown, i: TReconItem) => i.unitName ?? i.rowCell,
    },
    { title: 'Đảng viên', key: 'who', render: (_: unknown, i: TReconItem) => who(i) },
    { title: 'Dòng', dataIndex: 'rowNumber', key: 'row', width: 64 },
    ...(group === 'differences'
      ? [
          { title: 'Trường', dataIndex: 'fieldLabel', key: 'field' },
          { title: 'Của ta', dataIndex: 'ours', key: 'ours' },
          {
            title: 'Trong CSDL',
            key: 'theirs',
            render: (_: unknown, i: TReconItem) =>
              i.theirs ?? <Typography.Text type="secondary">(trống)</Typography.Text>,
          },
        ]
      : []),
    ...(group === 'matched'
      ? [
          {
            title: 'Ghép',
            key: 'by',
            render: (_: unknown, i: TReconItem) => matchedByLabels[i.matchedBy ?? ''] ?? '',
          },
        ]
      : []),
    ...(group === 'onlyThere' || group === 'outOfScope'
      ? [{ title: 'Chi bộ trong tệp', dataIndex: 'rowCell', key: 'cell' }]
      : []),
    ...(decidable
      ? [
          {
            title: 'Quyết định',
            key: 'decide',
            render: (_: unknown, i: TReconItem) =>
              i.decision ? (
                <Space direction="vertical" size={0}>
                  <Tag color={decisionColors[i.decision]}>{reconDecisionLabels[i.decision]}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.decidedBy}, {formatDate(i.decidedAt)}
                    {i.decisionNote ? ` – ${i.decisionNote}` : ''}
                  </Typography.Text>
                </Space>
              ) : (
                <Space wrap size={4}>
                  {i.decisions.includes('apply') && (
                    <Button size="small" type="primary" onClick={() => confirmApply(i)}>
                      Sửa theo CSDL
                    </Button>
                  )}
                  {i.decisions.includes('keep') && (
                    <Button size="small" onClick={() => void decide(i, 'keep')}>
                      Giữ của ta
                    </Button>
                  )}
                  {i.decisions.includes('note') && (
                    <Button size="small" onClick={() => setNoting(i)}>
                      Đã xử lý…
                    </Button>
                  )}
                  {i.note && <Typography.Text type="warning">{i.note}</Typography.Text>}
                </Space>
              ),
          },
        ]
      : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {decidable && (
        <Space>
          <Switch
            checked={undecided}
            onChange={(v) => {
              setUndecided(v);
              setPage(1);
            }}
            aria-label="Chỉ mục chưa quyết định"
          />
          <span>Chỉ mục chưa quyết định</span>
        </Space>
      )}
      {group === 'outOfScope' && (
        <Alert
          type="info"
          showIcon
          message="Các dòng này ghi chi bộ không thuộc phạm vi quản lý của bạn: không đối chiếu với hồ sơ nào."
        />
      )}
      <Table
        size="small"
        rowKey="id"
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        dataSource={data?.items ?? []}
        columns={columns}
        locale={{ emptyText: 'Không có mục nào.' }}
        pagination={{
          current: page,
          pageSize: 50,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
      {noting && (
        <NoteModal
          onCancel={() => setNoting(null)}
          onOk={async (note) => {
            await decide(noting, 'note', note);
            setNoting(null);
          }}
        />
      )}
    </Space>
  );
};

const UnitSummary = ({ run }: { run: TReconRunDetail }) => (
  <Table
    size="small"
    rowKey={(u) => String(u.unitId)}
    pagination={false}
    scroll={{ x: 'max-content' }}
    dataSource={run.units}
    locale={{ emptyText: 'Không có khác biệt nào.' }}
    columns={[
      { title: 'Đơn vị', dataIndex: 'unitName', key: 'unit' },
      { title: 'Khác nhau', dataIndex: 'differences', key: 'd' },
      ...reconFields.map((f) => ({
        title: reconFieldLabels[f],
        key: f,
        render: (_: unknown, u: TReconRunDetail['units'][number]) => u.byField[f] ?? 0,
      })),
      { title: 'Chỉ có ở ta', dataIndex: 'onlyHere', key: 'h' },
      { title: 'Chỉ có trong CSDL', dataIndex: 'onlyThere', key: 't' },
      { title: 'Chưa quyết định', dataIndex: 'undecided', key: 'u' },
    ]}
  />
);

const RunView = ({ id, onBack }: { id: number; onBack: () => void }) => {
  const [tab, setTab] = useState<string>('differences');
  const narrow = !Grid.useBreakpoint().md;
  const { data: run, error } = useQuery({
    queryKey: reconKeys.run(id),
    queryFn: () => api.GET('/api/reconciliation/runs/{id}', { params: { path: { id } } }),
  });
  if (error) return <Alert type="error" showIcon message={applyApiError(error)} />;
  if (!run) return null;
  const c = run.counts;
  const counts: Record<ReconGroup, number> = {
    differences: c.differences,
    onlyHere: c.onlyHere,
    onlyThere: c.onlyThere,
    matched: c.matched,
    outOfScope: c.outOfScope,
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            Tệp <b>{run.fileName}</b>, đối chiếu lúc {formatDate(run.createdAt)}{' '}
            {new Date(run.createdAt).toLocaleTimeString('vi-VN', {
              hour: '2-digit',
              minute: '2-digit',
            })}{' '}
            bởi {run.createdBy}; phạm vi {run.unitName}.
          </Typography.Text>
          <Space wrap size={narrow ? 'small' : 'large'}>
            <Statistic title="Dòng trong tệp" value={c.rows} />
            <Statistic title="Khớp" value={c.matched} />
            <Statistic title="Đảng viên có khác biệt" value={c.membersWithDifferences} />
            <Statistic title="Chỉ có ở ta" value={c.onlyHere} />
            <Statistic title="Chỉ có trong CSDL" value={c.onlyThere} />
            <Statistic title="Chưa quyết định" value={c.undecided} />
          </Space>
          <Space wrap>
            <Button href={`/api/reconciliation/runs/${id}/summary.xlsx`}>
              Tải tổng hợp (XLSX)
            </Button>
            <Button onClick={onBack}>Các lần đối chiếu</Button>
          </Space>
        </Space>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          ...reconGroups.map((g) => ({
            key: g,
            label: `${reconGroupLabels[g]} (${counts[g]})`,
            children: <ItemsTable runId={id} group={g} />,
          })),
          { key: 'units', label: 'Tổng hợp theo đơn vị', children: <UnitSummary run={run} /> },
        ]}
      />
    </Space>
  );
};

export const ReconciliationPage = () => {
  const [params, setParams] = useSearchParams();
  const runId = Number(params.get('run')) || null;
  const { data: runs } = useQuery({
    queryKey: reconKeys.runs(),
    queryFn: () => api.GET('/api/reconciliation/runs'),
    enabled: runId === null,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Đối chiếu với CSDL đảng viên
      </Typography.Title>
      {runId ? (
        <RunView id={runId} onBack={() => setParams({})} />
      ) : (
        <>
          <Typography.Paragraph style={{ margin: 0 }}>
            Đối chiếu danh sách xuất từ cơ sở dữ liệu đảng viên với hồ sơ trong phạm vi của bạn:
            ghép theo số CCCD, số thẻ đảng, rồi họ tên và ngày sinh. Không có gì bị sửa khi chưa có
            quyết định của người dùng.
          </Typography.Paragraph>
          <NewRun onCreated={(id) => setParams({ run: String(id) })} />
          <Card title="Các lần đối chiếu" size="small">
            <Table
              size="small"
              rowKey="id"
              scroll={{ x: 'max-content' }}
              dataSource={runs?.items ?? []}
              pagination={false}
              locale={{ emptyText: 'Chưa có lần đối chiếu nào.' }}
              columns={[
                {
                  title: 'Tệp',
                  key: 'file',
                  render: (_: unknown, r) => (
                    <a
                      href={`?run=${r.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        setParams({ run: String(r.id) });
                      }}
                    >
                      {r.fileName}
                    </a>
                  ),
                },
                { title: 'Lúc', key: 'at', render: (_: unknown, r) => formatDate(r.createdAt) },
                { title: 'Người đối chiếu', dataIndex: 'createdBy', key: 'by' },
                { title: 'Phạm vi', dataIndex: 'unitName', key: 'unit' },
                { title: 'Khác nhau', key: 'd', render: (_: unknown, r) => r.counts.differences },
                {
                  title: 'Chưa quyết định',
                  key: 'u',
                  render: (_: unknown, r) =>
                    r.counts.undecided ? (
                      <Tag color="orange">{r.counts.undecided}</Tag>
                    ) : (
                      <Tag color="green">0</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
};
