import {
  Button,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  politicalTheoryLabels,
  professionalLevelLabels,
  sexLabels,
} from '../../../../domain/enums/members';
import { ethnicities, religions } from '../../../../domain/enums/people';

export const dateFields = [
  'birthDate',
  'cardIssuedOn',
  'youthUnionJoinedOn',
  'tradeUnionJoinedOn',
  'militaryEnlistedOn',
  'militaryDischargedOn',
] as const;

const textFields = [
  'fullName',
  'birthName',
  'alias',
  'sex',
  'birthPlace',
  'homeTown',
  'permanentAddress',
  'currentAddress',
  'ethnicity',
  'religion',
  'citizenId',
  'phone',
  'email',
  'occupation',
  'workplace',
  'position',
  'civilServiceRank',
  'salaryGrade',
  'generalEducation',
  'professionalLevel',
  'professionalField',
  'academicTitle',
  'politicalTheory',
  'foreignLanguage',
  'itLevel',
  'minorityLanguage',
  'referee1',
  'referee2',
  'cardNumber',
  'recordNumber',
  'militaryRank',
  'health',
  'policyFamily',
  'awards',
  'disciplineHistory',
  'familyPoliticalHistory',
] as const;

/** Record → form values (dates as dayjs). */
export const toFormValues = (record: Record<string, unknown>) => {
  const values: Record<string, unknown> = {
    family: record.family ?? [],
    workHistory: record.workHistory ?? [],
  };
  for (const k of textFields) values[k] = record[k] ?? undefined;
  for (const k of dateFields) values[k] = record[k] ? dayjs(String(record[k])) : undefined;
  return values;
};

/** Form values → the API's fields (dates as YYYY-MM-DD, empty as null). */
export const fromFormValues = (values: Record<string, unknown>, omitSensitive: boolean) => {
  const out: Record<string, unknown> = {};
  for (const k of textFields) {
    const v = values[k];
    out[k] = v === undefined || v === '' ? null : v;
  }
  for (const k of dateFields) out[k] = values[k] ? (values[k] as Dayjs).format('YYYY-MM-DD') : null;
  out.workHistory = ((values.workHistory as Record<string, unknown>[] | undefined) ?? []).map(
    (w) => ({
      from: String(w.from ?? ''),
      to: w.to ? String(w.to) : null,
      description: String(w.description ?? ''),
    }),
  );
  out.family = ((values.family as Record<string, unknown>[] | undefined) ?? []).map((f) => ({
    relation: String(f.relation ?? ''),
    fullName: String(f.fullName ?? ''),
    birthYear: f.birthYear ? Number(f.birthYear) : null,
    note: String(f.note ?? ''),
  }));
  for (const k of ['sex', 'professionalLevel', 'politicalTheory', 'ethnicity', 'religion'])
    if (out[k] === null) delete out[k];
  if (omitSensitive)
    for (const k of ['ethnicity', 'religion', 'disciplineHistory', 'familyPoliticalHistory'])
      delete out[k];
  return out;
};

const opts = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const dateInput = (
  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder="ngày/tháng/năm" />
);

/** The record's fields grouped as on lý lịch đảng viên (1-HSĐV). */
export const MemberFormFields = ({ showSensitive }: { showSensitive: boolean }) => (
  <>
    <Divider titlePlacement="start">1. Sơ yếu lý lịch</Divider>
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="fullName"
          label="Họ và tên đang dùng"
          rules={[{ required: true, message: 'Nhập họ và tên.' }]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item
          name="sex"
          label="Giới tính"
          rules={[{ required: true, message: 'Chọn giới tính.' }]}
        >
          <Select options={opts(sexLabels)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item
          name="birthDate"
          label="Ngày sinh"
          rules={[{ required: true, message: 'Nhập ngày sinh.' }]}
        >
          {dateInput}
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="birthName" label="Họ và tên khai sinh">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="alias" label="Bí danh">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="birthPlace" label="Nơi sinh">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="homeTown" label="Quê quán">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="permanentAddress" label="Nơi thường trú">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="currentAddress" label="Nơi ở hiện nay">
          <Input />
        </Form.Item>
      </Col>
      {showSensitive && (
        <>
          <Col xs={24} md={6}>
            <Form.Item name="ethnicity" label="Dân tộc">
              <Select showSearch options={ethnicities.map((e) => ({ value: e, label: e }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="religion" label="Tôn giáo">
              <Select options={religions.map((e) => ({ value: e, label: e }))} />
            </Form.Item>
          </Col>
        </>
      )}
      <Col xs={24} md={6}>
        <Form.Item name="citizenId" label="Số định danh cá nhân (CCCD)">
          <Input maxLength={12} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="phone" label="Điện thoại">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="email" label="Thư điện tử">
          <Input />
        </Form.Item>
      </Col>
    </Row>
    <Divider titlePlacement="start">2. Công tác</Divider>
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="occupation" label="Nghề nghiệp">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="workplace" label="Nơi làm việc">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="position" label="Chức vụ">
          <Input data-testid="field-position" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="civilServiceRank" label="Ngạch công chức, viên chức">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="salaryGrade" label="Bậc lương">
          <Input />
        </Form.Item>
      </Col>
    </Row>
    <Divider titlePlacement="start">3. Trình độ</Divider>
    <Row gutter={16}>
      <Col xs={24} md={6}>
        <Form.Item name="generalEducation" label="Giáo dục phổ thông">
          <Input placeholder="12/12" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="professionalLevel" label="Chuyên môn">
          <Select options={opts(professionalLevelLabels)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="professionalField" label="Chuyên ngành">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="academicTitle" label="Học hàm">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="politicalTheory" label="Lý luận chính trị">
          <Select options={opts(politicalTheoryLabels)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="foreignLanguage" label="Ngoại ngữ">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="itLevel" label="Tin học">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="minorityLanguage" label="Tiếng dân tộc thiểu số">
          <Input />
        </Form.Item>
      </Col>
    </Row>
    <Divider titlePlacement="start">4. Thông tin về Đảng</Divider>
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="referee1" label="Người giới thiệu thứ nhất">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="referee2" label="Người giới thiệu thứ hai">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="recordNumber" label="Số lý lịch đảng viên">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="cardNumber" label="Số thẻ đảng viên">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="cardIssuedOn" label="Ngày cấp thẻ">
          {dateInput}
        </Form.Item>
      </Col>
    </Row>
    <Divider titlePlacement="start">5. Đoàn thể, quân ngũ, sức khỏe</Divider>
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="youthUnionJoinedOn" label="Ngày vào Đoàn">
          {dateInput}
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="tradeUnionJoinedOn" label="Ngày vào Công đoàn">
          {dateInput}
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="militaryRank" label="Quân hàm cao nhất">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="militaryEnlistedOn" label="Ngày nhập ngũ">
          {dateInput}
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="militaryDischargedOn" label="Ngày xuất ngũ">
          {dateInput}
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="health" label="Sức khỏe">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="policyFamily" label="Gia đình chính sách">
          <Input />
        </Form.Item>
      </Col>
    </Row>
    <Divider titlePlacement="start">6. Quá trình công tác</Divider>
    <Form.List name="workHistory">
      {(rows, { add, remove }) => (
        <>
          {rows.map((row) => (
            <Row key={row.key} gutter={8} align="top">
              <Col xs={12} md={3}>
                <Form.Item
                  name={[row.name, 'from']}
                  rules={[{ required: true, message: 'Từ (tháng/năm).' }]}
                >
                  <Input placeholder="Từ (MM/YYYY)" />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[row.name, 'to']}>
                  <Input placeholder="Đến (để trống: nay)" />
                </Form.Item>
              </Col>
              <Col xs={20} md={16}>
                <Form.Item
                  name={[row.name, 'description']}
                  rules={[{ required: true, message: 'Nhập nội dung.' }]}
                >
                  <Input placeholder="Chức vụ, đơn vị công tác" />
                </Form.Item>
              </Col>
              <Col xs={4} md={2}>
                <Button onClick={() => remove(row.name)}>Xóa</Button>
              </Col>
            </Row>
          ))}
          <Button
            onClick={() => add({ from: '', to: '', description: '' })}
            style={{ marginBottom: 16 }}
          >
            Thêm giai đoạn công tác
          </Button>
        </>
      )}
    </Form.List>
    <Divider titlePlacement="start">7. Khen thưởng, kỷ luật, gia đình</Divider>
    <Form.Item name="awards" label="Khen thưởng">
      <Input.TextArea rows={2} />
    </Form.Item>
    {showSensitive && (
      <>
        <Form.Item name="disciplineHistory" label="Kỷ luật">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="familyPoliticalHistory" label="Lịch sử chính trị của gia đình">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Typography.Text strong>Quan hệ gia đình</Typography.Text>
        <Form.List name="family">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Row key={row.key} gutter={8} align="top">
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[row.name, 'relation']}
                      rules={[{ required: true, message: 'Nhập quan hệ.' }]}
                    >
                      <Input placeholder="Quan hệ (Bố, Mẹ, Vợ…)" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item
                      name={[row.name, 'fullName']}
                      rules={[{ required: true, message: 'Nhập họ tên.' }]}
                    >
                      <Input placeholder="Họ và tên" />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={3}>
                    <Form.Item name={[row.name, 'birthYear']}>
                      <InputNumber
                        placeholder="Năm sinh"
                        min={1850}
                        max={2100}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item name={[row.name, 'note']}>
                      <Input placeholder="Nghề nghiệp, nơi ở, ghi chú" />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <Button onClick={() => remove(row.name)}>Xóa</Button>
                  </Col>
                </Row>
              ))}
              <Button
                onClick={() => add({ relation: '', fullName: '', note: '' })}
                style={{ marginBottom: 16 }}
              >
                Thêm người thân
              </Button>
            </>
          )}
        </Form.List>
      </>
    )}
  </>
);
