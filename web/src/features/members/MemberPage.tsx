import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Space,
  Table,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  memberEventLabels,
  politicalTheoryLabels,
  professionalLevelLabels,
  sexLabels,
} from '../../../../domain/enums/members';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiBody, ApiError, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { StatusTag } from '../../components/StatusTag';
import { MemberCommitteeCard } from '../committees/CommitteeWidgets';
import { FormDownload } from '../forms/FormDownload';
import { MemberUpdateSheetDownload } from '../forms/MemberUpdateSheetDownload';
import { MemberLifecyclePanel } from '../lifecycle/MemberLifecyclePanel';
import { ResidenceCommentsPanel } from '../proposals/ResidenceCommentsPanel';
import { membersKeys } from './keys';
import { LetterPresentedModal, MemberEventModal } from './MemberEventModal';
import { MemberPhoto } from './MemberPhoto';
import { fromFormValues, MemberFormFields, toFormValues } from './member-form';

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const hidden = 'Thông tin hạn chế – bạn không có quyền xem';

export const MemberPage = () => {
  const { id } = useParams();
  const { can } = useAuth();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState(false);
  const [addingEvent, setAddingEvent] = useState(false);
  const [presenting, setPresenting] = useState<number | null>(null);
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const member = useQuery({
    queryKey: membersKeys.member(id),
    queryFn: () => api.GET('/api/members/{id}', { params: { path: { id: Number(id) } } }),
  });
  if (member.error) return <Alert type="error" showIcon title={(member.error as Error).message} />;
  const m = member.data;
  if (!m) return <Card loading />;

  const startEdit = () => {
    form.setFieldsValue(toFormValues(m));
    setError(null);
    setEditing(true);
  };
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.PUT('/api/members/{id}', {
        params: { path: { id: m.id } },
        body: {
          ...(fromFormValues(values, m.sensitiveHidden) as ApiBody<'/api/members/{id}', 'put'>),
          version: m.version,
        },
      });
      message.success('Đã lưu hồ sơ.');
      setEditing(false);
      client.invalidateQueries({ queryKey: membersKeys.member(id) });
      client.invalidateQueries({ queryKey: membersKeys.members() });
    } catch (e) {
      setError({
        text: applyApiError(e, form),
        conflict: e instanceof ApiError && e.status === 409,
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Space align="start" wrap>
          <MemberPhoto memberId={m.id} fullName={m.fullName} canEdit={m.canEdit} />
          <Space direction="vertical" size={0}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="member-name">
              {m.fullName} <StatusTag status={m.status} />
            </Typography.Title>
            <Typography.Text type="secondary">
              {m.orgUnitPath.map((u) => u.name).join(' › ')}
            </Typography.Text>
          </Space>
        </Space>
        {!editing && can('member.export') && (
          <FormDownload
            testId="member-forms"
            forms={[
              { label: 'Phiếu đảng viên (2-HSĐV)', url: `/api/forms/members/${m.id}/phieu` },
              { label: 'Lý lịch đảng viên (1-HSĐV)', url: `/api/forms/members/${m.id}/ly-lich` },
            ]}
          />
        )}
        {!editing && can('member.export') && <MemberUpdateSheetDownload memberId={m.id} />}
        {m.canEdit && !editing && (
          <Space>
            <Button onClick={() => setAddingEvent(true)}>Ghi sự kiện</Button>
            <Button type="primary" onClick={startEdit}>
              Sửa hồ sơ
            </Button>
          </Space>
        )}
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.text}
          action={
            error.conflict ? (
              <Button
                onClick={async () => {
                  const fresh = await member.refetch();
                  if (fresh.data) form.setFieldsValue(toFormValues(fresh.data));
                  setError(null);
                }}
              >
                Tải lại bản mới nhất
              </Button>
            ) : undefined
          }
        />
      )}
      {editing ? (
        <Card>
          <Form form={form} layout="vertical">
            <MemberFormFields showSensitive={!m.sensitiveHidden} />
          </Form>
          <Space>
            <Button type="primary" onClick={save} loading={saving}>
              Lưu
            </Button>
            <Button onClick={() => setEditing(false)}>Hủy</Button>
          </Space>
        </Card>
      ) : (
        <>
          <Card title="1. Sơ yếu lý lịch" size="small">
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
              <Descriptions.Item label="Họ và tên khai sinh">{text(m.birthName)}</Descriptions.Item>
              <Descriptions.Item label="Giới tính">{sexLabels[m.sex]}</Descriptions.Item>
              <Descriptions.Item label="Ngày sinh">{formatDate(m.birthDate)}</Descriptions.Item>
              <Descriptions.Item label="Nơi sinh">{text(m.birthPlace)}</Descriptions.Item>
              <Descriptions.Item label="Quê quán">{text(m.homeTown)}</Descriptions.Item>
              <Descriptions.Item label="Dân tộc">
                {m.sensitiveHidden ? hidden : text(m.ethnicity)}
              </Descriptions.Item>
              <Descriptions.Item label="Tôn giáo">
                {m.sensitiveHidden ? hidden : text(m.religion)}
              </Descriptions.Item>
              <Descriptions.Item label="Số CCCD">{text(m.citizenId)}</Descriptions.Item>
              <Descriptions.Item label="Nơi thường trú">
                {text(m.permanentAddress)}
              </Descriptions.Item>
              <Descriptions.Item label="Nơi ở hiện nay">{text(m.currentAddress)}</Descriptions.Item>
              <Descriptions.Item label="Điện thoại">{text(m.phone)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="2. Công tác và trình độ" size="small">
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
              <Descriptions.Item label="Nơi làm việc">{text(m.workplace)}</Descriptions.Item>
              <Descriptions.Item label="Chức vụ">
                <span data-testid="member-position">{text(m.position)}</span>
              </Descriptions.Item>
              <Descriptions.Item label="Nghề nghiệp">{text(m.occupation)}</Descriptions.Item>
              <Descriptions.Item label="Giáo dục phổ thông">
                {text(m.generalEducation)}
              </Descriptions.Item>
              <Descriptions.Item label="Chuyên môn">
                {professionalLevelLabels[m.professionalLevel]}
                {m.professionalField ? ` – ${m.professionalField}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="Lý luận chính trị">
                {politicalTheoryLabels[m.politicalTheory]}
              </Descriptions.Item>
              <Descriptions.Item label="Ngoại ngữ">{text(m.foreignLanguage)}</Descriptions.Item>
              <Descriptions.Item label="Tin học">{text(m.itLevel)}</Descriptions.Item>
            </Descriptions>
          </Card>
          {m.workHistory && m.workHistory.length > 0 && (
            <Card title="Quá trình công tác" size="small">
              <Table
                size="small"
                pagination={false}
                rowKey={(r) => `${r.from}-${r.description}`}
                dataSource={m.workHistory}
                columns={[
                  { title: 'Từ', dataIndex: 'from', width: 110 },
                  {
                    title: 'Đến',
                    dataIndex: 'to',
                    width: 110,
                    render: (v: string | null) => v || 'nay',
                  },
                  { title: 'Chức vụ, đơn vị công tác', dataIndex: 'description' },
                ]}
              />
            </Card>
          )}
          <Card title="3. Thông tin về Đảng" size="small">
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
              <Descriptions.Item label="Ngày vào Đảng">
                {formatDate(m.admittedOn) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="Ngày chính thức">
                {formatDate(m.recognisedOn) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="Tuổi đảng">
                {m.partyAgeYears === null ? '—' : `${m.partyAgeYears} năm`}
              </Descriptions.Item>
              <Descriptions.Item label="Chi bộ">
                {can('org.read') ? <Link to="/to-chuc">{m.orgUnitName}</Link> : m.orgUnitName}
                {m.temporarilyAway ? ' (đang sinh hoạt tạm thời nơi khác)' : ''}
              </Descriptions.Item>
              <Descriptions.Item label="Người giới thiệu">
                {[m.referee1, m.referee2].filter(Boolean).join('; ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="Số thẻ đảng viên">{text(m.cardNumber)}</Descriptions.Item>
              <Descriptions.Item label="Số lý lịch">{text(m.recordNumber)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="4. Đoàn thể, quân ngũ, khen thưởng, kỷ luật, gia đình" size="small">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="Ngày vào Đoàn">
                {formatDate(m.youthUnionJoinedOn) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="Ngày vào Công đoàn">
                {formatDate(m.tradeUnionJoinedOn) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="Khen thưởng">{text(m.awards)}</Descriptions.Item>
              <Descriptions.Item label="Kỷ luật">
                {m.sensitiveHidden ? hidden : text(m.disciplineHistory)}
              </Descriptions.Item>
              <Descriptions.Item label="Lịch sử chính trị gia đình" span={2}>
                {m.sensitiveHidden ? hidden : text(m.familyPoliticalHistory)}
              </Descriptions.Item>
            </Descriptions>
            {!m.sensitiveHidden && m.family && m.family.length > 0 && (
              <Table
                size="small"
                pagination={false}
                rowKey={(r) => `${r.relation}-${r.fullName}`}
                dataSource={m.family}
                columns={[
                  { title: 'Quan hệ', dataIndex: 'relation' },
                  { title: 'Họ và tên', dataIndex: 'fullName' },
                  { title: 'Năm sinh', dataIndex: 'birthYear' },
                  { title: 'Ghi chú', dataIndex: 'note' },
                ]}
              />
            )}
          </Card>
          <MemberCommitteeCard memberId={m.id} />
          <ResidenceCommentsPanel memberId={m.id} />
          <MemberLifecyclePanel
            memberId={m.id}
            version={m.version}
            onChanged={() => client.invalidateQueries({ queryKey: membersKeys.member(id) })}
          />
          <Card title="Quá trình sinh hoạt Đảng" size="small">
            <Timeline
              items={m.events.map((e) => ({
                // The theme's primary colour is red: keep red out of an ordinary history.
                color: ['admitted', 'recognised', 'readmitted'].includes(e.kind)
                  ? 'green'
                  : ['died', 'removed', 'expelled', 'withdrew'].includes(e.kind)
                    ? 'gray'
                    : '#1677ff',
                children: (
                  <div>
                    <Typography.Text strong>{formatDate(e.eventDate)}</Typography.Text> –{' '}
                    {memberEventLabels[e.kind]}
                    {e.orgUnitName ? `: ${e.orgUnitName}` : ''}
                    {e.externalOrg ? ` (${e.externalOrg})` : ''}
                    {e.decisionNumber && (
                      <Typography.Text type="secondary">, số {e.decisionNumber}</Typography.Text>
                    )}
                    {e.letterNumber && (
                      <div style={{ color: '#666' }}>
                        Giấy giới thiệu số {e.letterNumber}
                        {e.letterDate ? ` ngày ${formatDate(e.letterDate)}` : ''}
                        {e.presentedOn
                          ? `; đã xuất trình ngày ${formatDate(e.presentedOn)}`
                          : '; chưa có xác nhận xuất trình'}
                        {!e.presentedOn && m.canEdit && (
                          <Button size="small" type="link" onClick={() => setPresenting(e.id)}>
                            Xác nhận đã xuất trình
                          </Button>
                        )}
                      </div>
                    )}
                    {['transferred_out', 'moved', 'temporary_out'].includes(e.kind) &&
                      (e.letterNumber || e.decisionNumber) &&
                      can('lifecycle.write') && (
                        <div>
                          <FormDownload
                            size="small"
                            label="In giấy giới thiệu"
                            forms={[
                              {
                                label: 'Giấy giới thiệu sinh hoạt đảng kèm cuống',
                                url: `/api/forms/members/${m.id}/events/${e.id}/giay-gioi-thieu`,
                              },
                            ]}
                          />
                        </div>
                      )}
                    {e.note && <div style={{ color: '#666' }}>{e.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </>
      )}
      {presenting !== null && (
        <LetterPresentedModal
          memberId={m.id}
          eventId={presenting}
          onClose={() => setPresenting(null)}
          onDone={(late) => {
            setPresenting(null);
            message[late ? 'warning' : 'success'](
              late
                ? 'Đã ghi. Giấy giới thiệu xuất trình quá 30 ngày: cần báo cáo lý do.'
                : 'Đã ghi ngày xuất trình giấy giới thiệu.',
            );
            client.invalidateQueries({ queryKey: membersKeys.member(id) });
          }}
        />
      )}
      {addingEvent && (
        <MemberEventModal
          member={m}
          onClose={() => setAddingEvent(false)}
          onDone={() => {
            setAddingEvent(false);
            client.invalidateQueries({ queryKey: membersKeys.member(id) });
            client.invalidateQueries({ queryKey: membersKeys.members() });
          }}
        />
      )}
    </Space>
  );
};
