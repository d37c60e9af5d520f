// Before/after of an audit record, readably: one line per changed field, old value struck through.
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Text } from '@mantine/core';
import { count, roleLabel, unitKindLabel, unitStatusLabel } from '../format.ts';
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
  if (key === 'status') return unitStatusLabel(String(value));
  if (key === 'kind') return unitKindLabel(String(value));
  if (UNIT_ID_FIELDS.has(key) && typeof value === 'number')
    return <Link to={paths.unit(value)}>{unitNames[value] ?? `đơn vị số ${value}`}</Link>;
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
}: {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
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
                  {formatAuditValue(l.key, l.before, unitNames)}
                </span>
                {' → '}
                <span className="diff-new">
                  <VisuallyHiddenText>mới: </VisuallyHiddenText>
                  {formatAuditValue(l.key, l.after, unitNames)}
                </span>
              </>
            ) : l.kind === 'added' ? (
              formatAuditValue(l.key, l.after, unitNames)
            ) : (
              <span className="diff-old">{formatAuditValue(l.key, l.before, unitNames)}</span>
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
