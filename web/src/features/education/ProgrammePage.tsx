import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  activityKindLabels,
  commitmentOutcomeLabels,
  programmeKindLabels,
  reviewKindLabels,
  type TActivity,
  type TCommitment,
  type TProgrammeCounts,
  type TReview,
} from '../../../../contracts/education';
import { formatDate, formatNumber } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { educationKeys } from './keys';
import { ModelRegisterModal } from './ModelForms';
import { ModelsTable } from './ModelsTable';
import { ProgrammeFormModal } from './ProgrammeFormModal';
import { ActivityModal, CommitmentModal, OutcomeModal, ReviewModal } from './ProgrammeForms';
import { Ratio } from './shared';

const yearsOf = (from: string, to: string | null) => {
  const last = Math.min(Number((to ?? `${new Date().getFullYear()}`).slice(0, 4)), 2999);
  const years: number[] = [];
  for (let y = last; y >= Number(from.slice(0, 4)) && years.length < 15; y--) years.push(y);
  return years;
};

/** The figures of a period, all computed from the records. */
const CountsCards = ({ c }: { c: TProgrammeCounts }) => (
  <Row gutter={[12, 12]}>
    <Col xs={24} sm={12} lg={6}>
      <Card size="small" title="Chi bộ đã tổ chức học tập">
        <Ratio n={c.unitsWithActivities} d={c.unitsRequired} />
      </Card>
    </Col>
    <Col xs={24} sm={12} lg={6}>
      <Card size="small" title="Đảng viên đã ký cam kết">
        <Ratio n={c.membersWithCommitments} d={c.membersRequired} />
      </Card>
    </Col>
    <Col xs={12} sm={12} lg={6}>
      <Card size="small">
        <Statistic
          title="Hoạt động, lượt tham gia"
          value={`${formatNumber(c.activities)} / ${formatNumber(c.participants)}`}
        />
      </Card>
    </Col>
    <Col xs={12} sm={12} lg={6}>
      <Card size="small">
        <Statistic
          title="Mô hình đăng ký / công nhận"
          value={`${formatNumber(c.modelsRegistered)} / ${formatNumber(c.modelsRecognised)}`}
        />
      </Card>
    </Col>
  </Row>
);

type Dialog = 'edit' | 'activity' | 'commitment' | 'review' | 'model' | null;

/** A programme: its units' activities and coverage, commitments, models and reviews, per year. */
export const ProgrammePage = () => {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const [year, setYear] = useState<number | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [outcomeOf, setOutcomeOf] = useState<TCommitment | null>(null);
  const [editingActivity, setEditingActivity] = useState<TActivity | null>(null);
  const [editingReview, setEditingReview] = useState<TReview | null>(null);
  const { message } = App.useApp();
  const client = useQueryClient();
  /** Delete an activity or a review recorded by mistake (audited; the files stay). */
  const remove = async (what: 'activities' | 'reviews', recordId: number) => {
    try {
      if (what === 'activities')
        await api.DELETE('/api/education/activities/{id}', {
          params: { path: { id: recordId } },
        });
      else await api.DELETE('/api/education/reviews/{id}', { params: { path: { id: recordId } } });
      message.success('Đã xóa.');
      await client.invalidateQueries({ queryKey: educationKeys.programme() });
      await client.invalidateQueries({ queryKey: educationKeys.programmes() });
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const { data: p, error } = useQuery({
    queryKey: educationKeys.programme(id, year),
    queryFn: () =>
      api.GET('/api/education/programmes/{id}', {
        params: { path: { id }, query: { year } },
      }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (!p) return null;
  const years = yearsOf(p.fromDate, p.toDate);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Space wrap>
        <Link to="/giao-duc-chinh-tri">← Các chương trình</Link>
      </Space>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {p.title}
      </Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Loại">{programmeKindLabels[p.kind]}</Descriptions.Item>
          <Descriptions.Item label="Cấp ủy chủ trì">{p.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label="Căn cứ">{p.directiveRef ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {formatDate(p.fromDate)} – {p.toDate ? formatDate(p.toDate) : 'chưa định'}
          </Descriptions.Item>
          {p.note && <Descriptions.Item label="Ghi chú">{p.note}</Descriptions.Item>}
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          <Select
            value={p.year}
            onChange={setYear}
            style={{ width: 140 }}
            aria-label="Năm"
            options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
          />
          {p.canEdit && <Button onClick={() => setDialog('edit')}>Sửa chương trình</Button>}
          {p.canRecord && (
            <>
              <Button type="primary" onClick={() => setDialog('activity')}>
                Ghi hoạt động
              </Button>
              <Button onClick={() => setDialog('commitment')}>Ghi bản cam kết</Button>
              <Button onClick={() => setDialog('model')}>Đăng ký mô hình</Button>
            </>
          )}
          {p.canEdit && <Button onClick={() => setDialog('review')}>Ghi sơ kết, tổng kết</Button>}
        </Space>
      </Card>
      <CountsCards c={p.counts} />
      <Tabs
        items={[
          {
            key: 'coverage',
            label: 'Các chi bộ',
            children: (
              <Table
                rowKey="orgUnitId"
                data-testid="coverage"
                dataSource={p.coverage}
                pagination={{ pageSize: 20 }}
                scroll={{ x: 600 }}
                columns={[
                  { title: 'Chi bộ', dataIndex: 'orgUnitName' },
                  {
                    title: 'Hoạt động',
                    render: (_, c) =>
                      c.activities ? (
                        `${c.activities} (gần nhất ${formatDate(c.lastHeldOn)})`
                      ) : (
                        <Tag color="orange">Chưa có</Tag>
                      ),
                  },
                  {
                    title: 'Đảng viên đã cam kết',
                    render: (_, c) => <Ratio n={c.commitments} d={c.members} />,
                  },
                ]}
              />
            ),
          },
          {
            key: 'activities',
            label: `Hoạt động (${p.activities.length})`,
            children: (
              <Table
                rowKey="id"
                data-testid="activities"
                dataSource={p.activities}
                pagination={{ pageSize: 20 }}
                scroll={{ x: 700 }}
                columns={[
                  { title: 'Ngày', render: (_, a) => formatDate(a.heldOn) },
                  { title: 'Đơn vị', dataIndex: 'orgUnitName' },
                  { title: 'Hình thức', render: (_, a) => activityKindLabels[a.kind] },
                  {
                    title: 'Nội dung',
                    render: (_, a) => (
                      <>
                        {a.title}
                        {a.meetingTitle && (
                          <div>
                            <Typography.Text type="secondary">
                              Buổi sinh hoạt: {a.meetingTitle}
                            </Typography.Text>
                          </div>
                        )}
                      </>
                    ),
                  },
                  { title: 'Tham gia', dataIndex: 'participants', align: 'right' },
                  ...(p.canRecord
                    ? [
                        {
                          title: '',
                          key: 'actions',
                          render: (_: unknown, a: TActivity) => (
                            <Space wrap>
                              <Button size="small" onClick={() => setEditingActivity(a)}>
                                Sửa
                              </Button>
                              <Popconfirm
                                title="Xóa hoạt động ghi nhầm?"
                                okText="Xóa"
                                cancelText="Không"
                                onConfirm={() => remove('activities', a.id)}
                              >
                                <Button size="small" danger>
                                  Xóa
                                </Button>
                              </Popconfirm>
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            ),
          },
          {
            key: 'commitments',
            label: `Cam kết (${p.commitments.length})`,
            children: (
              <Table
                rowKey="id"
                data-testid="commitments"
                dataSource={p.commitments}
                pagination={{ pageSize: 20 }}
                scroll={{ x: 700 }}
                columns={[
                  { title: 'Đảng viên', dataIndex: 'memberName' },
                  { title: 'Chi bộ', dataIndex: 'orgUnitName' },
                  { title: 'Ngày ký', render: (_, c) => formatDate(c.signedOn) },
                  {
                    title: 'Kết quả cuối năm',
                    render: (_, c) => (
                      <Space wrap>
                        {c.outcome ? commitmentOutcomeLabels[c.outcome] : 'Chưa đánh giá'}
                        {p.canRecord && (
                          <Button size="small" onClick={() => setOutcomeOf(c)}>
                            Ghi kết quả
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'models',
            label: `Mô hình (${p.models.length})`,
            children: <ModelsTable items={p.models} />,
          },
          {
            key: 'reviews',
            label: `Sơ kết, tổng kết (${p.reviews.length})`,
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {p.reviews.length === 0 && (
                  <Typography.Text type="secondary">
                    Chưa có hội nghị sơ kết, tổng kết.
                  </Typography.Text>
                )}
                {p.reviews.map((r) => (
                  <Card
                    key={r.id}
                    size="small"
                    title={`${reviewKindLabels[r.kind]}: ${r.title}`}
                    extra={
                      r.canEdit && (
                        <Space wrap>
                          <Button size="small" onClick={() => setEditingReview(r)}>
                            Sửa
                          </Button>
                          <Popconfirm
                            title="Xóa hội nghị ghi nhầm? Tệp báo cáo vẫn được lưu."
                            okText="Xóa"
                            cancelText="Không"
                            onConfirm={() => remove('reviews', r.id)}
                          >
                            <Button size="small" danger>
                              Xóa
                            </Button>
                          </Popconfirm>
                        </Space>
                      )
                    }
                    data-testid="review"
                  >
                    <Typography.Paragraph>
                      {r.orgUnitName}, ngày {formatDate(r.heldOn)}; kỳ {formatDate(r.periodFrom)} –{' '}
                      {formatDate(r.periodTo)}
                      {r.reportRef && `; ${r.reportRef}`}
                      {r.documentId && (
                        <>
                          {' '}
                          <a href={`/api/education/documents/${r.documentId}`}>Tải báo cáo</a>
                        </>
                      )}
                    </Typography.Paragraph>
                    <CountsCards c={r.counts} />
                  </Card>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {dialog === 'edit' && (
        <ProgrammeFormModal
          detail={p}
          onClose={() => setDialog(null)}
          onSaved={() => setDialog(null)}
        />
      )}
      {dialog === 'activity' && <ActivityModal programme={p} onClose={() => setDialog(null)} />}
      {dialog === 'commitment' && (
        <CommitmentModal programme={p} year={p.year} onClose={() => setDialog(null)} />
      )}
      {dialog === 'review' && <ReviewModal programme={p} onClose={() => setDialog(null)} />}
      {editingActivity && (
        <ActivityModal
          programme={p}
          activity={editingActivity}
          onClose={() => setEditingActivity(null)}
        />
      )}
      {editingReview && (
        <ReviewModal programme={p} review={editingReview} onClose={() => setEditingReview(null)} />
      )}
      {dialog === 'model' && can('education.record') && (
        <ModelRegisterModal programmeId={p.id} onClose={() => setDialog(null)} />
      )}
      {outcomeOf && <OutcomeModal commitment={outcomeOf} onClose={() => setOutcomeOf(null)} />}
    </Space>
  );
};
