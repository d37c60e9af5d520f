// An ad hoc request (báo cáo đột xuất): a unit asks chosen units of its scope for a report by a date.
import { randomBytes } from 'node:crypto';
import type { AdHocRequest } from '../../../contracts/reporting.ts';
import { invalid } from '../../../domain/errors.ts';
import { addDays, parseIsoDate } from '../../../domain/calendar/lunar.ts';
import { LAW_IMPLEMENTATION_INDICATORS } from '../../../domain/reporting/indicators.ts';
import { shortDateVi } from '../../../domain/reporting/compile.ts';
import { normalizeText } from '../../../domain/text.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { notify } from '../../notifications/index.ts';
import { getUnit, getUnitsByIds, type UnitRow } from '../../org/index.ts';
// Not through plans' entry: issuing a plan sets up its reporting regime, so plans' entry loads reporting's, and this
// import would close an import cycle (plans → reporting → plans). Goes with the issue-plan workflow (issue 14, item 3).
import { mustReadPlan } from '../../plans/access.ts';
import { todayFor } from '../clock.ts';
import { DEFAULT_REMINDER_DAYS, REPORT_OUTLINE } from '../regimes.ts';
import * as store from '../store/index.ts';

/** What the request form sends (contracts/reporting.ts: AdHocRequestSchema). */
export type AdHocInput = AdHocRequest;

function checkDate(value: string, path: string, label: string): void {
  try {
    parseIsoDate(value);
  } catch {
    throw invalid('regime.date_invalid', `${label} không hợp lệ.`, [
      { path, message: 'Nhập ngày theo dạng YYYY-MM-DD.' },
    ]);
  }
}

/** The due date within two years from today, and the data window ending by it (by default from mid-December before). */
function checkTiming(input: AdHocInput, today: string): { from: string; to: string } {
  checkDate(input.dueDate, 'dueDate', 'Thời hạn gửi báo cáo');
  if (input.dueDate < today)
    throw invalid('regime.due_past', 'Thời hạn gửi báo cáo đã qua.', [
      { path: 'dueDate', message: `Chọn ngày từ ${shortDateVi(today)} trở đi.` },
    ]);
  if (input.dueDate > addDays(today, 731))
    throw invalid('regime.due_far', 'Thời hạn gửi báo cáo quá xa (tối đa 2 năm).', [
      { path: 'dueDate', message: 'Chọn ngày trong vòng 2 năm.' },
    ]);
  const year = Number(input.dueDate.slice(0, 4));
  const window = input.window ?? { from: `${year - 1}-12-15`, to: input.dueDate };
  checkDate(window.from, 'window.from', 'Ngày bắt đầu kỳ số liệu');
  checkDate(window.to, 'window.to', 'Ngày chốt số liệu');
  if (window.from > window.to || window.to > input.dueDate) {
    throw invalid('regime.window_invalid', 'Kỳ số liệu phải kết thúc trước thời hạn gửi báo cáo.', [
      { path: 'window', message: 'Ngày chốt số liệu phải sau ngày bắt đầu và không sau thời hạn gửi.' },
    ]);
  }
  return window;
}

/** The units asked: those chosen, all inside the owner's scope, and those of the kinds chosen (never the owner). */
async function submittersOf(ctx: Ctx, owner: UnitRow, input: AdHocInput) {
  // The owner's scope: Sở KH&CN asks the province's units, a ward's office asks the ward's offices.
  const scopeUnitId = owner.focal_for_id ?? owner.id;
  const unitIds = [...new Set(input.submitterUnitIds ?? [])];
  if (unitIds.length) {
    const units = await getUnitsByIds(ctx.db, unitIds);
    const bad = unitIds.filter((id) => {
      const u = units.find((x) => x.id === id);
      return !u || u.status !== 'active' || u.id === owner.id || !u.path.includes(scopeUnitId);
    });
    if (bad.length)
      throw invalid(
        'regime.submitter_out_of_scope',
        'Có đơn vị được chọn không thuộc phạm vi của đơn vị yêu cầu báo cáo.',
        [{ path: 'submitterUnitIds', message: `Không hợp lệ: ${bad.slice(0, 20).join(', ')}` }],
      );
  }
  const rule: store.SubmitterRule = {
    scopeUnitId,
    kinds: input.submitterKinds ?? [],
    unitIds,
    excludeUnitIds: [owner.id],
  };
  const submitters = await store.resolveSubmitters(ctx.db, rule, []);
  if (!submitters.length)
    throw invalid('regime.no_submitters', 'Chưa chọn đơn vị phải báo cáo.', [
      { path: 'submitterUnitIds', message: 'Chọn ít nhất một đơn vị (hoặc một loại đơn vị) trong phạm vi.' },
    ]);
  const scope = (await getUnit(ctx.db, scopeUnitId))!;
  return { rule, submitters, scope };
}

/** Kính gửi of the compiled report, when the request does not name it: the people's committee of the scope. */
function defaultRecipients(scope: UnitRow): string {
  const local = scope.kind === 'ward' ? 'phường' : scope.kind === 'commune' ? 'xã' : null;
  if (scope.kind === 'province') return 'Ủy ban nhân dân tỉnh';
  return local ? `Ủy ban nhân dân ${local} ${scope.short_name}` : scope.name;
}

/** An ad hoc request (báo cáo đột xuất): its own content and deadline, to chosen units of the owner's scope. */
export async function createAdHocRegime(ctx: Ctx, input: AdHocInput) {
  const actor = requireActor(ctx);
  const owner = await getUnit(ctx.db, input.ownerUnitId ?? actor.unitId);
  if (!owner)
    throw invalid('regime.owner_not_found', 'Đơn vị yêu cầu báo cáo không tồn tại.', [
      { path: 'ownerUnitId', message: 'Chọn đơn vị có trong danh mục.' },
    ]);
  authorize(ctx, 'edit', { unitPath: owner.path });
  const name = normalizeText(input.name);
  const content = normalizeText(input.content);
  if (name.length < 5)
    throw invalid('regime.name_required', 'Nhập tên báo cáo.', [
      { path: 'name', message: 'Tên báo cáo cần ít nhất 5 ký tự.' },
    ]);
  if (content.length < 5)
    throw invalid('regime.content_required', 'Nhập nội dung yêu cầu báo cáo.', [
      { path: 'content', message: 'Nội dung cần ít nhất 5 ký tự.' },
    ]);
  const window = checkTiming(input, todayFor(ctx.db));
  if (input.planId) {
    const { plan } = await mustReadPlan(ctx, input.planId, 'kế hoạch', 'planId');
    if (plan.status !== 'issued')
      throw invalid('regime.plan_invalid', 'Kế hoạch được chọn chưa ban hành.', [
        { path: 'planId', message: 'Chọn một kế hoạch đã ban hành.' },
      ]);
  }
  const reminderDays = [...new Set(input.reminderDays ?? DEFAULT_REMINDER_DAYS)]
    .filter((n) => Number.isInteger(n) && n >= 0 && n <= 60)
    .sort((a, b) => b - a);
  const { rule, submitters, scope } = await submittersOf(ctx, owner, input);
  const recipients = normalizeText(input.recipients ?? '') || defaultRecipients(scope);
  return ctx.db.transaction().execute(async (tx) => {
    const id = await store.insertRegime(tx, {
      code: `DX-${owner.id}-${randomBytes(4).toString('hex')}`,
      ownerUnitId: owner.id,
      planId: input.planId ?? null,
      kind: 'adHoc',
      name,
      content,
      schedule: {
        frequency: 'yearly',
        dataWindow: { cutoffDay: 14 },
        dueDate: { kind: 'dayOfMonth', monthOffset: 0, day: 15, exclusive: true },
        tiers: [],
        reminderDays,
        window,
      },
      submitters: rule,
      recipients,
      outline: REPORT_OUTLINE,
      indicators: LAW_IMPLEMENTATION_INDICATORS,
      adHocDue: input.dueDate,
    });
    await notify(
      tx,
      submitters.map((s) => ({
        unitId: s.id,
        kind: 'report.requested',
        title: `Yêu cầu báo cáo: ${name}`,
        body: `${owner.name} đề nghị gửi báo cáo trước ngày ${shortDateVi(addDays(input.dueDate, 1))} (hạn cuối ${shortDateVi(input.dueDate)}). Nội dung: ${content}`,
        link: `/che-do-bao-cao/${id}`,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'regime.create',
      entityType: 'reporting_regime',
      entityId: id,
      unitId: owner.id,
      after: { kind: 'adHoc', name, dueDate: input.dueDate, submitters: submitters.length },
    });
    return { id, periodKey: String(Number(input.dueDate.slice(0, 4))), submitters: submitters.length };
  });
}
