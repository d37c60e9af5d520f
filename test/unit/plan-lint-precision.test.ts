// Checks that must hold on correct documents: each new check is silent on a correct plan and speaks on the defect.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importPlan } from '../../src/documents/parse/index.ts';
import { lintPlan } from '../../src/domain/plan/lint.ts';
import type { Finding, PlanDraft } from '../../src/domain/plan/model.ts';
import { referenceDirectory } from '../fixtures/plans/reference-directory.ts';

function planText(opts: { law?: string; timeframe?: string; date?: string; product?: boolean } = {}): string {
  return [
    'ỦY BAN NHÂN DÂN',
    'TỈNH NGHỆ AN',
    '',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    'Số: 45/KH-UBND',
    '',
    `Nghệ An, ${opts.date ?? 'ngày 15 tháng 7 năm 2026'}`,
    '',
    'KẾ HOẠCH',
    'Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn tỉnh Nghệ An',
    '',
    `Căn cứ Luật Trí tuệ nhân tạo số ${opts.law ?? '134/2025/QH15'} ngày 10 tháng 12 năm 2025;`,
    '',
    'Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai như sau:',
    '',
    'I. NỘI DUNG KẾ HOẠCH',
    '',
    '1. Thí điểm ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính',
    '',
    `Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ tổ chức thí điểm; hoàn thành trong ${opts.timeframe ?? 'Quý IV/2026'}.`,
    '',
    '2. Sắp xếp, kiện toàn bộ phận đầu mối theo dõi thi hành Luật',
    '',
    `Sở Nội vụ chủ trì, bảo đảm nguồn lực và đảm bảo tiến độ; thực hiện thường xuyên.`,
    '',
  ].join('\n');
}

async function lint(text: string): Promise<{ plan: PlanDraft; findings: Finding[] }> {
  const plan = await importPlan({ filename: 'ke-hoach.txt', content: text }, referenceDirectory());
  return { plan, findings: lintPlan(plan, { directory: referenceDirectory() }) };
}

const codes = (f: Finding[], severity?: string) =>
  f.filter((x) => !severity || x.severity === severity).map((x) => x.code);

describe('lint precision: a correct plan from another province', () => {
  it('raises no error: prose tasks, "Thí điểm"/"Sắp xếp", both "bảo đảm" and "đảm bảo", its own issuer', async () => {
    const { plan, findings } = await lint(planText());
    assert.equal(plan.document.issuer?.text, 'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN');
    assert.equal(plan.document.issuer?.unitCode, null, 'never guessed as Thanh Hóa');
    assert.deepEqual(
      plan.tasks.map((t) => t.lead.map((u) => u.text)),
      [['Sở Khoa học và Công nghệ'], ['Sở Nội vụ']],
    );
    assert.deepEqual(codes(findings, 'error'), []);
    assert.ok(!codes(findings).includes('task.action.missing'));
    assert.ok(!codes(findings).includes('law.numberMismatch'));
    assert.ok(!codes(findings).includes('task.timeframe.beforePlan'));
    assert.ok(!findings.some((f) => f.code === 'plan.terms.inconsistent' && /bảo đảm/.test(f.message)));
  });

  it('accepts "Xác định nội dung công việc" with or without "rõ"', async () => {
    const { findings } = await lint(
      planText().replace(
        'I. NỘI DUNG KẾ HOẠCH',
        'I. MỤC ĐÍCH\n\nXác định nội dung công việc cụ thể.\n\nII. NỘI DUNG KẾ HOẠCH',
      ),
    );
    assert.ok(!codes(findings).includes('phrase.missingWord'));
  });
});

describe('import: an issuer named without its province', () => {
  it("is read as the register's province only when the place agrees, never guessed", async () => {
    const nameless = (place: string) =>
      planText().replace('TỈNH NGHỆ AN', 'TỈNH').replace('Nghệ An, ngày', `${place}, ngày`);
    const other = await lint(nameless('Nghệ An'));
    assert.equal(other.plan.document.issuer?.unitId, null);
    const own = await lint(nameless('Thanh Hóa'));
    assert.equal(own.plan.document.issuer?.unitCode, '38');
  });
});

describe('lint: law cited with a number not its own', () => {
  it('names the right number and whose number was written', async () => {
    const { findings } = await lint(planText({ law: '143/2025/QH15' }));
    const f = findings.filter((x) => x.code === 'law.numberMismatch');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.severity, 'error');
    assert.match(f[0]!.message, /134\/2025\/QH15/);
    const other = (await lint(planText({ law: '60/2024/QH15' }))).findings.find((x) => x.code === 'law.numberMismatch');
    assert.match(other!.message, /Luật Dữ liệu/);
  });
});

describe('lint: deadline before the plan is dated', () => {
  it('flags "Tháng 3/2026" in a plan of 15/7/2026, not "Quý IV/2026" nor a plan without a date', async () => {
    const early = await lint(planText({ timeframe: 'tháng 3/2026' }));
    assert.deepEqual(
      early.findings.filter((x) => x.code === 'task.timeframe.beforePlan').map((x) => x.location.task),
      ['1'],
    );
    const undated = await lint(planText({ timeframe: 'tháng 3/2026', date: 'ngày     tháng     năm 2026' }));
    assert.ok(!codes(undated.findings).includes('task.timeframe.beforePlan'));
  });
});

describe('lint: a missing product', () => {
  it('is a warning in a plan that writes no product for any task (prose style)', async () => {
    const { findings } = await lint(planText());
    const f = findings.filter((x) => x.code === 'task.deliverable.missing');
    assert.ok(f.length > 0);
    assert.ok(f.every((x) => x.severity === 'warning'));
  });
});

function communeText(kind: 'xã' | 'phường', lead: string): string {
  const name = kind === 'xã' ? 'Đông Tiến' : 'Bình Minh';
  return [
    'ỦY BAN NHÂN DÂN',
    `${kind.toUpperCase()} ${name.toUpperCase()}`,
    '',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    'Số: 12/KH-UBND',
    '',
    `${name}, ngày 10 tháng 3 năm 2026`,
    '',
    'KẾ HOẠCH',
    'Triển khai thi hành Luật Dữ liệu',
    '',
    'I. NỘI DUNG',
    '',
    '1. Rà soát, cập nhật cơ sở dữ liệu chuyên ngành',
    '',
    `a) Cơ quan chủ trì: ${lead}.`,
    `b) Cơ quan phối hợp: Văn phòng HĐND và UBND ${kind}.`,
    'c) Thời gian thực hiện: Quý III/2026.',
    'd) Sản phẩm: Báo cáo.',
    '',
  ].join('\n');
}

describe('lint: offices that do not exist for this plan', () => {
  it('stays silent on each kind of commune with its own office, and never splits "Văn phòng HĐND và UBND"', async () => {
    for (const [kind, lead] of [
      ['xã', 'Phòng Kinh tế'],
      ['phường', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
    ] as const) {
      const { plan, findings } = await lint(communeText(kind, lead));
      assert.deepEqual(
        plan.tasks[0]!.lead.map((u) => u.text),
        [lead],
      );
      assert.deepEqual(
        plan.tasks[0]!.coordinators.map((u) => u.text),
        [`Văn phòng HĐND và UBND ${kind}`],
      );
      assert.deepEqual(
        codes(findings).filter((c) => c.startsWith('unit.notIn') || c === 'unit.abolished'),
        [],
        kind,
      );
    }
  });

  it("names the office a xã has instead of a phường's", async () => {
    const { findings } = await lint(communeText('xã', 'Phòng Kinh tế, Hạ tầng và Đô thị'));
    const f = findings.find((x) => x.code === 'unit.notInCommuneKind');
    assert.equal(f?.severity, 'error');
    assert.match(f!.message, /xã có “Phòng Kinh tế”/);
  });

  it('names the successor of an office abolished in 2025', async () => {
    const { findings } = await lint(communeText('xã', 'Phòng Tài chính - Kế hoạch'));
    const f = findings.find((x) => x.code === 'unit.abolished');
    assert.equal(f?.severity, 'error');
    assert.match(f!.message, /nay thuộc Phòng Kinh tế\.$/);
  });
});
