// The annual report: choose the organisation and year, generate (a job whose steps show), preview the
// draft (each figure opens its records), write the free-text parts, regenerate figures, download
// DOCX / PDF / XLSX, see the evidence, and issue it with the register's next number.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Steps,
  Table,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { reportsKeys } from './keys';
import { ReportPreview } from './ReportPreview';
import { currentYear, EvidenceTable, reportYearOptions } from './shared';

const stepStatus = {
  pending: 'wait',
  running: 'process',
  done: 'finish',
  failed: 'error',
} as const;

export const ReportsPage = () => {
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>();
  const [year, setYear] = useState(currentYear);
  const [jobId, setJobId] = useState<string | null>(null);
  // The date printed on the draft; empty: today, or 31/12 of a past year (the header is named as of it).
  const [documentDate, setDocumentDate] = useState<string | undefined>();
  const [tab, setTab] = useState('preview');
  const [figureKey, setFigureKey] = useState<string | null>(null);
  const [form] = Form.useForm();

  const draftKey = reportsKeys.reportDraft(orgUnitId, year);
  const { data, error, isLoading } = useQuery({
    queryKey: draftKey,
    queryFn: () => api.GET('/api/reports/annual', { params: { query: { orgUnitId, year } } }),
  });
  const draft = data?.draft ?? null;

  const job = useQuery({
    queryKey: reportsKeys.reportJob(jobId),
    queryFn: () => api.GET('/api/reports/jobs/{id}', { params: { path: { id: jobId! } } }),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 400 : false),
  });
  // The steps stay on screen once done; the draft is reloaded once per finished job.
  const [finishedJob, setFinishedJob] = useState<string | null>(null);
  useEffect(() => {
    if (job.data?.status === 'done' && finishedJob !== job.data.id) {
      setFinishedJob(job.data.id);
      client.invalidateQueries({ queryKey: reportsKeys.reportDraft() });
      message.success('Đã lập xong số liệu báo cáo.');
    }
  }, [job.data, finishedJob, client, message]);
  // Another organisation or year: the previous job's steps no longer apply.
  useEffect(() => setJobId(null), [orgUnitId, year]);
  // A date chosen for one year does not carry over to another.
  useEffect(() => setDocumentDate(undefined), [year]);

  useEffect(() => {
    form.setFieldsValue(
      Object.fromEntries(
        (draft?.placeholders ?? []).map((p) => [p.key, draft?.texts[p.key] ?? '']),
      ),
    );
  }, [draft, form]);

  const generate = useMutation({
    mutationFn: () =>
      api.POST('/api/reports/annual/generate', { body: { orgUnitId, year, documentDate } }),
    onSuccess: (r) => setJobId(r.jobId),
    onError: (e) => message.error(applyApiError(e)),
  });
  const save = useMutation({
    mutationFn: (texts: Record<string, string>) =>
      api.PUT('/api/reports/annual/{id}/texts', {
        params: { path: { id: draft!.id } },
        body: { version: draft!.version, texts },
      }),
    onSuccess: () => {
      message.success('Đã lưu nội dung.');
      client.invalidateQueries({ queryKey: reportsKeys.reportDraft() });
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const issue = useMutation({
    mutationFn: () =>
      api.POST('/api/reports/annual/{id}/issue', { params: { path: { id: draft!.id } }, body: {} }),
    onSuccess: (r) => {
      message.success(`Đã vào sổ văn bản: ${r.numberText}.`);
      client.invalidateQueries({ queryKey: reportsKeys.reportDraft() });
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  const evidence = useQuery({
    queryKey: reportsKeys.reportEvidence(draft?.id, draft?.generatedAt),
    queryFn: () =>
      api.GET('/api/reports/annual/{id}/evidence', { params: { path: { id: draft!.id } } }),
    enabled: figureKey !== null && draft !== null,
  });
  // The key-task sentence stands on the key tasks of the plan: their list is the evidence.
  const evidenceKey = figureKey === 'keyTasks' ? 'plans.key_tasks.total' : figureKey;
  const figure = evidence.data?.figures.find((f) => f.key === evidenceKey);
  const figureInfo = draft?.figures.find((f) => f.key === evidenceKey);

  const running = jobId !== null && (!job.data || job.data.status === 'running');
  // File downloads (DOCX/PDF/XLSX) the browser fetches from links: not through the typed JSON client.
  const exportUrl = (format: string) => `/api/reports/annual/${draft?.id}/export?format=${format}`;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Báo cáo tổng kết năm
      </Typography.Title>
      {/* A wrapping row whose fields shrink to a phone's width (a Space item keeps its content's width). */}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <OrgUnitSelect
          style={{ flex: '1 1 260px', maxWidth: 380, minWidth: 0 }}
          value={orgUnitId}
          onChange={setOrgUnitId}
          placeholder="Tổ chức lập báo cáo (mặc định: đơn vị của bạn)"
          onlyKinds={[
            'province_committee',
            'upper_committee',
            'grassroots_committee',
            'grassroots_cell',
          ]}
          allowClear
        />
        <Select
          aria-label="Năm báo cáo"
          style={{ width: 130 }}
          value={year}
          onChange={setYear}
          options={reportYearOptions}
        />
        {can('report.write') && (
          <DatePicker
            aria-label="Ngày của văn bản"
            data-testid="document-date"
            format="DD/MM/YYYY"
            style={{ flex: '1 1 200px', maxWidth: 230, minWidth: 0 }}
            placeholder={
              year < currentYear ? `Ngày văn bản (31/12/${year})` : 'Ngày văn bản (hôm nay)'
            }
            value={documentDate ? dayjs(documentDate) : null}
            onChange={(d) => setDocumentDate(d ? d.format('YYYY-MM-DD') : undefined)}
            disabledDate={(d) => d.isBefore(dayjs(`${year}-01-01`))}
          />
        )}
        {can('report.write') && (
          <Button
            type="primary"
            loading={generate.isPending || running}
            onClick={() => generate.mutate()}
          >
            {draft?.generatedAt ? 'Lập lại số liệu' : 'Lập báo cáo'}
          </Button>
        )}
      </div>
      {error && <Alert type="error" title={applyApiError(error)} />}
      {jobId && job.data && (
        <Card size="small" title="Tiến trình lập báo cáo">
          <Steps
            size="small"
            items={job.data.steps.map((s) => ({
              title: s.title,
              status: stepStatus[s.status],
              description: s.detail ?? undefined,
            }))}
          />
          {job.data.error && (
            <Alert style={{ marginTop: 12 }} type="error" title={job.data.error} />
          )}
        </Card>
      )}
      {!isLoading && !draft && !error && (
        <Empty
          description={`Chưa có báo cáo năm ${year} của tổ chức này. ${can('report.write') ? 'Bấm "Lập báo cáo" để hệ thống tự dựng bản nháp từ số liệu.' : ''}`}
        />
      )}
      {draft?.model && (
        <>
          <Space wrap>
            <Button href={exportUrl('docx')} data-testid="download-docx">
              Tải DOCX
            </Button>
            <Tooltip
              title={
                draft.pdfAvailable
                  ? undefined
                  : 'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản DOCX.'
              }
            >
              <Button
                href={draft.pdfAvailable ? exportUrl('pdf') : undefined}
                disabled={!draft.pdfAvailable}
              >
                Tải PDF
              </Button>
            </Tooltip>
            <Button href={exportUrl('xlsx')}>Tải phụ lục thống kê (XLSX)</Button>
            <Link to={`/bao-cao-tong-ket/${draft.id}/chung-cu`}>Phụ lục chứng cứ</Link>
            <a href={`/api/reports/annual/${draft.id}/evidence`} target="_blank" rel="noreferrer">
              Chứng cứ (JSON)
            </a>
            {draft.issuedNumber ? (
              <Typography.Text type="success">Đã vào sổ: {draft.issuedNumber}</Typography.Text>
            ) : (
              can('document.issue') && (
                <Popconfirm
                  title="Ban hành báo cáo?"
                  description="Báo cáo sẽ nhận số tiếp theo trong sổ văn bản đi (loại BC) của nhiệm kỳ."
                  okText="Lấy số"
                  cancelText="Hủy"
                  onConfirm={() => issue.mutate()}
                >
                  <Button loading={issue.isPending}>Ban hành (lấy số)</Button>
                </Popconfirm>
              )
            )}
          </Space>
          <Typography.Text type="secondary">
            Số liệu lập lúc{' '}
            {draft.generatedAt ? new Date(draft.generatedAt).toLocaleString('vi-VN') : '—'}. Nền
            vàng: phần Văn phòng cần viết; nền xám: số liệu chưa có trong hệ thống.
          </Typography.Text>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'preview',
                label: 'Xem trước',
                children: (
                  <ReportPreview
                    model={draft.model}
                    onFigure={setFigureKey}
                    onPlaceholder={(key) => {
                      if (!can('report.write')) return;
                      setTab('texts');
                      setTimeout(() => form.getFieldInstance(key)?.focus?.(), 50);
                    }}
                  />
                ),
              },
              {
                key: 'texts',
                label: 'Nội dung do Văn phòng viết',
                disabled: !can('report.write'),
                children: (
                  <Form
                    form={form}
                    layout="vertical"
                    style={{ maxWidth: 900 }}
                    onFinish={(values: Record<string, string | undefined>) =>
                      save.mutate(
                        Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ''])),
                      )
                    }
                  >
                    {draft.placeholders.map((p) => (
                      <Form.Item
                        key={p.key}
                        name={p.key}
                        label={p.prompt[0]!.toUpperCase() + p.prompt.slice(1)}
                      >
                        {p.key === 'signerName' ? (
                          <Input maxLength={200} />
                        ) : (
                          <Input.TextArea
                            autoSize={{ minRows: 2, maxRows: 12 }}
                            maxLength={20000}
                          />
                        )}
                      </Form.Item>
                    ))}
                    <Button type="primary" htmlType="submit" loading={save.isPending}>
                      Lưu nội dung
                    </Button>
                  </Form>
                ),
              },
              {
                key: 'figures',
                label: 'Số liệu',
                children: (
                  <Table
                    size="small"
                    rowKey="key"
                    pagination={false}
                    dataSource={draft.figures}
                    columns={[
                      { title: 'Số liệu', dataIndex: 'label' },
                      {
                        title: 'Chỉ số',
                        dataIndex: 'metricCode',
                        render: (c) => <Typography.Text code>{c}</Typography.Text>,
                      },
                      {
                        title: `Năm ${draft.year}`,
                        align: 'right',
                        render: (_, f) =>
                          f.display ?? (
                            <Typography.Text type="secondary">
                              Chưa có: {f.unavailableReason}
                            </Typography.Text>
                          ),
                      },
                      {
                        title: `Năm ${draft.year - 1}`,
                        align: 'right',
                        render: (_, f) => f.previousDisplay ?? '—',
                      },
                      {
                        title: 'Bản ghi',
                        align: 'right',
                        render: (_, f) => (
                          <Button type="link" onClick={() => setFigureKey(f.key)}>
                            {f.recordCount}
                          </Button>
                        ),
                      },
                    ]}
                  />
                ),
              },
            ]}
          />
        </>
      )}
      <Drawer
        open={figureKey !== null}
        onClose={() => setFigureKey(null)}
        size="large"
        title={
          figureInfo
            ? `${figureInfo.label}: ${figureInfo.display ?? 'chưa có số liệu'}`
            : 'Chứng cứ'
        }
      >
        {evidence.isLoading && <Typography.Text>Đang tải…</Typography.Text>}
        {figure ? (
          <EvidenceTable figure={figure} />
        ) : (
          !evidence.isLoading && (
            <Typography.Text type="secondary">
              Số liệu này không lấy từ một chỉ số có danh sách bản ghi (chỉ tiêu đã ghi nhận, đoàn
              thể, nhiệm vụ trọng tâm tổng hợp).
            </Typography.Text>
          )
        )}
      </Drawer>
    </Space>
  );
};
