// What a unique violation (23505) means to the person who caused it, by the constraint's name: the database holds
// the rule, so a request that raced another one past the service's own check still gets a specific answer (409).
// Every unique constraint of the schema has an entry (test/api/uniqueness.test.ts checks it against the database).
import type { FieldIssue } from '../domain/errors.ts';

export interface UniqueAnswer {
  code: string;
  message: string;
  issues?: FieldIssue[];
}

export const UNIQUE_CONSTRAINTS: Readonly<Record<string, UniqueAnswer>> = {
  plan_issued_number_idx: {
    code: 'plan.number_taken',
    message: 'Số, ký hiệu này đã được dùng cho một văn bản khác của đơn vị trong cùng năm.',
    issues: [{ path: 'number', message: 'Số này đã được dùng trong năm: nhập số khác.' }],
  },
  plan_child_per_unit_idx: {
    code: 'plan.child_exists',
    message: 'Đơn vị đã có kế hoạch triển khai kế hoạch cấp trên này: hãy sửa kế hoạch đó hoặc tạo văn bản sửa đổi.',
  },
  plan_pending_amendment_idx: {
    code: 'plan.amendment_exists',
    message: 'Kế hoạch này đã có một dự thảo sửa đổi đang xử lý.',
  },
  plan_task_plan_id_number_key: {
    code: 'plan.task_duplicate',
    message: 'Số nhiệm vụ bị trùng trong kế hoạch.',
    issues: [{ path: 'tasks', message: 'Đánh số lại các nhiệm vụ cho không trùng nhau.' }],
  },
  plan_version_plan_id_version_key: {
    code: 'plan.changed',
    message: 'Kế hoạch vừa được người khác thay đổi. Hãy tải lại trang.',
  },
  assignment_task_id_unit_id_key: {
    code: 'assignment.exists',
    message: 'Nhiệm vụ này đã được giao cho đơn vị.',
  },
  unit_report_regime_id_period_key_unit_id_key: {
    code: 'report.exists',
    message: 'Đơn vị đã có báo cáo của kỳ này: mở báo cáo đó để tiếp tục.',
  },
  unit_report_number_idx: {
    code: 'report.number_taken',
    message: 'Số báo cáo này vừa được cấp cho một báo cáo khác của đơn vị trong năm. Hãy duyệt lại để nhận số mới.',
  },
  reminder_log_regime_id_period_key_unit_id_offset_days_chann_key: {
    code: 'reminder.sent',
    message: 'Lời nhắc này đã được gửi.',
  },
  reporting_regime_code_key: {
    code: 'regime.code_taken',
    message: 'Mã chế độ báo cáo này đã được dùng. Hãy thử lại.',
  },
  unit_code_key: {
    code: 'unit.code_taken',
    message:
      'Mã đơn vị này vừa được dùng cho một đơn vị khác (thường do một đơn vị cùng tên vừa được tạo). Hãy tải lại trang rồi thử lại.',
    issues: [{ path: 'name', message: 'Kiểm tra lại: có thể đơn vị này đã được tạo.' }],
  },
  app_user_username_idx: {
    code: 'user.username_taken',
    message: 'Tên đăng nhập này đã được sử dụng.',
    issues: [{ path: 'username', message: 'Chọn tên đăng nhập khác.' }],
  },
  ai_product_name_idx: {
    code: 'ai_product.exists',
    message: 'Sản phẩm AI này (cùng tên, nhà cung cấp, phiên bản) đã có trong danh mục: chọn sản phẩm đó.',
    issues: [{ path: 'product.name', message: 'Sản phẩm đã có trong danh mục.' }],
  },
  ai_use_uuid_key: {
    code: 'ai_use.uuid_taken',
    message: 'Mã định danh của việc sử dụng hệ thống AI bị trùng. Hãy thử lại.',
  },
  petition_code_key: {
    code: 'petition.code_taken',
    message: 'Mã theo dõi kiến nghị vừa được cấp cho kiến nghị khác. Vui lòng gửi lại: nội dung đã nhập vẫn được giữ.',
  },
  ai_impact_assessment_use_id_version_key: {
    code: 'ai_assessment.changed',
    message: 'Báo cáo đánh giá tác động vừa được người khác thay đổi. Hãy tải lại trang.',
  },
  dataset_uuid_key: {
    code: 'dataset.uuid_taken',
    message: 'Mã định danh của bộ dữ liệu bị trùng. Hãy thử lại.',
  },
  dataset_title_unique: {
    code: 'dataset.title_taken',
    message: 'Đơn vị đã có một bộ dữ liệu cùng tên (chưa thu hồi): hãy đặt tên khác hoặc sửa bộ đã có.',
    issues: [{ path: 'title', message: 'Tên này đã được dùng cho một bộ dữ liệu khác của đơn vị.' }],
  },
  dataset_resource_version_resource_id_version_key: {
    code: 'dataset.resource_changed',
    message: 'Tệp dữ liệu vừa có phiên bản mới do người khác tải lên. Hãy tải lại trang rồi thử lại.',
  },
  dataset_finding_decision_version_id_column_name_kind_key: {
    code: 'dataset.finding_decided',
    message: 'Phát hiện này đã được xác nhận là nhận nhầm.',
  },
  dataset_access_request_pending_unique: {
    code: 'dataset.access_pending',
    message: 'Bạn đã có một đề nghị truy cập bộ dữ liệu này đang chờ xem xét.',
  },
  dataset_access_request_org_pending_unique: {
    code: 'dataset.access_pending',
    message: 'Tổ chức đã có một đề nghị truy cập bộ dữ liệu này đang chờ xem xét.',
  },
  data_organisation_tax_code_live: {
    code: 'organisation.exists',
    message:
      'Mã số thuế này đã có tài khoản tổ chức đang chờ xác minh hoặc đang hoạt động. Nếu mất khóa truy cập, hãy dùng khóa cũ để đổi khóa hoặc liên hệ Sở Khoa học và Công nghệ.',
    issues: [{ path: 'taxCode', message: 'Mã số thuế này đã có tài khoản.' }],
  },
  // A 192-bit random key never repeats; should it, the registration is simply tried again.
  data_organisation_key_hash_key: {
    code: 'organisation.key_clash',
    message: 'Không cấp được khóa truy cập lúc này. Hãy gửi lại.',
  },
  sync_outbox_entity_uuid_version_op_key: {
    code: 'sync.duplicate',
    message: 'Thay đổi này đã được đưa vào hàng đợi gửi cơ sở dữ liệu quốc gia.',
  },
};

/** For a constraint without an entry (a bug the test catches): the client can reload and retry. */
export const UNIQUE_FALLBACK: UniqueAnswer = {
  code: 'conflict',
  message: 'Dữ liệu này vừa được tạo hoặc thay đổi bởi người khác. Hãy tải lại trang rồi thử lại.',
};

export function uniqueAnswer(constraint: string | undefined): UniqueAnswer {
  return (constraint && UNIQUE_CONSTRAINTS[constraint]) || UNIQUE_FALLBACK;
}
