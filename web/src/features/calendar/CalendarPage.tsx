import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { ZHolidayYear } from '../../../../contracts/calendar';
import { formatDate, formatNumber } from '../../../../domain/text/vietnamese';
import { type ApiBody, ApiError, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { calendarKeys } from './keys';

type HolidayYear = z.infer<typeof ZHolidayYear>;
type Kind = 'day_off' | 'working_day';
type Draft = { key: number; date: string | null; kind: Kind; note: string };

const kindLabels: Record<Kind, string> = {
  day_off: 'Nghỉ (hoán đổi)',
  working_day: 'Làm bù',
};
const weekdays = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const weekdayOf = (iso: string) => weekdays[new Date(`${iso}T00:00:00Z`).getUTCDay()];
const isWeekend = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
};
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

type DayKind = 'working' | 'weekend' | 'holiday' | 'day_off' | 'working_day';
const dayStyles: Record<DayKind, { background: string; color: string; label: string }> = {
  working: { background: '#fff', color: '#222', label: 'Ngày làm việc' },
  weekend: { background: '#f0f0f0', color: '#8c8c8c', label: 'Thứ bảy, Chủ nhật' },
  holiday: { background: '#ffccc7', color: '#a8071a', label: 'Nghỉ lễ, Tết' },
  day_off: { background: '#ffe7ba', color: '#ad4e00', label: 'Nghỉ hoán đổi' },
  working_day: { background: '#d9f7be', color: '#237804', label: 'Làm bù' },
};

type DayInfo = { kind: DayKind; title: string };

const classify = (
  date: string,
  holidays: Map<string, string>,
  adjustments: Map<string, { kind: Kind; note: string }>,
): DayInfo => {
  const adjusted = adjustments.get(date);
  if (adjusted)
    return {
      kind: adjusted.kind,
      title: `${kindLabels[adjusted.kind]}${adjusted.note ? `: ${adjusted.note}` : ''}`,
    };
  const holiday = holidays.get(date);
  if (holiday) return { kind: 'holiday', title: holiday };
  if (isWeekend(date)) return { kind: 'weekend', title: weekdayOf(date) };
  return { kind: 'working', title: 'Ngày làm việc' };
};

/** One month, weeks starting on Monday as on Vietnamese calendars. */
const MonthGrid = ({
  year,
  month,
  dayInfo,
}: {
  year: number;
  month: number;
  dayInfo: (date: string) => DayInfo;
}) => {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <Card size="small" title={`Tháng ${month}`} data-testid={`month-${month}`}>
      <table style={{ width: '100%', borderCollapse: 'collapse', textAlign: 'center' }}>
        <thead>
          <tr>
            {['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'].map((d) => (
              <th key={d} style={{ fontWeight: 500, fontSize: 13, color: '#666', padding: 2 }}>
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find((d) => d !== null)}>
              {week.map((d, i) => {
                if (d === null) return <td key={`empty-${i}`} />;
                const date = iso(year, month, d);
                const info = dayInfo(date);
                const style = dayStyles[info.kind];
                return (
                  <td key={date} style={{ padding: 1 }}>
                    <Tooltip title={`${formatDate(date)} – ${info.title}`}>
                      <div
                        data-testid={`day-${date}`}
                        data-kind={info.kind}
                        style={{
                          background: style.background,
                          color: style.color,
                          borderRadius: 4,
                          padding: '3px 0',
                          fontSize: 14,
                          fontWeight:
                            info.kind === 'working' || info.kind === 'weekend' ? 400 : 700,
                          border:
                            info.kind === 'working' ? '1px solid #f0f0f0' : '1px solid transparent',
                        }}
                      >
                        {d}
                      </div>
                    </Tooltip>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
};

let nextKey = 1;
const toDrafts = (list: HolidayYear['adjustments']): Draft[] =>
  list.map((a) => ({ key: nextKey++, date: a.date, kind: a.kind, note: a.note }));

/** "Lịch ngày làm việc": the holidays and yearly swaps every statutory deadline is counted with. */
export const CalendarPage = () => {
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || dayjs().year();
  const editable = can('calendar.manage');
  const { data, error: loadError } = useQuery({
    queryKey: calendarKeys.calendar(year),
    queryFn: () => api.GET('/api/calendar/{year}', { params: { path: { year } } }),
  });
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (data) {
      setDrafts(toDrafts(data.adjustments));
      setDirty(false);
      setError(null);
      setRowErrors({});
    }
  }, [data]);

  const holidays = useMemo(
    () => new Map((data?.holidays ?? []).map((h) => [h.date, h.name])),
    [data],
  );
  const shown = editable ? drafts : toDrafts(data?.adjustments ?? []);
  const adjustments = useMemo(
    () =>
      new Map(
        (editable ? drafts : (data?.adjustments ?? []))
          .filter((a): a is Draft & { date: string } => Boolean(a.date))
          .map((a) => [a.date, { kind: a.kind, note: a.note }]),
      ),
    [editable, drafts, data],
  );
  const dayInfo = (date: string) => classify(date, holidays, adjustments);
  const draftWorkingDays = useMemo(() => {
    let count = 0;
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const k = classify(new Date(t).toISOString().slice(0, 10), holidays, adjustments).kind;
      if (k === 'working' || k === 'working_day') count += 1;
    }
    return count;
  }, [year, holidays, adjustments]);

  const change = (key: number, patch: Partial<Draft>) => {
    setDrafts((list) => list.map((d) => (d.key === key ? { ...d, ...patch } : d)));
    setDirty(true);
  };
  const add = () => {
    setDrafts((list) => [...list, { key: nextKey++, date: null, kind: 'working_day', note: '' }]);
    setDirty(true);
  };
  const remove = (key: number) => {
    setDrafts((list) => list.filter((d) => d.key !== key));
    setDirty(true);
  };
  const save = async () => {
    setError(null);
    setRowErrors({});
    const missing = drafts.findIndex((d) => !d.date);
    if (missing >= 0) {
      setError(`Dòng ${missing + 1}: chọn ngày điều chỉnh.`);
      setRowErrors({ [`${missing}.date`]: 'Chọn ngày.' });
      return;
    }
    setSaving(true);
    try {
      await api.PUT('/api/calendar/{year}/adjustments', {
        params: { path: { year } },
        body: {
          adjustments: drafts.map((d) => ({ date: d.date, kind: d.kind, note: d.note })),
        } as ApiBody<'/api/calendar/{year}/adjustments', 'put'>,
      });
      message.success(`Đã lưu các ngày điều chỉnh năm ${year}.`);
      await client.invalidateQueries({ queryKey: calendarKeys.calendar(year) });
    } catch (e) {
      if (e instanceof ApiError) {
        const errors: Record<string, string> = {};
        const lines: string[] = [];
        for (const f of e.fields) {
          const m = f.path.match(/^adjustments\.(\d+)\.(\w+)$/);
          if (m) {
            errors[`${m[1]}.${m[2]}`] = f.message;
            lines.push(`Dòng ${Number(m[1]) + 1}: ${f.message}`);
          }
        }
        setRowErrors(errors);
        setError(lines.length ? lines.join(' ') : e.message);
      } else setError('Có lỗi xảy ra, vui lòng thử lại.');
    } finally {
      setSaving(false);
    }
  };

  const [switching, setSwitching] = useState(false);
  const switchCultureDay = async (on: boolean) => {
    setSwitching(true);
    try {
      await api.PUT('/api/calendar/rules', { body: { cultureDay: on } });
      message.success(
        on
          ? 'Đã tính Ngày Văn hóa Việt Nam (24/11) là ngày nghỉ khi tính thời hạn.'
          : 'Đã thôi tính Ngày Văn hóa Việt Nam (24/11) là ngày nghỉ.',
      );
      await client.invalidateQueries({ queryKey: calendarKeys.calendar() });
    } catch (e) {
      message.error(e instanceof Error ? e.message : 'Có lỗi xảy ra, vui lòng thử lại.');
    } finally {
      setSwitching(false);
    }
  };

  const setYear = (y: number) => {
    if (dirty && !window.confirm('Các thay đổi chưa lưu sẽ mất. Tiếp tục?')) return;
    setParams({ nam: String(y) });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Lịch ngày làm việc
        </Typography.Title>
        <Space>
          <Button onClick={() => setYear(year - 1)} aria-label="Năm trước">
            ‹
          </Button>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => d && setYear(d.year())}
            aria-label="Năm"
            style={{ width: 120 }}
          />
          <Button onClick={() => setYear(year + 1)} aria-label="Năm sau">
            ›
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Mọi thời hạn "trong N ngày làm việc" (kết nạp, công nhận chính thức, chuyển sinh hoạt…) được
        tính theo lịch này: trừ Thứ bảy, Chủ nhật, các ngày nghỉ lễ, Tết theo Điều 112 Bộ luật Lao
        động 2019 (Tết Nguyên đán, Giỗ Tổ Hùng Vương tính theo âm lịch), ngày nghỉ bù, và các ngày
        hoán đổi, làm bù theo thông báo hằng năm.
      </Typography.Paragraph>
      {loadError && <Alert type="error" showIcon title={(loadError as Error).message} />}
      {data && (
        <Space size="large" wrap>
          <Statistic
            title={`Số ngày làm việc năm ${year}`}
            value={data.workingDays}
            formatter={(v) => formatNumber(Number(v))}
            data-testid="working-days"
          />
          <Statistic title="Ngày nghỉ lễ, Tết" value={data.holidays.length} />
          <Statistic title="Ngày điều chỉnh" value={data.adjustments.length} />
          {editable && dirty && draftWorkingDays !== data.workingDays && (
            <Typography.Text type="warning" data-testid="draft-working-days">
              Sau khi lưu: {formatNumber(draftWorkingDays)} ngày làm việc
            </Typography.Text>
          )}
        </Space>
      )}
      {data && (
        <Alert
          type={data.cultureDay.enabled ? 'success' : 'info'}
          showIcon
          data-testid="culture-day"
          title={
            <Space wrap>
              <span>
                Ngày Văn hóa Việt Nam (24/11, từ năm {data.cultureDay.fromYear}):{' '}
                {data.cultureDay.enabled ? 'đang tính là ngày nghỉ' : 'chưa tính là ngày nghỉ'}
                {data.cultureDay.enabled && !data.cultureDay.appliesThisYear
                  ? ` (năm ${year} chưa áp dụng)`
                  : ''}
              </span>
              {editable && (
                <Switch
                  checked={data.cultureDay.enabled}
                  loading={switching}
                  onChange={switchCultureDay}
                  aria-label="Tính Ngày Văn hóa Việt Nam là ngày nghỉ"
                  data-testid="culture-day-switch"
                />
              )}
            </Space>
          }
          description={`${data.cultureDay.source} chọn ngày 24/11 hằng năm là Ngày Văn hóa Việt Nam với chủ trương là ngày nghỉ hưởng nguyên lương. Khi Bộ luật Lao động chưa bổ sung ngày này, quản trị viên bật khi có văn bản cho nghỉ; khi bật, mọi thời hạn tính theo ngày làm việc bỏ qua ngày 24/11 (và ngày nghỉ bù nếu trùng Thứ bảy, Chủ nhật).`}
        />
      )}
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Card title="Ngày nghỉ lễ, Tết" size="small">
              <Table
                rowKey="date"
                size="small"
                pagination={false}
                dataSource={data.holidays}
                data-testid="holidays"
                columns={[
                  { title: 'Ngày', dataIndex: 'date', width: 110, render: formatDate },
                  { title: 'Thứ', dataIndex: 'date', width: 90, render: weekdayOf, key: 'wd' },
                  { title: 'Ngày lễ', dataIndex: 'name' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card
              title="Hoán đổi ngày nghỉ, làm bù trong năm"
              size="small"
              extra={
                editable && (
                  <Space>
                    <Button icon={<PlusOutlined />} onClick={add}>
                      Thêm ngày
                    </Button>
                    <Button type="primary" onClick={save} loading={saving} disabled={!dirty}>
                      Lưu điều chỉnh
                    </Button>
                  </Space>
                )
              }
            >
              {error && (
                <Alert
                  type="error"
                  showIcon
                  title={error}
                  style={{ marginBottom: 12 }}
                  data-testid="calendar-error"
                />
              )}
              {editable && dirty && !error && (
                <Alert
                  type="warning"
                  showIcon
                  title="Có thay đổi chưa lưu."
                  style={{ marginBottom: 12 }}
                />
              )}
              {shown.length === 0 ? (
                <Empty description={`Chưa ghi ngày hoán đổi, làm bù nào cho năm ${year}.`} />
              ) : (
                <Table<Draft>
                  rowKey="key"
                  size="small"
                  pagination={false}
                  dataSource={shown}
                  data-testid="adjustments"
                  columns={
                    editable
                      ? [
                          {
                            title: 'Ngày',
                            width: 150,
                            render: (_, r, i) => (
                              <Tooltip title={rowErrors[`${i}.date`]}>
                                <DatePicker
                                  format="DD/MM/YYYY"
                                  value={r.date ? dayjs(r.date) : null}
                                  status={rowErrors[`${i}.date`] ? 'error' : undefined}
                                  onChange={(d) =>
                                    change(r.key, { date: d ? d.format('YYYY-MM-DD') : null })
                                  }
                                  defaultPickerValue={dayjs(`${year}-01-01`)}
                                  aria-label={`Ngày điều chỉnh dòng ${i + 1}`}
                                  style={{ width: 140 }}
                                />
                              </Tooltip>
                            ),
                          },
                          {
                            title: 'Thứ',
                            width: 80,
                            render: (_, r) => (r.date ? weekdayOf(r.date) : ''),
                          },
                          {
                            title: 'Loại',
                            width: 160,
                            render: (_, r, i) => (
                              <Select
                                value={r.kind}
                                style={{ width: 150 }}
                                aria-label={`Loại điều chỉnh dòng ${i + 1}`}
                                onChange={(v) => change(r.key, { kind: v })}
                                options={(['day_off', 'working_day'] as const).map((k) => ({
                                  value: k,
                                  label: kindLabels[k],
                                }))}
                              />
                            ),
                          },
                          {
                            title: 'Căn cứ, ghi chú',
                            render: (_, r, i) => (
                              <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                                <Input.TextArea
                                  autoSize={{ minRows: 1, maxRows: 3 }}
                                  value={r.note}
                                  status={rowErrors[`${i}.note`] ? 'error' : undefined}
                                  placeholder="VD: Thông báo 6150/TB-BLĐTBXH"
                                  aria-label={`Căn cứ dòng ${i + 1}`}
                                  onChange={(e) => change(r.key, { note: e.target.value })}
                                />
                                {rowErrors[`${i}.note`] && (
                                  <Typography.Text type="danger" style={{ fontSize: 13 }}>
                                    {rowErrors[`${i}.note`]}
                                  </Typography.Text>
                                )}
                                {r.date && (
                                  <KindHint date={r.date} kind={r.kind} holidays={holidays} />
                                )}
                              </Space>
                            ),
                          },
                          {
                            title: '',
                            width: 48,
                            render: (_, r, i) => (
                              <Button
                                danger
                                type="text"
                                icon={<DeleteOutlined />}
                                aria-label={`Xóa dòng ${i + 1}`}
                                onClick={() => remove(r.key)}
                              />
                            ),
                          },
                        ]
                      : [
                          { title: 'Ngày', dataIndex: 'date', width: 110, render: formatDate },
                          {
                            title: 'Thứ',
                            width: 90,
                            render: (_, r) => (r.date ? weekdayOf(r.date) : ''),
                          },
                          {
                            title: 'Loại',
                            width: 150,
                            render: (_, r) => (
                              <Tag color={r.kind === 'working_day' ? 'green' : 'orange'}>
                                {kindLabels[r.kind]}
                              </Tag>
                            ),
                          },
                          { title: 'Căn cứ, ghi chú', dataIndex: 'note' },
                        ]
                  }
                />
              )}
              {!editable && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                  Chỉ quản trị hệ thống ghi được các ngày hoán đổi, làm bù.
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        </Row>
      )}
      {data && (
        <Card
          title={`Lịch năm ${year}`}
          size="small"
          extra={
            <Space wrap size={4}>
              {(Object.keys(dayStyles) as DayKind[]).map((k) => (
                <span
                  key={k}
                  style={{
                    background: dayStyles[k].background,
                    color: dayStyles[k].color,
                    border: '1px solid #d9d9d9',
                    borderRadius: 4,
                    padding: '0 8px',
                    fontSize: 13,
                  }}
                >
                  {dayStyles[k].label}
                </span>
              ))}
            </Space>
          }
        >
          <Row gutter={[12, 12]} data-testid="year-grid">
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
                <MonthGrid year={year} month={m} dayInfo={dayInfo} />
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </Space>
  );
};

/** A hint when an adjustment does not change anything (a make-up day that is already a working day). */
const KindHint = ({
  date,
  kind,
  holidays,
}: {
  date: string;
  kind: Kind;
  holidays: Map<string, string>;
}) => {
  const off = isWeekend(date) || holidays.has(date);
  if (kind === 'working_day' && !off)
    return (
      <Typography.Text type="warning" style={{ fontSize: 13 }}>
        Ngày này vốn là ngày làm việc.
      </Typography.Text>
    );
  if (kind === 'day_off' && off)
    return (
      <Typography.Text type="warning" style={{ fontSize: 13 }}>
        Ngày này vốn là ngày nghỉ ({holidays.get(date) ?? weekdayOf(date)}).
      </Typography.Text>
    );
  return null;
};
