import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Progress,
  Radio,
  Result,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type ImportKind,
  importKindLabels,
  importKinds,
  importPhaseLabels,
  type TImportJob,
  type TImportMapping,
  type TImportResult,
  type TImportRow,
} from '../../../../contracts/imports';
import { encodingLabels, type TextEncoding } from '../../../../domain/text/legacy-encodings';
import { formatNumber } from '../../../../domain/text/vietnamese';
import { type ApiQuery, api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { fileToBase64, postStream, type StreamProgress } from './import-stream';
import { importsKeys } from './keys';

const big = { fontSize: 16 };
const none = -1;
const skipChoice = '__skip';
const undecidedChoice = '__undecided';
const columnLetter = (index: number): string =>
  (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : '') +
  String.fromCharCode(65 + (index % 26));

const ProgressLine = ({ progress }: { progress: StreamProgress | null }) =>
  progress ? (
    <div data-testid="import-progress" style={{ margin: '16px 0' }}>
      <Typography.Text style={big}>
        {importPhaseLabels[progress.phase] ?? progress.phase}…{' '}
        {progress.total > 1
          ? `${formatNumber(progress.done)} / ${formatNumber(progress.total)}`
          : ''}
      </Typography.Text>
      <Progress
        percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
        status="active"
      />
    </div>
  ) : null;

const statusTag: Record<TImportRow['status'], { color: string; label: string }> = {
  ok: { color: 'green', label: 'Hợp lệ' },
  error: { color: 'red', label: 'Lỗi' },
  duplicate: { color: 'orange', label: 'Trùng' },
  already: { color: 'default', label: 'Đã nhập trước đây' },
};

export const ImportsPage = () => {
  const client = useQueryClient();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>('members');
  const [job, setJob] = useState<TImportJob | null>(null);
  const [mapping, setMapping] = useState<TImportMapping>({});
  const [skipped, setSkipped] = useState<Set<number>>(new Set());
  const [progress, setProgress] = useState<StreamProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<string>('all');
  const [page, setPage] = useState(1);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const [decisions, setDecisions] = useState<Record<string, 'skip' | 'import'>>({});
  const [duplicateDefault, setDuplicateDefault] = useState<'skip' | 'import' | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);

  const run = async <T,>(work: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    setProgress({ phase: 'reading', done: 0, total: 1 });
    try {
      return await work();
    } catch (e) {
      setError(applyApiError(e));
      return null;
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const upload = async (file: File) => {
    const uploaded = await run(async () =>
      postStream<TImportJob>(
        '/api/imports',
        { kind, fileName: file.name, contentBase64: await fileToBase64(file) },
        setProgress,
      ),
    );
    if (uploaded) {
      setJob(uploaded);
      setMapping(uploaded.mapping);
      setSkipped(new Set(uploaded.skippedColumns));
      setExcluded(new Set());
      setDecisions({});
      setResult(null);
      setStep(1);
    }
  };

  const preview = async () => {
    if (!job) return;
    const previewed = await run(() =>
      postStream<TImportJob>(
        `/api/imports/${job.id}/preview`,
        { mapping, skippedColumns: [...skipped] },
        setProgress,
      ),
    );
    if (previewed) {
      setJob(previewed);
      setPage(1);
      setFilter('all');
      await client.invalidateQueries({ queryKey: importsKeys.importRows(job.id) });
      setStep(2);
    }
  };

  const rows = useQuery({
    queryKey: importsKeys.importRows(job?.id, filter, page, job?.summary),
    queryFn: () =>
      api.GET('/api/imports/{id}/rows', {
        params: {
          path: { id: job!.id },
          query: {
            filter: filter as ApiQuery<'/api/imports/{id}/rows', 'get'>['filter'],
            page,
            pageSize: 20,
          },
        },
      }),
    enabled: step === 2 && Boolean(job?.summary),
  });

  const excludeAllErrors = async () => {
    if (!job) return;
    const all = new Set(excluded);
    for (let p = 1; ; p++) {
      const res = await api.GET('/api/imports/{id}/rows', {
        params: { path: { id: job.id }, query: { filter: 'errors', page: p, pageSize: 200 } },
      });
      for (const r of res.items) all.add(r.rowNumber);
      if (p * 200 >= res.total) break;
    }
    setExcluded(all);
  };

  const commit = async () => {
    if (!job) return;
    setStep(3);
    const done = await run(() =>
      postStream<TImportResult>(
        `/api/imports/${job.id}/commit`,
        { excludedRows: [...excluded], duplicateDecisions: decisions, duplicateDefault },
        setProgress,
      ),
    );
    if (done) {
      setResult(done);
      await client.invalidateQueries();
    }
  };

  const restart = () => {
    setStep(0);
    setJob(null);
    setResult(null);
    setError(null);
  };

  const headerOptions = [
    { value: none, label: '— Tệp không có cột này —' },
    ...(job?.headers ?? []).map((h, i) => ({ value: i, label: `Cột ${i + 1}: ${h || '(trống)'}` })),
  ];
  // Columns with data that no field takes: each needs a field or an explicit "skip" (issue 17).
  const mappedColumns = new Set(Object.values(mapping).filter((c) => c !== null));
  const leftColumns = (job?.dataColumns ?? []).filter((c) => !mappedColumns.has(c.column));
  const undecided = leftColumns.filter((c) => !skipped.has(c.column));
  const chooseForColumn = (column: number, choice: string) => {
    setSkipped((old) => {
      const next = new Set(old);
      if (choice === skipChoice) next.add(column);
      else next.delete(column);
      return next;
    });
    if (choice !== skipChoice && choice !== undecidedChoice)
      setMapping((m) => ({ ...m, [choice]: column }));
  };
  const summary = job?.summary;
  const errorsLeft = (summary?.errors ?? 0) - [...excluded].length;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', ...big }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Nhập dữ liệu từ Excel
      </Typography.Title>
      <Steps
        current={step}
        items={[
          { title: 'Chọn tệp' },
          { title: 'Ghép cột' },
          { title: 'Xem trước' },
          { title: 'Ghi dữ liệu' },
        ]}
      />
      {error && <Alert type="error" showIcon message={error} data-testid="import-error" />}
      <ProgressLine progress={progress} />

      {step === 0 && (
        <Card>
          <Typography.Paragraph style={big}>Loại dữ liệu trong tệp:</Typography.Paragraph>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            style={{ marginBottom: 16 }}
          >
            <Space direction="vertical">
              {importKinds.map((k) => (
                <Radio key={k} value={k} style={big}>
                  {importKindLabels[k]}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          <Typography.Paragraph>
            <a href={`/api/imports/templates/${kind}`} download data-testid="import-template">
              <DownloadOutlined /> Tải tệp mẫu: {importKindLabels[kind]}
            </a>{' '}
            <Typography.Text type="secondary">
              (dòng tiêu đề hệ thống tự nhận ra; trang "Hướng dẫn" ghi cột bắt buộc và cách ghi)
            </Typography.Text>
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p style={{ fontSize: 18 }}>Bấm hoặc kéo tệp Excel (.xlsx) hoặc CSV vào đây</p>
            <p>
              Chấp nhận tệp có dòng tiêu đề ở bất kỳ dòng nào, ô gộp, chữ TCVN3 (.VnTime), VNI hoặc
              Unicode. Tối đa 25 MB.
            </p>
          </Upload.Dragger>
        </Card>
      )}

      {step === 1 && job && (
        <Card
          title={`Ghép cột – ${job.fileName} (${formatNumber(job.rowCount)} dòng dữ liệu, tiêu đề ở dòng ${job.headerRow})`}
        >
          {job.layoutRemembered && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message="Đã nhận ra mẫu tệp này: dùng lại cách ghép cột lần trước."
            />
          )}
          {job.headerConversions > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message={`Đã chuyển ${job.headerConversions} tiêu đề cột từ bảng mã cũ sang Unicode.`}
            />
          )}
          <Table
            size="middle"
            pagination={false}
            rowKey="key"
            dataSource={job.fields}
            columns={[
              {
                title: 'Thông tin',
                dataIndex: 'label',
                render: (label: string, f) => (
                  <span style={big}>
                    {label} {f.required && <Tag color="red">bắt buộc</Tag>}
                  </span>
                ),
              },
              {
                title: 'Cột trong tệp',
                render: (_, f) => (
                  <Select
                    aria-label={`Cột cho ${f.label}`}
                    style={{ width: 360 }}
                    value={mapping[f.key] ?? none}
                    options={headerOptions}
                    onChange={(v: number) => {
                      setMapping((m) => ({ ...m, [f.key]: v === none ? null : v }));
                      if (v !== none)
                        setSkipped((old) => {
                          const next = new Set(old);
                          next.delete(v);
                          return next;
                        });
                    }}
                  />
                ),
              },
              {
                title: 'Ví dụ (dòng đầu)',
                render: (_, f) => {
                  const col = mapping[f.key];
                  return col === null || col === undefined ? '' : (job.sampleRows[0]?.[col] ?? '');
                },
              },
            ]}
          />
          {leftColumns.length > 0 && (
            <div data-testid="import-unmapped" style={{ marginTop: 24 }}>
              <Typography.Title level={4}>Cột có dữ liệu chưa ghép</Typography.Title>
              <Typography.Paragraph style={big}>
                Dữ liệu của các cột này chỉ được bỏ lại khi bạn chọn "Bỏ qua cột này". Chọn thông
                tin tương ứng cho cột, hoặc bỏ qua.
              </Typography.Paragraph>
              {/* A wrapping row per column: readable at 390 px as at 1440 px. */}
              {leftColumns.map((c) => (
                <div
                  key={c.column}
                  style={{
                    display: 'flex',
                    flexWrap: 'wrap',
                    alignItems: 'center',
                    gap: '8px 24px',
                    padding: '12px 0',
                    borderBottom: '1px solid #f0f0f0',
                  }}
                >
                  <div style={{ ...big, minWidth: 200, flex: '1 1 200px' }}>
                    <strong>
                      Cột {columnLetter(c.column)}: {c.header || '(trống)'}
                    </strong>
                    <div style={{ color: '#595959' }}>Ví dụ: {c.samples.join('; ')}</div>
                  </div>
                  <Select
                    aria-label={`Xử lý cột ${columnLetter(c.column)}`}
                    style={{ width: 300, maxWidth: '100%' }}
                    status={skipped.has(c.column) ? undefined : 'error'}
                    value={skipped.has(c.column) ? skipChoice : undecidedChoice}
                    onChange={(v: string) => chooseForColumn(c.column, v)}
                    options={[
                      { value: undecidedChoice, label: '— Chưa chọn —', disabled: true },
                      { value: skipChoice, label: 'Bỏ qua cột này (không nhập)' },
                      ...job.fields
                        .filter((f) => mapping[f.key] === null || mapping[f.key] === undefined)
                        .map((f) => ({ value: f.key, label: `Ghép cho: ${f.label}` })),
                    ]}
                  />
                </div>
              ))}
            </div>
          )}
          {undecided.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              data-testid="import-unmapped-warning"
              message={`Còn ${undecided.length} cột có dữ liệu chưa chọn cách xử lý (${undecided
                .map((c) => `cột ${columnLetter(c.column)}${c.header ? ` "${c.header}"` : ''}`)
                .join(', ')}): hãy ghép hoặc bỏ qua trước khi xem trước.`}
            />
          )}
          <Space style={{ marginTop: 16 }}>
            <Button onClick={restart}>Chọn tệp khác</Button>
            <Button
              type="primary"
              size="large"
              loading={busy}
              disabled={undecided.length > 0}
              onClick={preview}
            >
              Xem trước
            </Button>
          </Space>
        </Card>
      )}

      {step === 2 && job && summary && (
        <Card title={`Xem trước – ${job.fileName}`}>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={3}>
              <Statistic title="Tổng số dòng" value={summary.total} />
            </Col>
            <Col span={3}>
              <Statistic title="Hợp lệ" value={summary.valid} valueStyle={{ color: '#389e0d' }} />
            </Col>
            <Col span={3}>
              <Statistic title="Có lỗi" value={summary.errors} valueStyle={{ color: '#cf1322' }} />
            </Col>
            <Col span={3}>
              <Statistic title="Cảnh báo" value={summary.warnings} />
            </Col>
            <Col span={4}>
              <Statistic title="Dòng trùng" value={summary.duplicates} />
            </Col>
            <Col span={4}>
              <Statistic title="Đã nhập trước đây" value={summary.alreadyImported} />
            </Col>
            <Col span={4}>
              <Statistic title="Ô đã chuyển mã" value={summary.conversions} />
            </Col>
          </Row>
          {summary.conversions > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="conversion-summary"
              message={`Đã chuyển ${formatNumber(summary.conversions)} ô sang Unicode: ${Object.entries(
                summary.encodings,
              )
                .map(([e, n]) => `${encodingLabels[e as TextEncoding] ?? e}: ${formatNumber(n)}`)
                .join('; ')}.`}
            />
          )}
          <Space wrap style={{ marginBottom: 16 }}>
            <Segmented
              value={filter}
              onChange={(v) => {
                setFilter(String(v));
                setPage(1);
              }}
              options={[
                { value: 'all', label: 'Tất cả' },
                { value: 'errors', label: 'Lỗi' },
                { value: 'warnings', label: 'Cảnh báo' },
                { value: 'converted', label: 'Đã chuyển mã' },
                { value: 'duplicates', label: 'Trùng' },
              ]}
            />
            {summary.errors > 0 && (
              <Button onClick={excludeAllErrors}>Bỏ tất cả các dòng lỗi</Button>
            )}
            {summary.duplicates > 0 && (
              <Select
                placeholder="Các dòng trùng còn lại…"
                style={{ width: 280 }}
                value={duplicateDefault}
                onChange={setDuplicateDefault}
                options={[
                  { value: 'skip', label: 'Bỏ qua các dòng trùng' },
                  { value: 'import', label: 'Nhập như người mới (nếu được)' },
                ]}
              />
            )}
          </Space>
          <Table<TImportRow>
            rowKey="rowNumber"
            loading={rows.isFetching}
            dataSource={rows.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: 20,
              total: rows.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              { title: 'Dòng', dataIndex: 'rowNumber', width: 70 },
              { title: 'Họ và tên', render: (_, r) => r.values.fullName },
              { title: 'Ngày sinh', render: (_, r) => r.values.birthDate, width: 110 },
              { title: 'Chi bộ', render: (_, r) => r.values.orgUnit },
              {
                title: 'Tình trạng',
                width: 130,
                render: (_, r) => (
                  <Tag color={excluded.has(r.rowNumber) ? 'default' : statusTag[r.status].color}>
                    {excluded.has(r.rowNumber) ? 'Đã bỏ' : statusTag[r.status].label}
                  </Tag>
                ),
              },
              {
                title: 'Lỗi, cảnh báo, chuyển mã',
                render: (_, r) => (
                  <Space direction="vertical" size={2}>
                    {r.errors.map((e) => (
                      <Typography.Text key={e} type="danger">
                        {e}
                      </Typography.Text>
                    ))}
                    {r.duplicate && (
                      <Typography.Text type="warning">{r.duplicate.reason}</Typography.Text>
                    )}
                    {r.warnings.map((w) => (
                      <Typography.Text key={w} type="warning">
                        {w}
                      </Typography.Text>
                    ))}
                    {r.conversions.map((c) => (
                      <Typography.Text key={`${c.field}${c.original}`} type="secondary">
                        {encodingLabels[c.encoding as TextEncoding] ?? c.encoding}: «{c.original}» →
                        «{c.converted}»
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              },
              {
                title: 'Quyết định',
                width: 220,
                render: (_, r) =>
                  r.status === 'error' ? (
                    <Checkbox
                      checked={excluded.has(r.rowNumber)}
                      onChange={(e) =>
                        setExcluded((s) => {
                          const next = new Set(s);
                          if (e.target.checked) next.add(r.rowNumber);
                          else next.delete(r.rowNumber);
                          return next;
                        })
                      }
                    >
                      Bỏ dòng này
                    </Checkbox>
                  ) : r.status === 'duplicate' && r.duplicate ? (
                    <Select
                      aria-label={`Quyết định dòng ${r.rowNumber}`}
                      style={{ width: 200 }}
                      placeholder="Chọn…"
                      value={decisions[String(r.rowNumber)] ?? duplicateDefault ?? undefined}
                      onChange={(v) => setDecisions((d) => ({ ...d, [String(r.rowNumber)]: v }))}
                      options={[
                        { value: 'skip', label: 'Bỏ qua' },
                        ...(r.duplicate.allowImport
                          ? [{ value: 'import', label: 'Vẫn nhập như người mới' }]
                          : []),
                      ]}
                    />
                  ) : null,
              },
            ]}
          />
          {errorsLeft > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              message={`Còn ${formatNumber(errorsLeft)} dòng lỗi: sửa tệp rồi tải lên lại, hoặc đánh dấu "Bỏ dòng này". Không có gì được ghi khi còn lỗi.`}
            />
          )}
          <Space style={{ marginTop: 16 }}>
            <Button onClick={() => setStep(1)}>Quay lại ghép cột</Button>
            <Button type="primary" size="large" onClick={commit} disabled={busy}>
              Ghi vào hệ thống
            </Button>
          </Space>
        </Card>
      )}

      {step === 3 && (
        <Card>
          {result ? (
            <Result
              status={result.created > 0 ? 'success' : 'info'}
              title={result.message}
              subTitle={`Đã ghi ${formatNumber(result.created)} · bỏ qua (trùng) ${formatNumber(result.skipped)} · bỏ theo lựa chọn ${formatNumber(result.excluded)} · đã có từ trước ${formatNumber(result.alreadyImported)}`}
              extra={[
                job?.kind === 'applicants' ? (
                  <Link key="list" to="/phat-trien-dang">
                    Xem danh sách phát triển đảng viên
                  </Link>
                ) : (
                  <Link
                    key="list"
                    to={`/dang-vien${result.orgUnitIds.length === 1 ? `?orgUnitId=${result.orgUnitIds[0]}` : ''}`}
                  >
                    Xem danh sách đảng viên
                  </Link>
                ),
                <Button key="again" onClick={restart}>
                  Nhập tệp khác
                </Button>,
              ]}
            />
          ) : busy ? (
            <Typography.Paragraph style={big}>
              Đang ghi trong một giao dịch: nếu có lỗi, không dòng nào được ghi.
            </Typography.Paragraph>
          ) : (
            <Button onClick={() => setStep(2)}>Quay lại xem trước</Button>
          )}
        </Card>
      )}
    </Space>
  );
};
