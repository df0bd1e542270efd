import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { TDisciplineRow } from '../../../../contracts/inspection';
import {
  checkVote,
  type DecidingBody,
  type DisciplineForm,
  decidingBodies,
  decidingBodyLabels,
  disciplineFormLabels,
  disciplineForms,
  disciplineStateLabels,
  formsBySubject,
  limitationGroundLabels,
  limitationGrounds,
} from '../../../../domain/rules/discipline/discipline';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiBody, type ApiQuery, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { DateInput } from '../../components/DateInput';
import { applyApiError } from '../../components/errors';
import { MemberPicker } from '../../components/MemberPicker';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { inspectionKeys } from './keys';
import { currentYear, todayLocal, yearOptions } from './shared';

type Check = {
  ok: boolean;
  checks: { rule: string; ok: boolean; message: string }[];
  lapsesOn: string | null;
};

const stateColors: Record<TDisciplineRow['state'], string> = {
  proposed: 'orange',
  in_force: 'red',
  lapsed: 'default',
  permanent: 'volcano',
  annulled: 'default',
};
const stateLabel = (s: TDisciplineRow['state']) =>
  s === 'proposed' ? 'Đang xem xét (đề nghị)' : disciplineStateLabels[s];

const toInput = (v: Record<string, unknown>) => ({
  subjectKind: v.subjectKind,
  memberId: v.subjectKind === 'member' ? v.memberId : null,
  orgUnitId: v.subjectKind === 'organisation' ? v.orgUnitId : null,
  proposal: false,
  form: v.form,
  body: v.body,
  bodyOrgUnitId: v.bodyOrgUnitId,
  decisionNumber: v.decisionNumber || null,
  violation: v.violation,
  limitationGround: v.limitationGround || null,
  violationFrom: v.violationFrom,
  violationTo: v.violationTo || null,
  decidedOn: v.decidedOn || null,
  announcedOn: v.announcedOn || null,
  receivedOn: v.receivedOn || null,
  vote: voteOf(v),
});

const voteOf = (v: Record<string, unknown>) =>
  [v.voteMembers, v.votePresent, v.voteFor, v.voteAgainst].every((n) => typeof n === 'number')
    ? {
        members: v.voteMembers as number,
        present: v.votePresent as number,
        inFavour: v.voteFor as number,
        against: v.voteAgainst as number,
      }
    : null;

/** The vote as recorded, or "vote unknown" for decisions recorded before votes were kept. */
const VoteCell = ({ vote }: { vote: TDisciplineRow['vote'] }) =>
  vote ? (
    <span title={`Có mặt ${vote.present}/${vote.members}, không tán thành ${vote.against}`}>
      {vote.inFavour}/{vote.members} tán thành
    </span>
  ) : (
    <Typography.Text type="secondary">Chưa ghi biểu quyết</Typography.Text>
  );

/** The majority the vote needs, shown as the numbers are typed (22-QĐ/TW art. 15). */
const VoteHint = ({ values }: { values: Record<string, unknown> }) => {
  const vote = voteOf(values);
  if (!values.form || !values.body) return null;
  const res = checkVote({
    form: values.form as DisciplineForm,
    body: values.body as DecidingBody,
    proposal: false,
    vote,
  });
  return (
    <Alert
      data-testid="vote-check"
      type={vote ? (res.ok ? 'success' : 'error') : 'info'}
      showIcon
      title={res.message}
      style={{ marginBottom: 12 }}
    />
  );
};

const DecisionModal = ({ onClose }: { onClose: () => void }) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [check, setCheck] = useState<Check | null>(null);
  const subjectKind = Form.useWatch('subjectKind', form);
  const body = Form.useWatch('body', form);
  const values = Form.useWatch([], form) ?? {};
  const runCheck = useMutation({
    mutationFn: () =>
      form.validateFields().then((v) =>
        api.POST('/api/inspection/discipline/check', {
          body: toInput(v) as ApiBody<'/api/inspection/discipline/check', 'post'>,
        }),
      ),
    onSuccess: setCheck,
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.POST('/api/inspection/discipline', {
        body: toInput(v) as ApiBody<'/api/inspection/discipline', 'post'>,
      }),
    onSuccess: (res) => {
      message.success(res.message);
      client.invalidateQueries({ queryKey: inspectionKeys.discipline() });
      onClose();
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  return (
    <Modal
      open
      width={760}
      title="Ghi quyết định kỷ luật"
      onCancel={onClose}
      cancelText="Đóng"
      okText="Ghi quyết định"
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ subjectKind: 'member', form: 'khien_trach', body: 'upper_inspection' }}
      >
        <Space wrap>
          <Form.Item name="subjectKind" label="Đối tượng">
            <Select
              style={{ width: 200 }}
              options={[
                { value: 'member', label: 'Đảng viên' },
                { value: 'organisation', label: 'Tổ chức đảng' },
              ]}
            />
          </Form.Item>
          {subjectKind === 'organisation' ? (
            <Form.Item
              name="orgUnitId"
              label="Tổ chức đảng"
              rules={[{ required: true, message: 'Chọn tổ chức.' }]}
            >
              <OrgUnitSelect style={{ width: 420, maxWidth: '100%' }} />
            </Form.Item>
          ) : (
            <Form.Item
              name="memberId"
              label="Đảng viên"
              rules={[{ required: true, message: 'Chọn đảng viên.' }]}
              // 420 px, never wider than the dialog on a phone (issue 22's walk: btv at 390 px).
              style={{ width: 420, maxWidth: '100%' }}
            >
              <MemberPicker />
            </Form.Item>
          )}
        </Space>
        <Space wrap>
          <Form.Item name="form" label="Hình thức">
            <Select
              style={{ width: 200 }}
              options={disciplineForms.map((f) => ({ value: f, label: disciplineFormLabels[f] }))}
            />
          </Form.Item>
          <Form.Item name="body" label="Cấp quyết định">
            <Select
              style={{ width: 260 }}
              options={decidingBodies.map((b) => ({ value: b, label: decidingBodyLabels[b] }))}
            />
          </Form.Item>
          <Form.Item
            name="bodyOrgUnitId"
            label="Thuộc tổ chức"
            rules={[{ required: true, message: 'Chọn tổ chức của cấp quyết định.' }]}
          >
            <OrgUnitSelect style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="violation"
          label="Nội dung vi phạm"
          rules={[{ required: true, message: 'Cần ghi nội dung vi phạm.' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="violationFrom"
            label="Vi phạm từ ngày"
            rules={[{ required: true, message: 'Chọn ngày.' }]}
          >
            <DateInput />
          </Form.Item>
          <Form.Item name="violationTo" label="đến ngày">
            <DateInput />
          </Form.Item>
          <Form.Item name="limitationGround" label="Không áp dụng thời hiệu vì">
            <Select
              allowClear
              style={{ width: 260 }}
              options={limitationGrounds.map((g) => ({
                value: g,
                label: limitationGroundLabels[g],
              }))}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="decisionNumber" label="Số quyết định">
            <Input placeholder="Ví dụ: 24-QĐ/UBKT" />
          </Form.Item>
          <Form.Item name="decidedOn" label="Ngày quyết định">
            <DateInput />
          </Form.Item>
          <Form.Item name="announcedOn" label="Ngày công bố">
            <DateInput />
          </Form.Item>
          <Form.Item name="receivedOn" label="Ngày nhận quyết định">
            <DateInput />
          </Form.Item>
        </Space>
        <Typography.Text strong>Biểu quyết (bỏ phiếu kín)</Typography.Text>
        <Space wrap style={{ marginTop: 8 }}>
          {(
            [
              [
                'voteMembers',
                body === 'cell' ? 'Số đảng viên chính thức của chi bộ' : 'Số thành viên',
                1,
              ],
              ['votePresent', 'Có mặt', 0],
              ['voteFor', 'Tán thành', 0],
              ['voteAgainst', 'Không tán thành', 0],
            ] as const
          ).map(([name, label, min]) => (
            <Form.Item
              key={name}
              name={name}
              label={label}
              rules={[{ required: true, message: 'Cần nhập.' }]}
            >
              <InputNumber min={min} max={1000} precision={0} style={{ width: 140 }} />
            </Form.Item>
          ))}
        </Space>
        <VoteHint values={values} />
        <Button onClick={() => runCheck.mutate()} loading={runCheck.isPending}>
          Kiểm tra theo quy định
        </Button>
        {check && (
          <List
            data-testid="discipline-checks"
            style={{ marginTop: 12 }}
            dataSource={check.checks}
            renderItem={(c) => (
              <List.Item>
                <Tag color={c.ok ? 'green' : 'red'}>{c.ok ? 'Đạt' : 'Không đạt'}</Tag>{' '}
                <b>{c.rule}:</b> {c.message}
              </List.Item>
            )}
          />
        )}
        {check?.lapsesOn && (
          <Typography.Text>
            Tự động hết hiệu lực ngày {formatDate(check.lapsesOn)} nếu không khiếu nại, không vi
            phạm mới.
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
};

const ComplaintButton = ({ row }: { row: TDisciplineRow }) => {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const file = useMutation({
    mutationFn: (v: { filedOn: string; handledBy: string }) =>
      api.POST('/api/inspection/discipline/{id}/complaints', {
        params: { path: { id: row.id } },
        body: v,
      }),
    onSuccess: (res) => {
      (res.accepted ? message.success : message.warning)(res.message);
      client.invalidateQueries({ queryKey: inspectionKeys.discipline() });
      setOpen(false);
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        Ghi khiếu nại
      </Button>
      {open && (
        <Modal
          open
          title="Ghi khiếu nại về quyết định kỷ luật"
          okText="Ghi"
          cancelText="Đóng"
          onCancel={() => setOpen(false)}
          onOk={() => form.submit()}
        >
          <Typography.Paragraph>
            Thời hạn khiếu nại: đến ngày {formatDate(row.complaintDeadline)} (1 tháng kể từ ngày
            nhận quyết định).
          </Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => file.mutate(v)}
            initialValues={{ handledBy: 'Ủy ban Kiểm tra Tỉnh ủy' }}
          >
            <Form.Item
              name="filedOn"
              label="Ngày khiếu nại"
              rules={[{ required: true, message: 'Chọn ngày.' }]}
            >
              <DateInput />
            </Form.Item>
            <Form.Item
              name="handledBy"
              label="Cơ quan giải quyết"
              rules={[{ required: true, message: 'Cần nhập.' }]}
            >
              <Input />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
};

const complaintOutcomeLabels: Record<TDisciplineRow['complaints'][number]['outcome'], string> = {
  pending: 'Đang giải quyết',
  upheld: 'Giữ nguyên quyết định',
  reduced: 'Giảm hình thức kỷ luật',
  annulled: 'Xóa bỏ quyết định',
  not_accepted: 'Không thụ lý (quá hạn)',
};

/** Record how a pending complaint was resolved: upheld, reduced to a lighter form, or annulled. */
const ComplaintOutcomeButton = ({
  row,
  complaint,
}: {
  row: TDisciplineRow;
  complaint: TDisciplineRow['complaints'][number];
}) => {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const outcome = Form.useWatch('outcome', form);
  const forms = formsBySubject[row.subjectKind];
  const lighter = forms.slice(0, forms.indexOf(row.form));
  const save = useMutation({
    mutationFn: (v: {
      outcome: string;
      outcomeOn: string;
      outcomeNote?: string;
      newForm?: string;
    }) =>
      api.PUT('/api/inspection/complaints/{id}', {
        params: { path: { id: complaint.id } },
        body: {
          outcome: v.outcome,
          outcomeOn: v.outcomeOn,
          outcomeNote: v.outcomeNote || null,
          newForm: v.outcome === 'reduced' ? v.newForm : null,
          version: complaint.version,
        } as ApiBody<'/api/inspection/complaints/{id}', 'put'>,
      }),
    onSuccess: (res) => {
      message.success(res.message);
      client.invalidateQueries({ queryKey: inspectionKeys.discipline() });
      setOpen(false);
    },
    onError: (e) => {
      const text = applyApiError(e, form);
      setError(text);
      message.error(text);
    },
  });
  return (
    <>
      <Button size="small" type="primary" ghost onClick={() => setOpen(true)}>
        Ghi kết quả khiếu nại
      </Button>
      {open && (
        <Modal
          open
          title="Ghi kết quả giải quyết khiếu nại"
          okText="Ghi kết quả"
          cancelText="Đóng"
          onCancel={() => setOpen(false)}
          onOk={() => form.submit()}
          confirmLoading={save.isPending}
        >
          <Typography.Paragraph>
            {row.subjectName}: <b>{disciplineFormLabels[row.form]}</b>
            {row.decisionNumber ? ` (${row.decisionNumber})` : ''}. Khiếu nại ngày{' '}
            {formatDate(complaint.filedOn)}, gửi {complaint.handledBy}.
          </Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => {
              setError(null);
              save.mutate(v);
            }}
            initialValues={{ outcome: 'upheld', outcomeOn: todayLocal() }}
          >
            <Form.Item name="outcome" label="Kết quả">
              <Select
                options={(['upheld', 'reduced', 'annulled'] as const)
                  .filter((o) => o !== 'reduced' || lighter.length > 0)
                  .map((o) => ({ value: o, label: complaintOutcomeLabels[o] }))}
              />
            </Form.Item>
            {outcome === 'reduced' && (
              <Form.Item
                name="newForm"
                label="Hình thức mới (nhẹ hơn)"
                rules={[{ required: true, message: 'Chọn hình thức mới.' }]}
              >
                <Select
                  options={lighter.map((f) => ({ value: f, label: disciplineFormLabels[f] }))}
                />
              </Form.Item>
            )}
            <Form.Item
              name="outcomeOn"
              label="Ngày giải quyết"
              rules={[{ required: true, message: 'Chọn ngày.' }]}
            >
              <DateInput />
            </Form.Item>
            <Form.Item name="outcomeNote" label="Ghi chú (số văn bản, lý do)">
              <Input.TextArea rows={2} />
            </Form.Item>
          </Form>
          {error && <Alert type="error" showIcon title={error} />}
        </Modal>
      )}
    </>
  );
};

export const DisciplinePage = () => {
  const { can } = useAuth();
  const [filters, setFilters] = useState<{
    year?: number;
    form?: string;
    subjectKind?: string;
    orgUnitId?: number;
  }>({ year: currentYear });
  const [recording, setRecording] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: inspectionKeys.discipline(filters),
    queryFn: () =>
      api.GET('/api/inspection/discipline', {
        params: { query: filters as ApiQuery<'/api/inspection/discipline', 'get'> },
      }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Kỷ luật
        </Typography.Title>
        {can('discipline.decide') && (
          <Button type="primary" size="large" onClick={() => setRecording(true)}>
            Ghi quyết định kỷ luật
          </Button>
        )}
      </Space>
      <Alert
        type="info"
        showIcon
        title="Sổ theo dõi kỷ luật là thông tin cần bảo mật; mỗi lần xem đều được ghi nhật ký."
      />
      <Space wrap>
        <Select
          style={{ width: 130 }}
          allowClear
          placeholder="Năm"
          value={filters.year}
          onChange={(year) => setFilters({ ...filters, year })}
          options={yearOptions}
        />
        <OrgUnitSelect
          style={{ width: 300 }}
          allowClear
          value={filters.orgUnitId}
          onChange={(orgUnitId) => setFilters({ ...filters, orgUnitId })}
        />
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder="Hình thức"
          value={filters.form}
          onChange={(form) => setFilters({ ...filters, form })}
          options={disciplineForms.map((f) => ({ value: f, label: disciplineFormLabels[f] }))}
        />
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder="Đối tượng"
          value={filters.subjectKind}
          onChange={(subjectKind) => setFilters({ ...filters, subjectKind })}
          options={[
            { value: 'member', label: 'Đảng viên' },
            { value: 'organisation', label: 'Tổ chức đảng' },
          ]}
        />
      </Space>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      <Table
        rowKey="id"
        loading={isLoading}
        data-testid="discipline-register"
        dataSource={data?.items}
        expandable={{
          rowExpandable: (r) => r.complaints.length > 0,
          expandedRowRender: (r) => (
            <List
              dataSource={r.complaints}
              renderItem={(c) => (
                <List.Item
                  extra={
                    c.outcome === 'pending' && can('discipline.decide') ? (
                      <ComplaintOutcomeButton row={r} complaint={c} />
                    ) : undefined
                  }
                >
                  Khiếu nại ngày {formatDate(c.filedOn)} (hạn {formatDate(c.deadlineOn)}) gửi{' '}
                  {c.handledBy}: <b>{complaintOutcomeLabels[c.outcome]}</b>
                  {c.outcomeOn ? ` ngày ${formatDate(c.outcomeOn)}` : ''}
                  {c.newForm ? ` (xuống ${disciplineFormLabels[c.newForm].toLowerCase()})` : ''}
                  {c.outcomeNote ? ` – ${c.outcomeNote}` : ''}
                </List.Item>
              )}
            />
          ),
        }}
        columns={[
          {
            title: 'Quyết định',
            render: (_, r) =>
              r.decisionNumber ? `${r.decisionNumber} (${formatDate(r.decidedOn)})` : 'Đề nghị',
          },
          {
            title: 'Đối tượng',
            render: (_, r) => `${r.subjectName}${r.standing === 'probationary' ? ' (dự bị)' : ''}`,
          },
          { title: 'Thuộc', dataIndex: 'orgUnitName' },
          { title: 'Hình thức', render: (_, r) => <b>{disciplineFormLabels[r.form]}</b> },
          { title: 'Cấp quyết định', render: (_, r) => decidingBodyLabels[r.body] },
          { title: 'Biểu quyết', render: (_, r) => <VoteCell vote={r.vote} /> },
          { title: 'Vi phạm', dataIndex: 'violation' },
          {
            title: 'Hiệu lực',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={stateColors[r.state]}>{stateLabel(r.state)}</Tag>
                {r.lapsesOn && r.state === 'in_force' && <span>đến {formatDate(r.lapsesOn)}</span>}
              </Space>
            ),
          },
          {
            title: 'Khiếu nại',
            render: (_, r) => {
              const pending = r.complaints.filter((c) => c.outcome === 'pending');
              if (!can('discipline.decide'))
                return pending.length ? (
                  <Tag color="orange">Đang giải quyết</Tag>
                ) : (
                  r.complaints.length
                );
              return (
                <Space orientation="vertical" size={4}>
                  {pending.map((c) => (
                    <ComplaintOutcomeButton key={c.id} row={r} complaint={c} />
                  ))}
                  {r.decidedOn && pending.length === 0 && <ComplaintButton row={r} />}
                </Space>
              );
            },
          },
        ]}
      />
      {recording && <DecisionModal onClose={() => setRecording(false)} />}
    </Space>
  );
};
