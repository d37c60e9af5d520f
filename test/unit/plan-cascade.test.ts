// Cascade of the province plan to all 166 communes and wards of the reference register, checked the way the issue
// asks: right offices for a xã or a phường, a correct basis, and drafts that pass lint with no error and no warning
// of their own (only what they inherit from the province's wording).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { importPlan } from '../../src/documents/parse/index.ts';
import type { UnitEntry } from '../../src/domain/org/unit.ts';
import { cascadePlan, DEFAULT_CASCADE_RULES, type ParentPlanInfo } from '../../src/domain/plan/cascade.ts';
import { lintPlan } from '../../src/domain/plan/lint.ts';
import { joinUnits } from '../../src/documents/render/plan-docx.ts';
import type { Finding, PlanDraft, Section } from '../../src/domain/plan/model.ts';
import { readFixture, referenceDirectory, referenceEntries } from '../fixtures/plans/reference-directory.ts';

const PROVINCE = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
const WARD = 'ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md';
const NAM_SAM_SON = '16516';
const DONG_TIEN = '15724'; // Xã Đồng Tiến; 15853 is Phường Đông Tiến
const INHERITED = 'Lỗi này có từ kế hoạch cấp trên.';

const INFO: ParentPlanInfo = {
  id: 1,
  number: '129',
  symbol: 'KH-UBND',
  date: '2026-05-04',
  issuerName: 'UBND tỉnh Thanh Hóa',
  focalUnitName: 'Sở Khoa học và Công nghệ',
};

interface Child {
  commune: UnitEntry;
  type: 'xã' | 'phường';
  plan: PlanDraft;
  findings: Finding[];
}

async function importFixture(name: string): Promise<PlanDraft> {
  return importPlan({ filename: name, content: readFixture(name) }, referenceDirectory());
}

function sectionText(plan: PlanDraft, kind: Section['kind']): string {
  return plan.sections
    .filter((s) => s.kind === kind)
    .flatMap((s) => s.blocks.map((b) => b.text))
    .join('\n');
}

/** Every text of a generated plan, for wording checks. */
function allText(plan: PlanDraft): string {
  return [
    plan.document.title,
    ...plan.document.basis.map((b) => b.text),
    ...plan.sections.flatMap((s) => s.blocks.map((b) => b.text)),
    ...plan.groups.map((g) => g.title),
    ...plan.tasks.flatMap((t) => [
      t.title,
      t.content ?? '',
      ...t.deliverables,
      ...t.lead.map((r) => r.text),
      ...t.coordinators.map((r) => r.text),
    ]),
  ].join('\n');
}

describe('cascade: province plan 129/KH-UBND to every commune and ward', () => {
  const directory = referenceDirectory();
  let parent: PlanDraft;
  let children: Child[];
  let cascadeMs = 0;
  let lintMs = 0;

  before(async () => {
    parent = await importFixture(PROVINCE);
    // Issued as the ward seed's basis says: Kế hoạch số 129/KH-UBND ngày 04/5/2026.
    parent.document = { ...parent.document, number: '129', symbol: 'KH-UBND', date: '2026-05-04' };
    const entries = referenceEntries();
    const officesOf = new Map<number, UnitEntry[]>();
    for (const e of entries)
      if (e.kind === 'office' && e.parentId !== null)
        officesOf.set(e.parentId, [...(officesOf.get(e.parentId) ?? []), e]);
    const communes = entries.filter((e) => e.kind === 'commune' || e.kind === 'ward');
    const opts = { rules: DEFAULT_CASCADE_RULES, directory };
    // Warm-up outside the measure (regular expressions, caches of the register).
    lintPlan(
      cascadePlan(parent, INFO, { commune: communes[0]!, offices: officesOf.get(communes[0]!.id) ?? [] }, opts),
      { directory, parent, issuerCode: communes[0]!.code },
    );
    const plans: Array<{ commune: UnitEntry; plan: PlanDraft }> = [];
    let t0 = performance.now();
    for (const commune of communes)
      plans.push({
        commune,
        plan: cascadePlan(parent, INFO, { commune, offices: officesOf.get(commune.id) ?? [] }, opts),
      });
    cascadeMs = performance.now() - t0;
    t0 = performance.now();
    children = plans.map(({ commune, plan }) => ({
      commune,
      plan,
      type: commune.kind === 'ward' ? 'phường' : 'xã',
      findings: lintPlan(plan, { directory, parent, issuerCode: commune.code }),
    }));
    lintMs = performance.now() - t0;
  });

  it('covers all 166 communes and wards (147 xã, 19 phường), and measures the time', (t) => {
    assert.equal(children.length, 166);
    assert.equal(children.filter((c) => c.type === 'xã').length, 147);
    assert.equal(children.filter((c) => c.type === 'phường').length, 19);
    const per = (ms: number) => (ms / children.length).toFixed(2);
    t.diagnostic(
      `cascade 166: ${cascadeMs.toFixed(0)} ms (${per(cascadeMs)} ms/commune); lint 166: ${lintMs.toFixed(0)} ms (${per(lintMs)} ms/commune); total ${(cascadeMs + lintMs).toFixed(0)} ms`,
    );
  });

  it('keeps the six tasks, each linked to its parent task', () => {
    for (const { commune, plan } of children) {
      assert.deepEqual(
        plan.tasks.map((x) => x.number),
        ['1', '2', '3.1', '3.2', '4', '5'],
        commune.code,
      );
      assert.deepEqual(
        plan.tasks.map((x) => x.parentTask),
        plan.tasks.map((x) => ({ planId: 1, number: x.number })),
        commune.code,
      );
      assert.deepEqual(
        plan.groups.map((g) => g.number),
        parent.groups.map((g) => g.number),
        commune.code,
      );
    }
  });

  it('gives every task to the commune’s own Phòng Văn hóa - Xã hội', () => {
    for (const { commune, type, plan } of children) {
      for (const task of plan.tasks) {
        assert.deepEqual(
          task.lead.map((r) => r.unitCode),
          [`${commune.code}.PVHXH`],
          `${commune.code} ${task.number}`,
        );
        assert.equal(task.lead[0]!.text, `Phòng Văn hóa - Xã hội ${type}`);
        assert.equal(task.lead[0]!.group, false);
      }
    }
  });

  it('names the right coordinating offices for a xã and for a phường', () => {
    for (const { commune, type, plan } of children) {
      const coordinators = (n: string) => plan.tasks.find((x) => x.number === n)!.coordinators;
      const economy = type === 'phường' ? 'PKTHTĐT' : 'PKT';
      const t31 = coordinators('3.1');
      assert.ok(
        t31.some((r) => r.unitCode === `${commune.code}.${economy}`),
        `${commune.code} 3.1: ${t31.map((r) => r.text)}`,
      );
      assert.equal(
        t31.find((r) => r.unitCode === `${commune.code}.${economy}`)!.text,
        type === 'phường' ? 'Phòng Kinh tế, Hạ tầng và Đô thị phường' : 'Phòng Kinh tế xã',
      );
      const other = type === 'phường' ? 'PKT' : 'PKTHTĐT';
      assert.ok(!t31.some((r) => r.unitCode === `${commune.code}.${other}`), commune.code);
      const t4 = coordinators('4');
      assert.ok(
        t4.some((r) => r.unitCode === `${commune.code}.CA` && r.text === `Công an ${type}`),
        `${commune.code} 4: ${t4.map((r) => r.text)}`,
      );
    }
  });

  it('assigns no unit of another commune or of the province', () => {
    for (const { commune, plan } of children) {
      for (const task of plan.tasks) {
        for (const r of task.lead)
          assert.ok(r.unitCode?.startsWith(`${commune.code}.`), `${commune.code} ${task.number} lead ${r.unitCode}`);
        for (const r of task.coordinators) {
          // Coordinators are the commune's offices or generic groups ("Các cơ quan, tổ chức có liên quan").
          assert.ok(
            r.unitCode === null ? r.group : r.unitCode.startsWith(`${commune.code}.`),
            `${commune.code} ${task.number} coordinator ${r.text} ${r.unitCode}`,
          );
        }
      }
    }
  });

  it('titles the plan for the commune and bases it on Kế hoạch số 129/KH-UBND ngày 04/5/2026', () => {
    for (const { commune, type, plan } of children) {
      const d = plan.document;
      assert.ok(d.title.endsWith(`trên địa bàn ${type} ${commune.shortName}`), `${commune.code}: ${d.title}`);
      assert.equal(d.title, `Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn ${type} ${commune.shortName}`);
      const implementing = d.basis.filter((b) => b.kind === 'implements');
      assert.equal(implementing.length, 1, commune.code);
      const [b] = implementing;
      assert.deepEqual(
        [b!.documentType, b!.number, b!.symbol, b!.date, b!.issuer],
        ['KH', '129', 'KH-UBND', '2026-05-04', 'UBND tỉnh Thanh Hóa'],
      );
      assert.match(
        b!.text,
        /^Thực hiện Kế hoạch số 129\/KH-UBND ngày 04\/5\/2026 của UBND tỉnh Thanh Hóa về việc triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa$/u,
      );
      assert.equal(d.issuer?.unitCode, commune.code);
      assert.equal(d.issuer?.text, `Ủy ban nhân dân ${type} ${commune.shortName}`);
    }
  });

  it('passes lint with no error', () => {
    for (const { commune, findings } of children) {
      assert.deepEqual(
        findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`),
        [],
        commune.code,
      );
    }
  });

  it('has no warning of its own: only the province’s wording, marked as inherited', () => {
    for (const { commune, findings } of children) {
      const own = findings.filter((f) => f.severity === 'warning' && !f.message.endsWith(INHERITED));
      assert.deepEqual(
        own.map((f) => `${f.code}: ${f.message}`),
        [],
        commune.code,
      );
      // What is inherited: the province's "đảm đúng tiến độ" and its stray "Luật Chuyển đổi số" (see cascade.ts).
      assert.deepEqual(
        findings
          .filter((f) => f.severity === 'warning')
          .map((f) => f.code)
          .sort(),
        ['phrase.missingWord', 'plan.law.otherInBody'],
        commune.code,
      );
    }
  });

  it('lists a ward task’s coordinators as one sentence: "…thuộc UBND phường, các tổ dân phố và…"', () => {
    const ward = children.find((c) => c.commune.code === '16516')!;
    const task1 = ward.plan.tasks.find((t) => t.number === '1')!;
    assert.equal(
      joinUnits(task1.coordinators),
      'Các phòng, ban, đơn vị thuộc UBND phường, các tổ dân phố và các đơn vị có liên quan',
    );
    for (const { plan, commune } of children)
      for (const t of plan.tasks)
        for (const units of [t.lead, t.coordinators])
          assert.doesNotMatch(joinUnits(units), /, (Các|Những) /u, `${commune.code} nhiệm vụ ${t.number}`);
  });

  it('does not take xã Đồng Tiến for a misspelling of phường Đông Tiến', () => {
    const dongTien = children.find((c) => c.commune.code === DONG_TIEN)!;
    assert.equal(dongTien.plan.document.title, 'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn xã Đồng Tiến');
    assert.deepEqual(
      dongTien.findings.filter((f) => f.code === 'text.placeName.misspelled'),
      [],
    );
    const dongTienWard = children.find((c) => c.commune.code === '15853')!;
    assert.equal(
      dongTienWard.plan.document.title,
      'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn phường Đông Tiến',
    );
    assert.deepEqual(
      dongTienWard.findings.filter((f) => f.code === 'text.placeName.misspelled'),
      [],
    );
  });

  it('finds the report to Sở Khoa học và Công nghệ tỉnh in Nơi nhận', () => {
    for (const { commune, type, plan, findings } of children) {
      assert.ok(plan.document.recipients.includes('Sở Khoa học và Công nghệ tỉnh (để b/c);'), commune.code);
      assert.match(
        sectionText(plan, 'organisation'),
        new RegExp(`báo cáo UBND ${type}, Sở Khoa học và Công nghệ tỉnh theo quy định`, 'u'),
      );
      assert.deepEqual(
        findings.filter((f) => f.code === 'plan.recipients.missingReportee'),
        [],
        commune.code,
      );
    }
  });

  it('writes the sections as a commune plan does', () => {
    for (const { commune, type, plan } of children) {
      const name = `${type} ${commune.shortName}`;
      const opening = plan.sections[0]!;
      assert.equal(opening.kind, 'other');
      assert.equal(
        opening.blocks[0]!.text,
        `Thực hiện Kế hoạch số 129/KH-UBND ngày 04/5/2026 của UBND tỉnh Thanh Hóa về việc triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa; Ủy ban nhân dân ${name} ban hành Kế hoạch triển khai thực hiện như sau:`,
      );
      assert.deepEqual(
        plan.sections.map((s) => s.kind),
        ['other', 'purpose', 'content', 'budget', 'organisation'],
      );

      const purpose = sectionText(plan, 'purpose');
      assert.match(purpose, new RegExp(`đảm bảo phù hợp với điều kiện thực tiễn của ${type}, đáp ứng`, 'u'));
      assert.match(purpose, /Phân công nhiệm vụ cho các phòng, ban, cơ quan, đơn vị trong việc/u);
      // Where the province cited the Quyết định without its title, the commune cites the plan without its title.
      assert.match(
        purpose,
        /yêu cầu tại Kế hoạch số 129\/KH-UBND ngày 04\/5\/2026 của UBND tỉnh Thanh Hóa, đảm bảo đúng thẩm quyền/u,
      );
      assert.match(
        purpose,
        new RegExp(`chức năng, nhiệm vụ của UBND ${type} và các cơ quan, đơn vị có liên quan`, 'u'),
      );

      assert.equal(
        sectionText(plan, 'budget'),
        `Kinh phí thực hiện Kế hoạch này được bố trí từ nguồn ngân sách của ${type}, ngân sách của các cơ quan, đơn vị và các nguồn kinh phí hợp pháp khác theo quy định hiện hành của pháp luật.`,
      );

      const org = plan.sections.find((s) => s.kind === 'organisation')!.blocks.map((b) => b.text);
      assert.match(
        org[0]!,
        new RegExp(
          `^Thủ trưởng các phòng, ban, cơ quan, đơn vị thuộc UBND ${type} chủ động tổ chức triển khai thực hiện`,
          'u',
        ),
      );
      assert.match(
        org[0]!,
        new RegExp(
          `gửi báo cáo kết quả thực hiện về Phòng Văn hóa - Xã hội ${type} để tổng hợp, báo cáo UBND ${type}, Sở Khoa học và Công nghệ tỉnh theo quy định`,
          'u',
        ),
      );
      assert.match(org[0]!, new RegExp(`kịp thời phản ánh về Phòng Văn hóa - Xã hội ${type} để tổng hợp`, 'u'));
      assert.match(
        org[1]!,
        new RegExp(
          `^${type === 'phường' ? 'Phòng Kinh tế, Hạ tầng và Đô thị phường' : 'Phòng Kinh tế xã'}: Trên cơ sở`,
          'u',
        ),
      );
      assert.match(
        org[2]!,
        new RegExp(
          `^Phòng Văn hóa - Xã hội ${type} là đơn vị đầu mối, .* báo cáo Chủ tịch UBND ${type}, Sở Khoa học và Công nghệ tỉnh theo quy định`,
          'u',
        ),
      );
    }
  });

  it('leaves no provincial actor or press where the commune has none', () => {
    for (const { commune, type, plan } of children) {
      const text = allText(plan);
      for (const gone of [
        'Sở Tài chính',
        'Bộ Khoa học',
        'sở, ban, ngành',
        'Giám đốc các sở',
        'Báo và Phát thanh',
        'tạp chí',
        'UBND các xã',
        'cấp tỉnh',
        'chính quyền cấp cơ sở',
        'Quyết định số 367',
        'Thủ tướng',
      ]) {
        assert.ok(!text.includes(gone), `${commune.code}: “${gone}”`);
      }
      // "tỉnh" is left only where the province is meant: its plan, its focal agency, its database.
      const rest = text
        .replaceAll('UBND tỉnh Thanh Hóa', '')
        .replaceAll('trên địa bàn tỉnh Thanh Hóa', '')
        .replaceAll('Sở Khoa học và Công nghệ tỉnh', '')
        .replaceAll('trí tuệ nhân tạo tỉnh Thanh Hóa', '');
      assert.ok(
        !/(?<![\p{L}])tỉnh(?![\p{L}])/u.test(rest),
        `${commune.code}: ${rest
          .split('\n')
          .filter((l) => /tỉnh/u.test(l))
          .join(' | ')}`,
      );
      const t1 = plan.tasks[0]!;
      assert.deepEqual(
        t1.coordinators.map((r) => r.text),
        [
          `Các phòng, ban, đơn vị thuộc UBND ${type}`,
          `Các ${type === 'phường' ? 'tổ dân phố' : 'thôn'}`,
          'Các đơn vị có liên quan',
        ],
      );
      assert.ok(
        t1.deliverables.includes(`các tin, bài đăng trên trang thông tin điện tử, nền tảng số của ${type}`),
        commune.code,
      );
      assert.deepEqual(plan.tasks.find((x) => x.number === '2')!.deliverables, [
        `Báo cáo UBND ${type} kết quả thực hiện`,
      ]);
      assert.deepEqual(plan.tasks.find((x) => x.number === '4')!.deliverables, [
        'Thông tin cung cấp cho Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa',
      ]);
      assert.match(
        plan.tasks.find((x) => x.number === '4')!.title,
        /^Cung cấp thông tin phục vụ Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa/u,
      );
      assert.match(plan.tasks.find((x) => x.number === '3.2')!.title, /^Triển khai hướng dẫn chuyên ngành/u);
    }
  });

  describe('against the hand-made ward seed of phường Nam Sầm Sơn', () => {
    let seed: PlanDraft;
    let seedFindings: Finding[];
    let generated: Child;
    before(async () => {
      seed = await importFixture(WARD);
      seedFindings = lintPlan(seed, { directory, parent, issuerCode: NAM_SAM_SON });
      generated = children.find((c) => c.commune.code === NAM_SAM_SON)!;
    });

    it('has the same tasks with the same leads', () => {
      assert.deepEqual(
        generated.plan.tasks.map((x) => x.number),
        seed.tasks.map((x) => x.number),
      );
      for (const [i, task] of generated.plan.tasks.entries()) {
        assert.deepEqual(
          task.lead.map((r) => r.unitCode),
          seed.tasks[i]!.lead.map((r) => r.unitCode),
          task.number,
        );
        assert.deepEqual(
          task.lead.map((r) => r.text),
          ['Phòng Văn hóa - Xã hội phường'],
        );
      }
      // The seed's named coordinators are there too (Phòng Kinh tế, Hạ tầng và Đô thị; Công an phường).
      for (const [i, task] of seed.tasks.entries()) {
        const named = task.coordinators.map((r) => r.unitCode).filter((c): c is string => c !== null);
        for (const code of named)
          assert.ok(
            generated.plan.tasks[i]!.coordinators.some((r) => r.unitCode === code),
            `${task.number} ${code}`,
          );
      }
      assert.deepEqual(
        generated.plan.document.basis.map((b) => [b.number, b.symbol, b.date]),
        seed.document.basis.map((b) => [b.number, b.symbol, b.date]),
      );
    });

    it('does not have the seed’s defects', () => {
      // The seed's defects, as lint reports them on the seed…
      const defects: Array<[string, RegExp]> = [
        ['plan.title.lawMismatch', /Luật Chuyển giao công nghệ/u],
        ['text.placeName.misspelled', /Nam Sâm Sơn/u],
        ['phrase.missingWord', /“Ủy ban nhân”/u],
        ['phrase.clashingWords', /“về qua”/u],
        ['unit.unknown', /Trung tâm cung ứng dịch vụ công phường/u],
        ['task.deliverable.activity', /Triển khai Tiêu chuẩn/u],
        ['task.deliverable.activity', /Cung cấp thông tin Cơ sở dữ liệu/u],
        ['plan.recipients.missingReportee', /Sở Khoa học và Công nghệ/u],
      ];
      for (const [code, message] of defects) {
        assert.ok(
          seedFindings.some((f) => f.code === code && message.test(f.message)),
          `seed: ${code} ${message}`,
        );
        // … are not in the generated plan.
        assert.deepEqual(
          generated.findings.filter((f) => f.code === code && message.test(f.message)),
          [],
          `generated: ${code} ${message}`,
        );
      }
      assert.equal(seedFindings.filter((f) => f.severity === 'error').length, 1);
      const text = allText(generated.plan);
      for (const slip of [
        'Nam Sâm Sơn',
        'Ủy ban nhân phường',
        'phản ánh về qua',
        'Chuyển giao công nghệ',
        'Trung tâm cung ứng dịch vụ công',
      ]) {
        assert.ok(!text.includes(slip), slip);
      }
    });

    it('shares with the seed only what both inherit from the province', () => {
      const warnings = (fs: Finding[]) => new Set(fs.filter((f) => f.severity !== 'info').map((f) => f.code));
      const seedCodes = warnings(seedFindings);
      const shared = [...warnings(generated.findings)].filter((c) => seedCodes.has(c)).sort();
      assert.deepEqual(shared, ['phrase.missingWord', 'plan.law.otherInBody']);
      for (const f of seedFindings.filter(
        (x) => x.code === 'phrase.missingWord' || x.code === 'plan.law.otherInBody',
      )) {
        // On the seed too, the province's own wording is said to come from the province.
        assert.equal(f.message.endsWith(INHERITED), /đảm đúng tiến độ|Luật Chuyển đổi số/u.test(f.message), f.message);
      }
    });
  });
});

describe('lint: place names and recipients that are right', () => {
  const directory = referenceDirectory();
  function planWith(title: string, organisation: string[], recipients: string[]): PlanDraft {
    return {
      document: {
        type: 'KH',
        number: null,
        symbol: 'KH-UBND',
        date: null,
        year: 2026,
        place: 'Đồng Tiến',
        issuer: directory.resolve('UBND xã Đồng Tiến'),
        issuerParent: null,
        title,
        basis: [],
        signer: null,
        recipients,
      },
      sections: [
        {
          kind: 'organisation',
          number: 'IV',
          heading: 'TỔ CHỨC THỰC HIỆN',
          blocks: organisation.map((text) => ({ label: null, heading: false, text })),
        },
      ],
      groups: [],
      tasks: [],
      findings: [],
      unplaced: [],
    };
  }
  const codes = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);

  it('accepts a name that exists as written, even when another unit folds to the same letters', () => {
    const plan = planWith(
      'Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn xã Đồng Tiến',
      ['Phối hợp với phường Đông Tiến và xã Đồng Tiến.'],
      [],
    );
    assert.deepEqual(codes(lintPlan(plan, { directory, issuerCode: DONG_TIEN }), 'text.placeName.misspelled'), []);
  });

  it('still finds a name that matches no unit but is close to one', () => {
    const plan = planWith(
      'Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn xã Đông Tiến',
      ['Phối hợp với phường Nam Sâm Sơn.'],
      [],
    );
    const found = codes(lintPlan(plan, { directory, issuerCode: DONG_TIEN }), 'text.placeName.misspelled').map(
      (f) => f.fix,
    );
    assert.deepEqual(found.sort(), ['Sửa thành “phường Nam Sầm Sơn”.', 'Sửa thành “xã Đồng Tiến”.'].sort());
    // A phường of that spelling does not exist: the ward of nearly that name is meant.
    const ward = planWith('Triển khai trên địa bàn phường Đồng Tiến', [], []);
    assert.deepEqual(
      codes(lintPlan(ward, { directory }), 'text.placeName.misspelled').map((f) => f.fix),
      ['Sửa thành “phường Đông Tiến”.'],
    );
  });

  it('compares recipients by unit, whatever their notes and suffixes', () => {
    const text = [
      'Định kỳ gửi báo cáo về Phòng Văn hóa - Xã hội xã để tổng hợp, báo cáo UBND xã, Sở Khoa học và Công nghệ tỉnh theo quy định.',
    ];
    for (const recipients of [
      ['Sở Khoa học và Công nghệ tỉnh (để b/c);', 'Lưu: VT, VHXH.'],
      ['- Sở Khoa học và Công nghệ (b/c)', 'Lưu: VT.'],
      ['Sở KH&CN tỉnh Thanh Hóa (để b/c).'],
      ['UBND tỉnh, Sở Khoa học và Công nghệ (để b/c);'],
    ]) {
      assert.deepEqual(
        codes(
          lintPlan(planWith('Kế hoạch', text, recipients), { directory, issuerCode: DONG_TIEN }),
          'plan.recipients.missingReportee',
        ),
        [],
        recipients.join(' '),
      );
    }
    const missing = codes(
      lintPlan(planWith('Kế hoạch', text, ['UBND tỉnh (để b/c);', 'Lưu: VT.']), { directory, issuerCode: DONG_TIEN }),
      'plan.recipients.missingReportee',
    );
    assert.equal(missing.length, 1);
    assert.match(missing[0]!.message, /Sở Khoa học và Công nghệ/u);
  });
});
