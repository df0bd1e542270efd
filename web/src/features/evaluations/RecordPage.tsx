// One evaluation record: the self-assessment form (usable on a phone), the review at the meeting
// with votes and the facts, the appraisal, complaints, and the engine's proposal with the facts
// and reasons that drove it; the steps as a dated, attributed timeline.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Timeline,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import type { TRecordDetail } from '../../../../contracts/evaluations';
import {
  criterionGradeLabels,
  criterionGrades,
  memberRoles,
  notRatedReasonLabels,
  subjectKindLabels,
} from '../../../../domain/rules/evaluation/levels';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiBody, api } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { applyApiError } from '../../components/errors';
import { ResidenceCommentsPanel } from '../proposals/ResidenceCommentsPanel';
import { evaluationsKeys } from './keys';
import { LevelTag, levelOptions, StatusTag, stepLabels, todayLocal } from './shared';

const roleLabels: Record<(typeof memberRoles)[number], string> = {
  central_cadre: 'Cán bộ thuộc diện Trung ương quản lý (PL2)',
  leader: 'Cán bộ lãnh đạo, quản lý (PL3)',
  staff: 'Cá nhân không giữ chức vụ lãnh đạo (PL4)',
  outside_system: 'Đảng viên không làm việc trong hệ thống chính trị (PL5)',
};
const gradeOptions = criterionGrades.map((g) => ({ value: g, label: criterionGradeLabels[g] }));

/** Scores per framework item (366) or grades per criterion group (124 / 132). */
const CriteriaFields = ({ record }: { record: TRecordDetail }) => (
  <>
    {record.criteria.groups.map((g) => (
      <div key={g.name}>
        <Typography.Text strong>{g.name}</Typography.Text>
        <Row gutter={12}>
          {g.items.map((i) => (
            <Col xs={24} md={12} key={i.code}>
              {record.scoring === 'points' ? (
                <Form.Item
                  name={['scores', i.code]}
                  label={`${i.label} (tối đa ${i.maxPoints})`}
                  rules={[{ required: true, message: 'Nhập điểm.' }]}
                >
                  <InputNumber
                    min={0}
                    max={i.maxPoints ?? 100}
                    step={0.5}
                    style={{ width: '100%' }}
                    size="large"
                  />
                </Form.Item>
              ) : (
                <Form.Item
                  name={['grades', i.code]}
                  label={i.label}
                  rules={[{ required: true, message: 'Chọn mức.' }]}
                >
                  <Select options={gradeOptions} size="large" />
                </Form.Item>
              )}
            </Col>
          ))}
        </Row>
      </div>
    ))}
  </>
);

const TaskFields = () => (
  <Row gutter={12}>
    {(
      [
        ['total', 'Tổng số nhiệm vụ'],
        ['onTime', 'Hoàn thành đúng hạn'],
        ['exceeded', 'Vượt yêu cầu'],
        ['late', 'Hoàn thành trễ hạn'],
      ] as const
    ).map(([k, label]) => (
      <Col xs={12} md={6} key={k}>
        <Form.Item name={['tasks', k]} label={label}>
          <InputNumber min={0} style={{ width: '100%' }} size="large" />
        </Form.Item>
      </Col>
    ))}
  </Row>
);

const tasksOf = (v: { tasks?: Record<string, number | null> }) => {
  const t = v.tasks;
  if (!t || t.total == null) return null;
  return {
    total: t.total ?? 0,
    onTime: t.onTime ?? 0,
    exceeded: t.exceeded ?? 0,
    late: t.late ?? 0,
  };
};

const SelfAssessmentForm = ({
  record,
  onSaved,
}: {
  record: TRecordDetail;
  onSaved: () => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const previous = record.selfAssessment ?? {};
  const mutation = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.POST('/api/evaluations/records/{id}/self-assessment', {
        params: { path: { id: record.id } },
        body: {
          version: record.version,
          assessedOn: v.assessedOn,
          scores: v.scores,
          grades: v.grades,
          tasks: tasksOf(v as never),
          role: v.role ?? null,
          proposedLevel: v.proposedLevel,
          strengths: v.strengths,
          weaknesses: v.weaknesses,
          commitments: v.commitments,
        } as ApiBody<'/api/evaluations/records/{id}/self-assessment', 'post'>,
      }),
    onSuccess: () => {
      message.success('Đã lưu bản tự đánh giá, xếp loại.');
      onSaved();
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  return (
    <Card title="Tự đánh giá, xếp loại" data-testid="self-assessment">
      <Form
        form={form}
        layout="vertical"
        size="large"
        initialValues={{
          assessedOn: todayLocal(),
          scores: previous.scores ?? undefined,
          grades: previous.grades ?? undefined,
          tasks: previous.tasks ?? record.facts.tasks ?? undefined,
          role: previous.role ?? record.facts.role ?? undefined,
          proposedLevel: previous.proposedLevel ?? undefined,
          strengths: previous.strengths ?? undefined,
          weaknesses: previous.weaknesses ?? undefined,
          commitments: previous.commitments ?? undefined,
        }}
        onFinish={(v) => mutation.mutate(v)}
      >
        {record.scoring === 'points' && record.subjectKind === 'member' && (
          <Form.Item name="role" label="Vị trí công tác (khung tiêu chí)">
            <Select
              allowClear
              options={memberRoles.map((r) => ({ value: r, label: roleLabels[r] }))}
            />
          </Form.Item>
        )}
        <CriteriaFields record={record} />
        <Typography.Text strong>Kết quả thực hiện nhiệm vụ trong kỳ</Typography.Text>
        <TaskFields />
        <Form.Item name="strengths" label="Ưu điểm, kết quả đạt được">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="weaknesses" label="Hạn chế, khuyết điểm và nguyên nhân">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="commitments" label="Phương hướng, biện pháp khắc phục">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="proposedLevel"
              label="Tự xếp loại"
              rules={[{ required: true, message: 'Chọn mức tự xếp loại.' }]}
            >
              <Select options={levelOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="assessedOn" label="Ngày" rules={[{ required: true }]}>
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} block>
          Gửi bản tự đánh giá
        </Button>
      </Form>
    </Card>
  );
};

const ReviewForm = ({ record, onSaved }: { record: TRecordDetail; onSaved: () => void }) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const f = record.facts as Record<string, unknown>;
  const mutation = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.POST('/api/evaluations/records/{id}/review', {
        params: { path: { id: record.id } },
        body: {
          version: record.version,
          reviewedOn: v.reviewedOn,
          level: v.level,
          votes: v.votes,
          note: v.note,
          scores: v.scores,
          grades: v.grades,
          tasks: tasksOf(v as never),
          ...(record.subjectKind === 'member'
            ? {
                sickLeaveMonths: v.sickLeaveMonths ?? null,
                civilServant: Boolean(v.civilServant),
                civilServiceLevel: v.civilServant ? (v.civilServiceLevel ?? null) : null,
              }
            : {}),
          ...(record.subjectKind === 'agency'
            ? { culturalStandard: Boolean(v.culturalStandard) }
            : {}),
          ...(record.khtnvCaseOptions.length > 0
            ? { khtnvCases: (v.khtnvCases as string[] | undefined) ?? [] }
            : {}),
        } as ApiBody<'/api/evaluations/records/{id}/review', 'post'>,
      }),
    onSuccess: () => {
      message.success('Đã ghi kết quả kiểm điểm tại hội nghị.');
      onSaved();
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const self = record.selfAssessment ?? {};
  return (
    <Card title="Kiểm điểm, đánh giá tại hội nghị (chi bộ / cấp ủy)" data-testid="review">
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          reviewedOn: todayLocal(),
          scores: (f.scores as object) ?? self.scores ?? undefined,
          grades: (f.grades as object) ?? self.grades ?? undefined,
          tasks: f.tasks ?? undefined,
          sickLeaveMonths: f.sickLeaveMonths ?? undefined,
          civilServant: f.civilServant ?? false,
          civilServiceLevel: f.civilServiceLevel ?? undefined,
          culturalStandard: record.culturalStandard ?? false,
          khtnvCases: recordedCases(record),
          level:
            record.reviewLevel ??
            (['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'].includes(record.proposal.level)
              ? record.proposal.level
              : undefined),
          votes: record.reviewVotes ?? { present: undefined },
        }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <CriteriaFields record={record} />
        <Typography.Text strong>Kết quả thực hiện nhiệm vụ</Typography.Text>
        <TaskFields />
        {record.subjectKind === 'member' && (
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="sickLeaveMonths" label="Số tháng nghỉ ốm trong năm">
                <InputNumber min={0} max={12} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="civilServant"
                valuePropName="checked"
                label="Cán bộ, công chức, viên chức"
              >
                <Checkbox>Có xếp loại chính quyền</Checkbox>
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="civilServiceLevel" label="Mức xếp loại công chức, viên chức">
                <Select allowClear options={levelOptions} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {record.subjectKind === 'agency' && (
          <Form.Item name="culturalStandard" valuePropName="checked">
            <Checkbox>Đạt chuẩn văn hoá, an toàn về an ninh trật tự</Checkbox>
          </Form.Item>
        )}
        {record.khtnvCaseOptions.length > 0 && (
          <div data-testid="khtnv-cases">
            <Typography.Text strong>Trường hợp xếp loại không hoàn thành nhiệm vụ</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              Đánh dấu khi cấp có thẩm quyền đã kết luận (theo {record.khtnvCaseSource}); mỗi trường
              hợp được đánh dấu thì đề xuất là “Không hoàn thành nhiệm vụ”, có ghi rõ căn cứ.
            </Typography.Paragraph>
            <Form.Item name="khtnvCases">
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                {record.khtnvCaseOptions.map((o) => (
                  <Checkbox key={o.code} value={o.code}>
                    {o.wording}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
          </div>
        )}
        <Typography.Text strong>Biểu quyết</Typography.Text>
        <Row gutter={12}>
          {(
            [
              ['present', 'Số có mặt'],
              ['HTXSNV', 'HTXSNV'],
              ['HTTNV', 'HTTNV'],
              ['HTNV', 'HTNV'],
              ['KHTNV', 'KHTNV'],
            ] as const
          ).map(([k, label]) => (
            <Col xs={12} md={4} key={k}>
              <Form.Item
                name={['votes', k]}
                label={label}
                rules={k === 'present' ? [{ required: true, message: 'Nhập số có mặt.' }] : []}
              >
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="level"
              label="Hội nghị đề nghị mức"
              rules={[{ required: true, message: 'Chọn mức.' }]}
            >
              <Select options={levelOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="reviewedOn" label="Ngày hội nghị" rules={[{ required: true }]}>
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          Ghi kết quả kiểm điểm
        </Button>
      </Form>
    </Card>
  );
};

const SimpleStepForm = ({
  title,
  send,
  version,
  fields,
  submit,
  onSaved,
}: {
  title: string;
  /** The step's POST; the form's values (with the record's version) are its body. */
  send: (body: Record<string, unknown>) => Promise<unknown>;
  version: number;
  fields: 'appraisal' | 'complaint' | 'resolve';
  submit: string;
  onSaved: () => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const outcome = Form.useWatch('outcome', form);
  const mutation = useMutation({
    mutationFn: (v: Record<string, unknown>) => send({ ...v, version }),
    onSuccess: () => {
      message.success('Đã lưu.');
      onSaved();
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const dateField =
    fields === 'appraisal' ? 'appraisedOn' : fields === 'complaint' ? 'filedOn' : 'resolvedOn';
  return (
    <Card title={title}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ [dateField]: todayLocal(), outcome: 'upheld' }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name={dateField} label="Ngày" rules={[{ required: true }]}>
              <DateInput />
            </Form.Item>
          </Col>
          {fields === 'appraisal' && (
            <Col xs={24} md={16}>
              <Form.Item
                name="level"
                label="Đề xuất mức xếp loại"
                rules={[{ required: true, message: 'Chọn mức.' }]}
              >
                <Select options={levelOptions} />
              </Form.Item>
            </Col>
          )}
          {fields === 'resolve' && (
            <>
              <Col xs={24} md={8}>
                <Form.Item name="outcome" label="Kết quả">
                  <Select
                    options={[
                      { value: 'upheld', label: 'Giữ nguyên mức xếp loại' },
                      { value: 'changed', label: 'Thay đổi mức xếp loại' },
                    ]}
                  />
                </Form.Item>
              </Col>
              {outcome === 'changed' && (
                <Col xs={24} md={8}>
                  <Form.Item name="level" label="Mức mới" rules={[{ required: true }]}>
                    <Select options={levelOptions} />
                  </Form.Item>
                </Col>
              )}
            </>
          )}
        </Row>
        <Form.Item
          name={fields === 'appraisal' ? 'note' : fields === 'complaint' ? 'content' : 'answer'}
          label={
            fields === 'appraisal'
              ? 'Ý kiến thẩm định'
              : fields === 'complaint'
                ? 'Nội dung khiếu nại'
                : 'Trả lời'
          }
          rules={
            fields === 'appraisal' ? [] : [{ required: true, message: 'Trường này bắt buộc.' }]
          }
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {submit}
        </Button>
      </Form>
    </Card>
  );
};

/** The KHTNV cases already recorded on the facts (with the two older flags). */
const recordedCases = (r: TRecordDetail): string[] => {
  const f = r.facts as { khtnvCases?: string[]; degeneration?: boolean; seriousDisunity?: boolean };
  const out = new Set(f.khtnvCases ?? []);
  if (f.degeneration) out.add('degeneration');
  if (f.seriousDisunity) out.add('disunity');
  return [...out];
};

const factLines = (r: TRecordDetail): string[] => {
  const f = r.facts as Record<string, unknown> & {
    tasks?: { total: number; onTime: number; exceeded: number; late: number };
    disciplines?: { form: string; decidedOn: string }[];
  };
  const out: string[] = [];
  if (f.admittedOn) out.push(`Kết nạp ngày ${formatDate(String(f.admittedOn))}`);
  if (f.establishedOn) out.push(`Thành lập ngày ${formatDate(String(f.establishedOn))}`);
  if (f.tasks)
    out.push(
      `Nhiệm vụ: ${f.tasks.total} (đúng hạn ${f.tasks.onTime}, vượt ${f.tasks.exceeded}, trễ ${f.tasks.late})`,
    );
  if (f.disciplines?.length)
    out.push(
      `Kỷ luật trong kỳ: ${f.disciplines.map((d) => `${d.form} ngày ${formatDate(d.decidedOn)}`).join('; ')}`,
    );
  if (f.subordinateOrMemberDisciplined)
    out.push('Có tổ chức trực thuộc hoặc đảng viên bị kỷ luật trong kỳ');
  if (f.sickLeaveMonths) out.push(`Nghỉ ốm ${f.sickLeaveMonths} tháng`);
  if (f.civilServant)
    out.push(`Công chức, viên chức: xếp loại ${f.civilServiceLevel ?? 'chưa có'}`);
  if (f.previousLevel) out.push(`Năm trước: ${f.previousLevel}`);
  if (f.exempted) out.push('Miễn công tác và sinh hoạt đảng');
  if (f.suspended) out.push('Đình chỉ sinh hoạt đảng');
  return out;
};

export const RecordPage = () => {
  const id = Number(useParams().id);
  const client = useQueryClient();
  const { data: r, error } = useQuery({
    queryKey: evaluationsKeys.evaluationRecord(id),
    queryFn: () => api.GET('/api/evaluations/records/{id}', { params: { path: { id } } }),
  });
  const refresh = () => {
    client.invalidateQueries({ queryKey: evaluationsKeys.evaluationRecord(id) });
    client.invalidateQueries({ queryKey: evaluationsKeys.evaluationRecords() });
  };
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (!r) return <Card loading />;
  const facts = factLines(r);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {r.subjectName}
        </Typography.Title>
        <Typography.Text type="secondary">
          {subjectKindLabels[r.subjectKind]} – {r.orgUnitName} – {r.campaignTitle}
        </Typography.Text>
      </div>
      {r.removalReason && r.decidedLevel === 'KHTNV' && (
        <Alert type="error" showIcon title={r.removalReason} />
      )}
      {r.orderProblems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="Chưa thể quyết định xếp loại"
          description={r.orderProblems.join(' ')}
        />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="Bước">
          <StatusTag status={r.status} />
          {r.notRatedReason && ` ${notRatedReasonLabels[r.notRatedReason]}`}
        </Descriptions.Item>
        <Descriptions.Item label="Quy định">{r.ruleSet}</Descriptions.Item>
        <Descriptions.Item label="Đề xuất theo quy định">
          <span data-testid="engine-level">
            <LevelTag level={r.proposal.level} />
          </span>
          {r.proposal.score != null && ` ${r.proposal.score} điểm`}
        </Descriptions.Item>
        <Descriptions.Item label="Tự xếp loại">
          <LevelTag level={r.selfLevel} />
        </Descriptions.Item>
        <Descriptions.Item label="Hội nghị đề nghị">
          <LevelTag level={r.reviewLevel} />
          {r.reviewVotes &&
            ` (có mặt ${r.reviewVotes.present}; HTXSNV ${r.reviewVotes.HTXSNV ?? 0}, HTTNV ${r.reviewVotes.HTTNV ?? 0}, HTNV ${r.reviewVotes.HTNV ?? 0}, KHTNV ${r.reviewVotes.KHTNV ?? 0})`}
        </Descriptions.Item>
        <Descriptions.Item label="Thẩm định">
          <LevelTag level={r.appraisalLevel} />
        </Descriptions.Item>
        <Descriptions.Item label="Quyết định">
          <span data-testid="decided-level">
            <LevelTag level={r.decidedLevel} />
          </span>
          {r.decisionNumber && ` ${r.decisionNumber} ngày ${formatDate(r.decidedOn)}`}
        </Descriptions.Item>
        {r.subjectKind === 'agency' && (
          <Descriptions.Item label="Đạt chuẩn văn hoá, an toàn về ANTT">
            {r.culturalStandard == null
              ? 'Chưa đánh giá'
              : r.culturalStandard
                ? 'Đạt'
                : 'Không đạt'}
          </Descriptions.Item>
        )}
        {r.previousLevels.length > 0 && (
          <Descriptions.Item label="Các năm trước">
            {r.previousLevels
              .map((p) => `${p.year}: ${p.level === 'not_rated' ? 'không xếp loại' : p.level}`)
              .join('; ')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {(r.proposal.khtnvCases?.length ?? 0) > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="khtnv-forced"
          title="Thuộc trường hợp xếp loại không hoàn thành nhiệm vụ"
          description={r.proposal.reasons
            .filter((x) => x.startsWith('Không hoàn thành nhiệm vụ: “'))
            .join(' ')}
        />
      )}
      {r.subjectKind === 'member' && r.memberId !== null && (
        // The residence cell's comment of the year is an input the reviewer sees (Quy định 213-QĐ/TW).
        <ResidenceCommentsPanel
          memberId={r.memberId}
          year={r.year}
          title={`Nhận xét của chi bộ nơi cư trú năm ${r.year}`}
        />
      )}
      <Card title="Căn cứ đề xuất (dữ kiện và lý do)" size="small" data-testid="engine-reasons">
        {facts.length > 0 && (
          <ul>
            {facts.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        )}
        <ol>
          {r.proposal.reasons.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ol>
      </Card>
      {r.actions.includes('self_assess') && <SelfAssessmentForm record={r} onSaved={refresh} />}
      {r.actions.includes('review') && <ReviewForm record={r} onSaved={refresh} />}
      {r.actions.includes('appraise') && (
        <SimpleStepForm
          title="Thẩm định"
          send={(body) =>
            api.POST('/api/evaluations/records/{id}/appraisal', {
              params: { path: { id: r.id } },
              body: body as ApiBody<'/api/evaluations/records/{id}/appraisal', 'post'>,
            })
          }
          version={r.version}
          fields="appraisal"
          submit="Ghi thẩm định"
          onSaved={refresh}
        />
      )}
      {r.actions.includes('complain') && (
        <SimpleStepForm
          title="Khiếu nại kết quả"
          send={(body) =>
            api.POST('/api/evaluations/records/{id}/complaints', {
              params: { path: { id: r.id } },
              body: body as ApiBody<'/api/evaluations/records/{id}/complaints', 'post'>,
            })
          }
          version={r.version}
          fields="complaint"
          submit="Gửi khiếu nại"
          onSaved={refresh}
        />
      )}
      {r.actions.includes('resolve') &&
        r.complaints
          .filter((c) => c.outcome === 'pending')
          .map((c) => (
            <SimpleStepForm
              key={c.id}
              title={`Giải quyết khiếu nại ngày ${formatDate(c.filedOn)}: ${c.content}`}
              send={(body) =>
                api.POST('/api/evaluations/complaints/{id}/resolution', {
                  params: { path: { id: c.id } },
                  body: body as ApiBody<'/api/evaluations/complaints/{id}/resolution', 'post'>,
                })
              }
              version={r.version}
              fields="resolve"
              submit="Ghi kết quả giải quyết"
              onSaved={refresh}
            />
          ))}
      <Card title="Các bước đã thực hiện">
        {r.steps.length === 0 ? (
          'Chưa có bước nào.'
        ) : (
          <Timeline
            items={r.steps.map((s) => ({
              content: (
                <span>
                  <b>{stepLabels[s.step] ?? s.step}</b> – {formatDate(s.stepDate)}
                  {s.level && (
                    <>
                      {' '}
                      <LevelTag level={s.level} />
                    </>
                  )}
                  {s.documentNumber && ` (${s.documentNumber})`}
                  {s.recordedByName &&
                    ` – ${s.onBehalf ? 'nhập thay bởi' : 'ghi bởi'} ${s.recordedByName}`}
                  {s.note && <div>{s.note}</div>}
                </span>
              ),
            }))}
          />
        )}
      </Card>
    </Space>
  );
};
