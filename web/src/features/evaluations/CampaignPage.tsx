// One campaign: deadlines and the year's parameters, progress per unit, the records (the cell's
// review list with the engine's proposal, the facts and the votes), and the decision with the HTXS
// cap and order checks shown before saving, then publication.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TCampaignDetail, TRecordSummary } from '../../../../contracts/evaluations';
import type { QualityLevel, SubjectKind } from '../../../../domain/rules/evaluation/levels';
import { subjectKindLabels } from '../../../../domain/rules/evaluation/levels';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiBody, type ApiQuery, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { DateInput } from '../../components/DateInput';
import { applyApiError } from '../../components/errors';
import { evaluationsKeys } from './keys';
import {
  cycleLabel,
  LevelTag,
  levelOptions,
  StatusTag,
  statusLabels,
  subjectKindOptions,
  suggestedLevel,
  todayLocal,
} from './shared';

const SettingsModal = ({
  campaign,
  open,
  onClose,
}: {
  campaign: TCampaignDetail;
  open: boolean;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      let paramsOverride: unknown;
      try {
        paramsOverride = JSON.parse(String(v.paramsOverride || '{}'));
      } catch {
        throw new Error('Tham số phải là JSON hợp lệ, ví dụ {"htxsCap": {"share": 0.2}}.');
      }
      return api.PUT('/api/evaluations/campaigns/{id}', {
        params: { path: { id: campaign.id } },
        body: {
          version: campaign.version,
          selfAssessmentDue: v.selfAssessmentDue || null,
          reviewDue: v.reviewDue || null,
          appraisalDue: v.appraisalDue || null,
          decisionDue: v.decisionDue || null,
          publicationDue: v.publicationDue || null,
          status: v.status,
          paramsOverride,
        } as ApiBody<'/api/evaluations/campaigns/{id}', 'put'>,
      });
    },
    onSuccess: () => {
      message.success('Đã lưu.');
      client.invalidateQueries({ queryKey: evaluationsKeys.evaluationCampaign(campaign.id) });
      onClose();
    },
    onError: (e) =>
      message.error(e instanceof Error && !('status' in e) ? e.message : applyApiError(e, form)),
  });
  return (
    <Modal
      open={open}
      title="Thời hạn và tham số của năm"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Lưu"
      confirmLoading={mutation.isPending}
      width={760}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ...campaign,
          paramsOverride: JSON.stringify(campaign.paramsOverride, null, 2),
        }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Row gutter={12}>
          {(
            [
              ['selfAssessmentDue', 'Hạn tự đánh giá'],
              ['reviewDue', 'Hạn kiểm điểm'],
              ['appraisalDue', 'Hạn thẩm định'],
              ['decisionDue', 'Hạn quyết định'],
              ['publicationDue', 'Hạn công bố'],
            ] as const
          ).map(([k, label]) => (
            <Col xs={24} md={8} key={k}>
              <Form.Item name={k} label={label}>
                <DateInput />
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} md={8}>
            <Form.Item name="status" label="Tình trạng">
              <Select
                options={[
                  { value: 'open', label: 'Đang tiến hành' },
                  { value: 'closed', label: 'Kết thúc' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="paramsOverride"
          label="Điều chỉnh tham số của năm (JSON; chỉ các tham số của quy định áp dụng)"
          extra="Ví dụ: {&quot;htxsCap&quot;: {&quot;share&quot;: 0.2, &quot;rounding&quot;: &quot;floor&quot;}}. Tham số đang áp dụng xem ở mục “Tham số”."
        >
          <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const factsSummary = (r: TRecordSummary & { facts?: Record<string, unknown> }) =>
  r.score != null ? `${r.score} điểm` : '';

/** The decision of the selected records, with the cap and order check run before saving. */
const DecisionPanel = ({
  campaignId,
  selected,
  onDone,
}: {
  campaignId: number;
  selected: TRecordSummary[];
  onDone: () => void;
}) => {
  const { message } = App.useApp();
  const [levels, setLevels] = useState<Record<number, QualityLevel | undefined>>({});
  const [decisionNumber, setDecisionNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState(todayLocal());
  const items = selected.map((r) => ({
    recordId: r.id,
    version: r.version,
    level: levels[r.id] ?? suggestedLevel(r),
  }));
  const complete = items.every((i) => i.level);
  const body = { decidedOn, decisionNumber: decisionNumber || '—', items };
  const check = useQuery({
    queryKey: evaluationsKeys.evaluationDecisionCheck(campaignId, body),
    queryFn: () =>
      api.POST('/api/evaluations/campaigns/{id}/decision-check', {
        params: { path: { id: campaignId } },
        body: body as ApiBody<'/api/evaluations/campaigns/{id}/decision-check', 'post'>,
      }),
    enabled: selected.length > 0 && complete,
  });
  const save = useMutation({
    mutationFn: () =>
      api.POST('/api/evaluations/campaigns/{id}/decisions', {
        params: { path: { id: campaignId } },
        body: { ...body, decisionNumber } as ApiBody<
          '/api/evaluations/campaigns/{id}/decisions',
          'post'
        >,
      }),
    onSuccess: () => {
      message.success(`Đã ghi quyết định xếp loại ${items.length} đối tượng.`);
      setLevels({});
      onDone();
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  if (selected.length === 0)
    return (
      <Alert
        type="info"
        showIcon
        title="Chọn các đối tượng đã kiểm điểm trong danh sách “Hồ sơ” để quyết định xếp loại."
      />
    );
  return (
    <Card title={`Quyết định xếp loại (${selected.length} đối tượng)`} data-testid="decision-panel">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="Số quyết định" required>
              <Input
                aria-label="Số quyết định"
                value={decisionNumber}
                onChange={(e) => setDecisionNumber(e.target.value)}
                placeholder="Ví dụ: 125-QĐ/ĐU"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="Ngày quyết định" required>
              <DateInput
                aria-label="Ngày quyết định"
                value={decidedOn}
                onChange={(v) => setDecidedOn(v)}
              />
            </Form.Item>
          </Col>
        </Row>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={selected}
          scroll={{ x: true }}
          columns={[
            { title: 'Đối tượng', dataIndex: 'subjectName' },
            { title: 'Đề xuất', render: (_, r) => <LevelTag level={r.proposedLevel} /> },
            { title: 'Hội nghị', render: (_, r) => <LevelTag level={r.reviewLevel} /> },
            { title: 'Thẩm định', render: (_, r) => <LevelTag level={r.appraisalLevel} /> },
            {
              title: 'Quyết định',
              render: (_, r) => (
                <Select
                  aria-label={`Mức xếp loại ${r.subjectName}`}
                  style={{ width: 260 }}
                  value={levels[r.id] ?? suggestedLevel(r)}
                  options={levelOptions}
                  onChange={(v) => setLevels((x) => ({ ...x, [r.id]: v }))}
                />
              ),
            },
          ]}
        />
        {check.data && (
          <div data-testid="cap-check">
            <Alert
              type={check.data.cap.ok ? 'success' : 'error'}
              showIcon
              title={
                check.data.cap.ok
                  ? 'Trong tỷ lệ hoàn thành xuất sắc nhiệm vụ'
                  : 'Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ'
              }
              description={
                <>
                  <div data-testid="cap-rule">{check.data.cap.rule}</div>
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {check.data.cap.groups.map((g) => (
                      <li key={g.label}>{g.message}</li>
                    ))}
                  </ul>
                </>
              }
            />
            {check.data.order.length > 0 && (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                showIcon
                title="Chưa đúng thứ tự đánh giá, xếp loại (124-QĐ/TW Điều 11; 43-HD/BTCTW)"
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {check.data.order.map((o) => (
                      <li key={o.recordId}>
                        <b>{o.subjectName}</b>: {o.problems.join(' ')}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
          </div>
        )}
        {check.error && <Alert type="error" showIcon title={(check.error as Error).message} />}
        <Button
          type="primary"
          size="large"
          disabled={!complete || !decisionNumber.trim() || !check.data?.ok}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          Lưu quyết định xếp loại
        </Button>
      </Space>
    </Card>
  );
};

export const CampaignPage = () => {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [settings, setSettings] = useState(false);
  const [filter, setFilter] = useState<{ subjectKind?: SubjectKind; status?: string; q?: string }>(
    {},
  );
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const [tab, setTab] = useState('records');
  const campaign = useQuery({
    queryKey: evaluationsKeys.evaluationCampaign(id),
    queryFn: () => api.GET('/api/evaluations/campaigns/{id}', { params: { path: { id } } }),
  });
  const records = useQuery({
    queryKey: evaluationsKeys.evaluationRecords(id, filter),
    queryFn: () =>
      api.GET('/api/evaluations/records', {
        params: {
          query: { campaignId: id, pageSize: 500, ...filter } as ApiQuery<
            '/api/evaluations/records',
            'get'
          >,
        },
      }),
  });
  const refresh = () => {
    client.invalidateQueries({ queryKey: evaluationsKeys.evaluationRecords(id) });
    client.invalidateQueries({ queryKey: evaluationsKeys.evaluationCampaign(id) });
    setSelectedIds([]);
  };
  const selected = useMemo(
    () => (records.data?.items ?? []).filter((r) => selectedIds.includes(r.id)),
    [records.data, selectedIds],
  );
  const publish = useMutation({
    mutationFn: () =>
      api.POST('/api/evaluations/campaigns/{id}/publication', {
        params: { path: { id } },
        body: {
          publishedOn: todayLocal(),
          items: selected
            .filter((r) => r.status === 'decided')
            .map((r) => ({ recordId: r.id, version: r.version })),
        },
      }),
    onSuccess: () => {
      message.success('Đã công bố kết quả.');
      refresh();
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  if (campaign.error)
    return <Alert type="error" showIcon title={(campaign.error as Error).message} />;
  const c = campaign.data;
  if (!c) return <Card loading />;
  const canDecide = can('evaluation.decide');
  const toDecide = selected.filter((r) => r.status === 'reviewed' || r.status === 'appraised');
  const toPublish = selected.filter((r) => r.status === 'decided');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Row justify="space-between" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {c.title}
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <Link to={`/ket-qua-xep-loai?orgUnitId=${c.orgUnitId}&year=${c.year}`}>
              {can('evaluation.results') && <Button>Kết quả</Button>}
            </Link>
            {c.canManage && <Button onClick={() => setSettings(true)}>Thời hạn, tham số</Button>}
          </Space>
        </Col>
      </Row>
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="Phạm vi">{c.orgUnitName}</Descriptions.Item>
        <Descriptions.Item label="Kỳ">{cycleLabel(c)}</Descriptions.Item>
        <Descriptions.Item label="Quy định áp dụng">{c.ruleSetName}</Descriptions.Item>
        <Descriptions.Item label="Mở ngày">{formatDate(c.openedOn)}</Descriptions.Item>
        <Descriptions.Item label="Hạn tự đánh giá">
          {formatDate(c.selfAssessmentDue)}
        </Descriptions.Item>
        <Descriptions.Item label="Hạn kiểm điểm">{formatDate(c.reviewDue)}</Descriptions.Item>
        <Descriptions.Item label="Hạn thẩm định">{formatDate(c.appraisalDue)}</Descriptions.Item>
        <Descriptions.Item label="Hạn quyết định">{formatDate(c.decisionDue)}</Descriptions.Item>
        <Descriptions.Item label="Hạn công bố">{formatDate(c.publicationDue)}</Descriptions.Item>
      </Descriptions>
      <Alert
        type="info"
        showIcon
        title="Thứ tự đánh giá, xếp loại (124-QĐ/TW Điều 11, 43-HD/BTCTW)"
        description="Cơ quan, đơn vị và đoàn thể trước, tổ chức đảng sau; cấp dưới trước, cấp trên sau; tập thể trước, cá nhân sau. Hệ thống từ chối quyết định sai thứ tự và nêu rõ cần quyết định đối tượng nào trước."
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'records',
            label: `Hồ sơ (${records.data?.total ?? 0})`,
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Select
                    allowClear
                    placeholder="Loại đối tượng"
                    style={{ width: 220 }}
                    options={subjectKindOptions}
                    value={filter.subjectKind}
                    onChange={(v) => setFilter((f) => ({ ...f, subjectKind: v }))}
                  />
                  <Select
                    allowClear
                    placeholder="Bước"
                    style={{ width: 200 }}
                    options={Object.entries(statusLabels).map(([value, label]) => ({
                      value,
                      label,
                    }))}
                    value={filter.status}
                    onChange={(v) => setFilter((f) => ({ ...f, status: v }))}
                  />
                  <Input.Search
                    allowClear
                    placeholder="Tìm theo tên"
                    onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))}
                    style={{ width: 220 }}
                  />
                  {canDecide && (
                    <>
                      <Button
                        disabled={toDecide.length === 0}
                        type="primary"
                        onClick={() => setTab('decision')}
                      >
                        Quyết định xếp loại ({toDecide.length})
                      </Button>
                      <Button
                        disabled={toPublish.length === 0}
                        loading={publish.isPending}
                        onClick={() => publish.mutate()}
                      >
                        Công bố kết quả ({toPublish.length})
                      </Button>
                    </>
                  )}
                </Space>
                <Table
                  rowKey="id"
                  size="small"
                  loading={records.isLoading}
                  dataSource={records.data?.items ?? []}
                  scroll={{ x: true }}
                  pagination={{ pageSize: 50 }}
                  rowSelection={
                    canDecide
                      ? {
                          selectedRowKeys: selectedIds,
                          onChange: (keys) => setSelectedIds(keys as number[]),
                          getCheckboxProps: (r) => ({
                            disabled: !['reviewed', 'appraised', 'decided'].includes(r.status),
                          }),
                        }
                      : undefined
                  }
                  columns={[
                    {
                      title: 'Đối tượng',
                      render: (_, r) => (
                        <Link to={`/danh-gia-xep-loai/ho-so/${r.id}`}>
                          {r.subjectName}
                          {r.removalFlag && (
                            <Typography.Text type="danger"> (xem xét xóa tên)</Typography.Text>
                          )}
                        </Link>
                      ),
                    },
                    { title: 'Loại', render: (_, r) => subjectKindLabels[r.subjectKind] },
                    { title: 'Đơn vị', dataIndex: 'orgUnitName' },
                    { title: 'Bước', render: (_, r) => <StatusTag status={r.status} /> },
                    {
                      title: 'Đề xuất theo quy định',
                      render: (_, r) => (
                        <span>
                          <LevelTag level={r.proposedLevel} /> {factsSummary(r)}
                        </span>
                      ),
                    },
                    { title: 'Tự xếp loại', render: (_, r) => <LevelTag level={r.selfLevel} /> },
                    { title: 'Hội nghị', render: (_, r) => <LevelTag level={r.reviewLevel} /> },
                    { title: 'Quyết định', render: (_, r) => <LevelTag level={r.decidedLevel} /> },
                  ]}
                />
              </Space>
            ),
          },
          ...(canDecide
            ? [
                {
                  key: 'decision',
                  label: 'Quyết định xếp loại',
                  children: <DecisionPanel campaignId={id} selected={toDecide} onDone={refresh} />,
                },
              ]
            : []),
          {
            key: 'progress',
            label: 'Tiến độ theo đơn vị',
            children: (
              <Table
                size="small"
                rowKey={(u) => String(u.orgUnitId)}
                pagination={false}
                scroll={{ x: true }}
                dataSource={c.progressByUnit}
                columns={[
                  { title: 'Tổ chức cơ sở đảng', dataIndex: 'orgUnitName' },
                  { title: 'Tổng số', dataIndex: 'total', align: 'right' },
                  { title: 'Không xếp loại', dataIndex: 'notRated', align: 'right' },
                  { title: 'Chưa tự đánh giá', dataIndex: 'pending', align: 'right' },
                  { title: 'Đã tự đánh giá', dataIndex: 'selfAssessed', align: 'right' },
                  {
                    title: 'Đã kiểm điểm',
                    render: (_, u) => u.reviewed + u.appraised,
                    align: 'right',
                  },
                  { title: 'Đã quyết định', dataIndex: 'decided', align: 'right' },
                  { title: 'Đã công bố', dataIndex: 'published', align: 'right' },
                ]}
              />
            ),
          },
          {
            key: 'params',
            label: 'Tham số',
            children: (
              <Card size="small">
                <Typography.Paragraph type="secondary">
                  Tham số của {c.ruleSetName} đang áp dụng cho kỳ này (mặc định theo quy định, đã
                  tính phần điều chỉnh của cấp ủy).
                </Typography.Paragraph>
                <pre style={{ maxHeight: 400, overflow: 'auto', fontSize: 12 }}>
                  {JSON.stringify(
                    { ...c.params, frameworks: undefined, criteria: undefined },
                    null,
                    2,
                  )}
                </pre>
              </Card>
            ),
          },
        ]}
      />
      {c.canManage && (
        <SettingsModal campaign={c} open={settings} onClose={() => setSettings(false)} />
      )}
    </Space>
  );
};
