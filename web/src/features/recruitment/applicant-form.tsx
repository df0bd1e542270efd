import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { educationAreaLabels, educationAreas } from '../../../../contracts/recruitment';
import { sexes, sexLabels } from '../../../../domain/enums/members';

/** The applicant's fields (as on lý lịch 2-KNĐ), shared by the create and edit forms. */
export const ApplicantFields = () => (
  <Row gutter={12}>
    <Col span={12}>
      <Form.Item
        name="fullName"
        label="Họ và tên"
        rules={[{ required: true, message: 'Nhập họ và tên.' }]}
      >
        <Input />
      </Form.Item>
    </Col>
    <Col span={6}>
      <Form.Item
        name="sex"
        label="Giới tính"
        rules={[{ required: true, message: 'Chọn giới tính.' }]}
      >
        <Select options={sexes.map((s) => ({ value: s, label: sexLabels[s] }))} />
      </Form.Item>
    </Col>
    <Col span={6}>
      <Form.Item
        name="birthDate"
        label="Ngày sinh"
        rules={[{ required: true, message: 'Chọn ngày sinh.' }]}
      >
        <DatePicker
          format="DD/MM/YYYY"
          disabledDate={(d) => d.isAfter(dayjs())}
          style={{ width: '100%' }}
        />
      </Form.Item>
    </Col>
    <Col span={8}>
      <Form.Item name="citizenId" label="Số định danh cá nhân">
        <Input maxLength={12} />
      </Form.Item>
    </Col>
    <Col span={8}>
      <Form.Item name="ethnicity" label="Dân tộc">
        <Input placeholder="Kinh" />
      </Form.Item>
    </Col>
    <Col span={8}>
      <Form.Item name="religion" label="Tôn giáo">
        <Input placeholder="Không" />
      </Form.Item>
    </Col>
    <Col span={8}>
      <Form.Item name="generalEducation" label="Giáo dục phổ thông">
        <Input placeholder="12/12" />
      </Form.Item>
    </Col>
    <Col span={16}>
      <Form.Item name="educationArea" label="Điều kiện học vấn áp dụng">
        <Select
          options={educationAreas.map((a) => ({ value: a, label: educationAreaLabels[a] }))}
        />
      </Form.Item>
    </Col>
    <Col span={12}>
      <Form.Item name="workplace" label="Nơi làm việc">
        <Input />
      </Form.Item>
    </Col>
    <Col span={12}>
      <Form.Item name="position" label="Chức vụ">
        <Input />
      </Form.Item>
    </Col>
    <Col span={8}>
      <Form.Item name="phone" label="Điện thoại">
        <Input />
      </Form.Item>
    </Col>
    <Col span={16}>
      <Form.Item name="mentorName" label="Đảng viên được phân công giúp đỡ">
        <Input />
      </Form.Item>
    </Col>
    <Col span={24}>
      <Form.Item name="source" label="Nguồn (đoàn thể giới thiệu, ghi chú)">
        <Input />
      </Form.Item>
    </Col>
  </Row>
);

export const applicantBody = (v: Record<string, unknown>) => ({
  ...v,
  birthDate: (v.birthDate as dayjs.Dayjs).format('YYYY-MM-DD'),
});
