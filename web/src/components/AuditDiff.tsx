// Before/after of an audit record, readably: one line per changed field, old value struck through.
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Text } from '@mantine/core';
import {
  count,
  formatDateTime,
  formatDay,
  REPORT_STATUS_LABEL,
  roleLabel,
  unitKindLabel,
  UNIT_STATUS_LABEL,
} from '../format.ts';
import { PLAN_STATUS_LABEL } from '../../../src/domain/plan/model.ts';
import { PETITION_KIND_LABEL, PETITION_STATUS_LABEL } from '../../../src/domain/petitions/model.ts';
import { RISK_LEVEL_LABEL, USE_STATUS_LABEL } from '../../../src/domain/ai-systems/model.ts';
import { DATASET_STATUS_LABEL } from '../../../src/domain/datasets/model.ts';
import { paths } from '../paths.ts';

const FIELD_LABEL: Record<string, string> = {
  name: 'Tên',
  shortName: 'Tên ngắn',
  code: 'Mã',
  kind: 'Loại',
  status: 'Trạng thái',
  parentId: 'Đơn vị cấp trên',
  mergedIntoId: 'Sáp nhập vào',
  movedChildren: 'Đơn vị trực thuộc chuyển đi',
  movedUsers: 'Tài khoản chuyển đi',
  reason: 'Lý do',
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  email: 'Thư điện tử',
  phone: 'Điện thoại',
  unitId: 'Đơn vị',
  roles: 'Vai trò',
  isActive: 'Hoạt động',
  inserted: 'Thêm mới',
  updated: 'Cập nhật',
  aliasesAdded: 'Tên khác thêm mới',
  // Plans, work, reports.
  title: 'Trích yếu',
  number: 'Số',
  date: 'Ngày',
  source: 'Văn bản gốc',
  tasks: 'Nhiệm vụ',
  parentPlanId: 'Kế hoạch cấp trên',
  percent: 'Tiến độ (%)',
  completed: 'Đã hoàn thành',
  occurredOn: 'Ngày thực hiện',
  narrative: 'Kết quả',
  deliverables: 'Sản phẩm',
  evidence: 'Minh chứng',
  obstacles: 'Khó khăn, kiến nghị',
  content: 'Nội dung',
  answer: 'Trả lời',
  toUnitId: 'Gửi đến',
  assignmentId: 'Nhiệm vụ được giao',
  period: 'Kỳ báo cáo',
  regimeId: 'Chế độ báo cáo',
  // Petitions.
  dueDate: 'Hạn',
  topic: 'Chủ đề',
  concerns: 'Liên quan đến',
  article: 'Điều khoản',
  lawReference: 'Văn bản, điều khoản',
  handlingUnitId: 'Đơn vị xử lý',
  clockStoppedOn: 'Tạm dừng tính hạn từ',
  closedOn: 'Ngày kết thúc',
  published: 'Công khai',
  answerDraftedBy: 'Người dự thảo trả lời',
  answerApprovedBy: 'Người duyệt trả lời',
  // AI systems, datasets.
  version: 'Phiên bản',
  level: 'Mức rủi ro',
  levelLabel: 'Mức rủi ro',
  impactAssessmentRequired: 'Bắt buộc đánh giá tác động',
  productId: 'Sản phẩm',
  purpose: 'Mục đích',
  assessmentDue: 'Hạn đánh giá tác động',
  changed: 'Thay đổi',
  useId: 'Hệ thống AI',
};

/** Kept for search and bookkeeping, meaningless to a reader. */
const HIDDEN_FIELDS = new Set(['searchFolded']);

/** What a record's "status" means depends on the record. */
const STATUS_LABEL: Record<string, Readonly<Record<string, string>>> = {
  unit: UNIT_STATUS_LABEL,
  plan: PLAN_STATUS_LABEL,
  unit_report: REPORT_STATUS_LABEL,
  petition: PETITION_STATUS_LABEL,
  ai_use: USE_STATUS_LABEL,
  dataset: DATASET_STATUS_LABEL,
};

const UNIT_ID_FIELDS = new Set(['unitId', 'parentId', 'mergedIntoId']);

/** The API stores some "after" patches with database column names (full_name): read them as camelCase. */
function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function normalise(obj: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj ?? {})) out[camel(k)] = v;
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function formatAuditValue(
  key: string,
  value: unknown,
  unitNames: Readonly<Record<number, string>> = {},
  entityType = 'unit',
): ReactNode {
  if (value === null || value === undefined || value === '')
    return (
      <Text span c="dimmed" fs="italic" inherit>
        (trống)
      </Text>
    );
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (key === 'roles' && Array.isArray(value)) return value.map((r) => roleLabel(String(r))).join(', ');
  if ((key === 'movedChildren' || key === 'movedUsers') && Array.isArray(value))
    return count(value.length, key === 'movedUsers' ? 'tài khoản' : 'đơn vị');
  if (key === 'status') return STATUS_LABEL[entityType]?.[String(value)] ?? String(value);
  // Dates as Vietnamese readers write them, never "2026-06-15".
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  if (key === 'kind' && entityType === 'petition')
    return PETITION_KIND_LABEL[String(value) as keyof typeof PETITION_KIND_LABEL] ?? String(value);
  if (key === 'kind') return unitKindLabel(String(value));
  if (key === 'level') return RISK_LEVEL_LABEL[String(value) as keyof typeof RISK_LEVEL_LABEL] ?? String(value);
  if (UNIT_ID_FIELDS.has(key) && typeof value === 'number')
    return <Link to={paths.unit(value)}>{unitNames[value] ?? `đơn vị số ${value}`}</Link>;
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) return count(value.length, 'mục');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface DiffLine {
  key: string;
  label: string;
  before?: unknown;
  after?: unknown;
  kind: 'changed' | 'added' | 'removed';
}

export function auditDiff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): DiffLine[] {
  const b = normalise(before);
  const a = normalise(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const lines: DiffLine[] = [];
  for (const key of keys) {
    if (HIDDEN_FIELDS.has(key)) continue;
    const label = FIELD_LABEL[key] ?? key;
    const inB = key in b;
    const inA = key in a;
    if (inB && inA) {
      if (!same(b[key], a[key])) lines.push({ key, label, before: b[key], after: a[key], kind: 'changed' });
    } else if (inA) {
      lines.push({ key, label, after: a[key], kind: 'added' });
    } else if (!after) {
      lines.push({ key, label, before: b[key], kind: 'removed' });
    }
    // A key only in "before" when "after" is a partial patch: that field did not change.
  }
  return lines;
}

export function AuditDiff({
  before,
  after,
  unitNames,
  entityType,
}: {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The audited record's type (unit, plan, petition…): what its "status" values mean. */
  entityType?: string;
  /** Names of units known from the record (its own unit), shown instead of their ids. */
  unitNames?: Readonly<Record<number, string>>;
}) {
  const lines = auditDiff(before, after);
  if (!lines.length)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <dl
      style={{
        margin: 0,
        display: 'grid',
        gridTemplateColumns: 'fit-content(45%) minmax(0, 1fr)',
        columnGap: 8,
        rowGap: 2,
      }}
    >
      {lines.map((l) => (
        <Fragment key={l.key}>
          <Text component="dt" size="sm" c="dimmed">
            {l.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {l.kind === 'changed' ? (
              <>
                <span className="diff-old">
                  <VisuallyHiddenText>cũ: </VisuallyHiddenText>
                  {formatAuditValue(l.key, l.before, unitNames, entityType)}
                </span>
                {' → '}
                <span className="diff-new">
                  <VisuallyHiddenText>mới: </VisuallyHiddenText>
                  {formatAuditValue(l.key, l.after, unitNames, entityType)}
                </span>
              </>
            ) : l.kind === 'added' ? (
              formatAuditValue(l.key, l.after, unitNames, entityType)
            ) : (
              <span className="diff-old">{formatAuditValue(l.key, l.before, unitNames, entityType)}</span>
            )}
          </Text>
        </Fragment>
      ))}
    </dl>
  );
}

function VisuallyHiddenText({ children }: { children: ReactNode }) {
  return (
    <span
      style={{
        position: 'absolute',
        width: 1,
        height: 1,
        padding: 0,
        margin: -1,
        overflow: 'hidden',
        clip: 'rect(0,0,0,0)',
        whiteSpace: 'nowrap',
        border: 0,
      }}
    >
      {children}
    </span>
  );
}
