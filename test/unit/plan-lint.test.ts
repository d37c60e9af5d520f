import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { importPlan } from '../../src/documents/parse/index.ts';
import { lawMentions, lintPlan } from '../../src/domain/plan/lint.ts';
import type { Finding, PlanDraft, Task, UnitRef } from '../../src/domain/plan/model.ts';
import { spellLawNames } from '../../src/domain/plan/laws.ts';
import { findPhraseIssues, normalizeToneMarks } from '../../src/domain/plan/phrases.ts';
import { parseTimeframe } from '../../src/domain/plan/timeframe.ts';
import { readFixture, referenceDirectory } from '../fixtures/plans/reference-directory.ts';

const PROVINCE = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
const WARD = 'ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md';

async function importFixture(name: string): Promise<PlanDraft> {
  return importPlan({ filename: name, content: readFixture(name) }, referenceDirectory());
}

function byCode(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** Vietnamese text must carry its diacritics: a message without any accented letter is a bug. */
function assertVietnamese(f: Finding): void {
  assert.match(f.message, /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu, f.code);
  if (f.fix) assert.match(f.fix, /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu, f.code);
}

describe('lint: ward seed', () => {
  let ward: PlanDraft;
  let province: PlanDraft;
  let findings: Finding[];
  before(async () => {
    ward = await importFixture(WARD);
    province = await importFixture(PROVINCE);
    findings = lintPlan(ward, { directory: referenceDirectory(), parent: province, issuerCode: '16516' });
  });

  it('finds the title naming another law than the one implemented', () => {
    const [f, ...more] = byCode(findings, 'plan.title.lawMismatch');
    assert.ok(f);
    assert.equal(more.length, 0);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /Luật sửa đổi, bổ sung một số điều của Luật Chuyển giao công nghệ/);
    // The law is named as it names itself, though the plans write "Trí tuệ Nhân tạo" (issue 9).
    assert.match(f.message, /triển khai “Luật Trí tuệ nhân tạo”/);
    assert.equal(
      f.fix,
      'Sửa trích yếu thành “Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn phường Nam Sầm Sơn”.',
    );
  });

  it('suggests the law’s own name where its case is written two ways', () => {
    const [f, ...more] = byCode(findings, 'plan.law.inconsistentCase');
    assert.ok(f);
    assert.equal(more.length, 0);
    assert.match(
      f.message,
      /“Luật Trí tuệ Nhân tạo” \(\d+ lần\), “Luật Trí tuệ nhân tạo” \(\d+ lần\)|“Luật Trí tuệ nhân tạo” \(\d+ lần\), “Luật Trí tuệ Nhân tạo” \(\d+ lần\)/,
    );
    assert.match(f.fix ?? '', /^Viết thống nhất “Luật Trí tuệ nhân tạo” \(/);
    for (const x of findings) assert.doesNotMatch(x.fix ?? '', /Trí tuệ Nhân tạo/, x.code);
  });

  it('finds the ward name misspelled against the register', () => {
    const f = byCode(findings, 'text.placeName.misspelled');
    assert.ok(f.length >= 1);
    assert.ok(f.some((x) => x.location.field === 'title'));
    for (const x of f) assert.match(x.message, /“phường Nam Sâm Sơn”.*“phường Nam Sầm Sơn”/);
  });

  it('finds another law named in the requirements', () => {
    const f = byCode(findings, 'plan.law.otherInBody');
    assert.deepEqual(
      f.map((x) => [x.severity, x.location.section]),
      [['warning', 'I']],
    );
    assert.match(f[0]!.message, /“Luật Chuyển đổi số”/);
  });

  it('finds standard phrases with a word missing or a word too many', () => {
    const missing = byCode(findings, 'phrase.missingWord').map((f) => f.fix);
    assert.deepEqual(
      missing.sort(),
      ['Sửa “Ủy ban nhân” thành “Ủy ban nhân dân”.', 'Sửa “đảm đúng tiến độ” thành “đảm bảo đúng tiến độ”.'].sort(),
    );
    const clash = byCode(findings, 'phrase.clashingWords');
    assert.equal(clash.length, 1);
    assert.match(clash[0]!.message, /“về qua”/);
    assert.equal(clash[0]!.location.section, 'IV');
  });

  it('finds a coordinator that is not a unit of the ward, and suggests the register unit', () => {
    const f = byCode(findings, 'unit.unknown');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.location.task, '1');
    assert.equal(f[0]!.location.field, 'coordinators');
    assert.match(f[0]!.message, /Trung tâm cung ứng dịch vụ công phường/);
    assert.match(f[0]!.fix ?? '', /Trung tâm Phục vụ hành chính công phường Nam Sầm Sơn/);
  });

  it('finds inconsistent terms: "Đơn vị chủ trì" and "Cơ quan chủ trì"', () => {
    const f = byCode(findings, 'plan.terms.inconsistent');
    const lead = f.find((x) => x.location.field === 'lead');
    assert.ok(lead);
    assert.match(lead.message, /“Đơn vị chủ trì” \(nhiệm vụ 1\)/);
    assert.match(lead.message, /“Cơ quan chủ trì” \(nhiệm vụ 2, 3\.1, 3\.2, 4, 5\)/);
    assert.ok(f.every((x) => x.severity === 'info'));
    assert.ok(byCode(findings, 'plan.law.inconsistentCase').length === 1, '“Nhân tạo” / “nhân tạo”');
  });

  it('finds deliverables written as activities', () => {
    assert.deepEqual(
      byCode(findings, 'task.deliverable.activity').map((f) => f.location.task),
      ['3.2', '4'],
    );
  });

  it('finds a body it reports to missing from the recipients', () => {
    const f = byCode(findings, 'plan.recipients.missingReportee');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /Sở Khoa học và Công nghệ/);
  });

  it('agrees with the parent plan: every parent task is taken up, leads are the ward’s own', () => {
    assert.deepEqual(byCode(findings, 'cascade.parentTask.uncovered'), []);
    assert.deepEqual(byCode(findings, 'task.lead.outsideIssuer'), []);
    assert.deepEqual(byCode(findings, 'plan.basis.parentMismatch'), []);
    // The province seed is a draft without number or date: said, not guessed.
    assert.equal(byCode(findings, 'plan.basis.parentUnnumbered').length, 1);
  });

  it('raises nothing on what is right', () => {
    for (const code of [
      'task.lead.missing',
      'task.timeframe.missing',
      'task.timeframe.unreadable',
      'task.deliverable.missing',
      'task.action.missing',
      'unit.misspelled',
      'phrase.misspelled',
      'phrase.repeatedWord',
    ]) {
      assert.deepEqual(byCode(findings, code), [], code);
    }
  });

  it('writes every message and fix in Vietnamese, with a location', () => {
    for (const f of findings) {
      assertVietnamese(f);
      assert.ok(Object.keys(f.location).length > 0, f.code);
    }
  });
});

describe('lint: province seed', () => {
  let plan: PlanDraft;
  before(async () => {
    plan = await importFixture(PROVINCE);
  });

  it('finds its real defects and no false alarms', () => {
    const findings = lintPlan(plan, { directory: referenceDirectory() });
    assert.deepEqual(
      byCode(findings, 'phrase.missingWord').map((f) => [f.location.section, f.fix]),
      [['IV', 'Sửa “đảm đúng tiến độ” thành “đảm bảo đúng tiến độ”.']],
    );
    assert.deepEqual(
      byCode(findings, 'plan.law.otherInBody').map((f) => f.location.section),
      ['I'],
    );
    assert.deepEqual(byCode(findings, 'plan.title.lawMismatch'), []);
    assert.deepEqual(
      byCode(findings, 'unit.capitalization').map((f) => f.location.task),
      ['4'],
    );
    // The province's press agency is in the register (it was the seed's one false "unknown").
    assert.deepEqual(byCode(findings, 'unit.unknown'), []);
    assert.deepEqual(
      byCode(findings, 'task.timeframe.noDeadline').map((f) => f.location.task),
      ['2'],
    );
    assert.deepEqual(byCode(findings, 'plan.recipients.missingReportee'), []);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
  });

  it('an issued plan needs its number and date', () => {
    const findings = lintPlan(plan, { directory: referenceDirectory(), status: 'issued' });
    const [f] = byCode(findings, 'plan.issued.numberMissing');
    assert.equal(f?.severity, 'error');
    assert.match(f?.message ?? '', /chưa có số và ngày ban hành/);
    assert.deepEqual(
      byCode(lintPlan(plan, { directory: referenceDirectory(), status: 'draft' }), 'plan.issued.numberMissing'),
      [],
    );
  });
});

describe('lint: a child plan against its parent', () => {
  let ward: PlanDraft;
  let parent: PlanDraft;
  before(async () => {
    ward = await importFixture(WARD);
    parent = await importFixture(PROVINCE);
    // The parent once issued: number 129, 04/5/2026, by UBND tỉnh.
    parent.document = { ...parent.document, number: '129', date: '2026-05-04' };
  });

  it('accepts a basis that matches the parent', () => {
    const findings = lintPlan(ward, { directory: referenceDirectory(), parent });
    assert.deepEqual(byCode(findings, 'plan.basis.parentMismatch'), []);
    assert.deepEqual(byCode(findings, 'plan.basis.parentUnnumbered'), []);
  });

  it('finds a basis whose date or number disagrees with the parent', () => {
    const wrongDate = { ...parent, document: { ...parent.document, date: '2026-05-14' } };
    const [f] = byCode(
      lintPlan(ward, { directory: referenceDirectory(), parent: wrongDate }),
      'plan.basis.parentMismatch',
    );
    assert.match(f?.message ?? '', /ngày 04\/05\/2026 \(kế hoạch cấp trên: 14\/05\/2026\)/);
    const wrongNumber = { ...parent, document: { ...parent.document, number: '130' } };
    const [g] = byCode(
      lintPlan(ward, { directory: referenceDirectory(), parent: wrongNumber }),
      'plan.basis.parentMismatch',
    );
    assert.match(g?.message ?? '', /số 129 \(kế hoạch cấp trên: 130\)/);
  });

  it('finds parent tasks without a child task', () => {
    const child = { ...ward, tasks: ward.tasks.filter((t) => t.number !== '4') };
    const f = byCode(lintPlan(child, { directory: referenceDirectory(), parent }), 'cascade.parentTask.uncovered');
    assert.deepEqual(
      f.map((x) => x.location.task),
      ['4'],
    );
    assert.match(f[0]!.message, /Xây dựng Cơ sở dữ liệu phục vụ trí tuệ nhân tạo/);
  });

  it('finds a task led by a unit outside the issuing ward', () => {
    const d = referenceDirectory();
    const outside = ward.tasks.map((t) => (t.number === '2' ? { ...t, lead: [d.resolve('Sở Tư pháp')] } : t));
    const f = byCode(
      lintPlan({ ...ward, tasks: outside }, { directory: d, issuerCode: '16516' }),
      'task.lead.outsideIssuer',
    );
    assert.deepEqual(
      f.map((x) => [x.location.task, x.severity]),
      [['2', 'error']],
    );
    assert.match(f[0]!.message, /Sở Tư pháp.*Phường Nam Sầm Sơn/);
  });
});

describe('lint: general rules on a written plan', () => {
  const d = referenceDirectory();
  const ref = (text: string): UnitRef => d.resolve(text, { withinCode: '14797' });
  function taskOf(partial: Partial<Task> & { number: string }): Task {
    return {
      title: 'Tổ chức tuyên truyền',
      content: null,
      lead: [ref('Phòng Văn hóa - Xã hội')],
      coordinators: [],
      timeframe: parseTimeframe('Quý III/2026'),
      deliverables: ['Hội nghị'],
      notes: null,
      groupNumber: null,
      parentTask: null,
      ...partial,
    };
  }
  function planOf(tasks: Task[], text: string[] = []): PlanDraft {
    return {
      document: {
        type: 'KH',
        number: null,
        symbol: 'KH-UBND',
        date: null,
        year: 2026,
        place: 'Hạc Thành',
        issuer: d.resolve('UBND phường Hạc Thành'),
        issuerParent: null,
        title: 'Triển khai Luật Dữ liệu trên địa bàn phường Hạc Thanh',
        basis: [],
        signer: null,
        recipients: [],
      },
      sections: [
        {
          kind: 'organisation',
          number: 'III',
          heading: 'TỔ CHỨC THỰC HIỆN',
          blocks: text.map((t) => ({ label: null, heading: false, text: t })),
        },
      ],
      groups: [],
      tasks,
      findings: [],
      unplaced: [],
    };
  }

  it('checks the "06 rõ" of every task', () => {
    const plan = planOf([
      taskOf({ number: '1', lead: [], timeframe: parseTimeframe(''), deliverables: [] }),
      taskOf({
        number: '2',
        title: 'Công tác tuyên truyền',
        lead: [ref('Các phòng, ban, ngành')],
        timeframe: parseTimeframe('Khi có yêu cầu'),
        deliverables: ['Kết quả thực hiện'],
      }),
      taskOf({ number: '3', lead: [ref('Phòng Văn hóa - Xã hội'), ref('Công an phường')] }),
      taskOf({ number: '3' }),
    ]);
    const findings = lintPlan(plan, { directory: d });
    const codes = (task: string) =>
      findings
        .filter((f) => f.location.task === task)
        .map((f) => f.code)
        .sort();
    assert.deepEqual(codes('1'), ['task.deliverable.missing', 'task.lead.missing', 'task.timeframe.missing']);
    assert.deepEqual(codes('2'), [
      'task.action.missing',
      'task.deliverable.vague',
      'task.lead.group',
      'task.timeframe.unreadable',
    ]);
    assert.ok(codes('3').includes('task.lead.multiple'));
    assert.ok(codes('3').includes('task.number.duplicate'));
    assert.ok(
      findings
        .filter((f) => f.code.endsWith('.missing') && f.location.task === '1')
        .every((f) => f.severity === 'error'),
    );
  });

  it('finds misspelled unit names, place names and phrases it was not written for', () => {
    const plan = planOf(
      [taskOf({ number: '1', lead: [ref('Phòng Văn hoá - Xã hôi')], coordinators: [ref('Sở Tài chinh')] })],
      [
        'Trong quá trình thực hiện, nếu có khó khăn, vướng mắt, báo cáo Hội đồng nhân phường và Chủ tịch Ủy ban nhân dân phường.',
        'Lồng ghép vào kế hoạch phát triển kinh tế - xa hội của của phường.',
      ],
    );
    const findings = lintPlan(plan, { directory: d });
    assert.deepEqual(
      byCode(findings, 'unit.misspelled')
        .map((f) => f.location.field)
        .sort(),
      ['coordinators', 'lead'],
    );
    assert.match(byCode(findings, 'text.placeName.misspelled')[0]?.fix ?? '', /phường Hạc Thành/);
    const phrases = findings.filter((f) => f.code.startsWith('phrase.')).map((f) => [f.code, f.fix]);
    assert.deepEqual(phrases, [
      ['phrase.misspelled', 'Sửa thành “khó khăn, vướng mắc”.'],
      ['phrase.missingWord', 'Sửa “Hội đồng nhân” thành “Hội đồng nhân dân”.'],
      ['phrase.misspelled', 'Sửa thành “kinh tế - xã hội”.'],
      ['phrase.repeatedWord', 'Bỏ bớt một chữ “của”.'],
    ]);
  });

  it('leaves correct text alone', () => {
    const text =
      'Các cơ quan, đơn vị chủ động tổ chức triển khai thực hiện, bảo đảm đúng tiến độ, chất lượng, hiệu quả; kịp thời phản ánh về Phòng Văn hóa - Xã hội để tổng hợp, báo cáo Ủy ban nhân dân phường xem xét, giải quyết theo quy định.';
    assert.deepEqual(findPhraseIssues(text), []);
    assert.deepEqual(
      findPhraseIssues('Định kỳ hằng năm, an toàn, tin cậy và có trách nhiệm; Uỷ ban nhân dân tỉnh Thanh Hoá.'),
      [],
    );
  });
});

describe('lint: the law named with capitals it does not have', () => {
  it('suggests its own name when a plan writes "Luật Trí tuệ Nhân tạo" throughout', async () => {
    const plan = await importFixture(PROVINCE);
    const capital = (t: string) => t.replace(/Luật Trí tuệ nhân tạo/gu, 'Luật Trí tuệ Nhân tạo');
    const written: PlanDraft = {
      ...plan,
      sections: plan.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => ({ ...b, text: capital(b.text) })) })),
      tasks: plan.tasks.map((t) => ({ ...t, title: capital(t.title), content: t.content && capital(t.content) })),
    };
    const findings = lintPlan(written, { directory: referenceDirectory() });
    assert.deepEqual(byCode(findings, 'plan.law.inconsistentCase'), []);
    const [f, ...more] = byCode(findings, 'plan.law.nameCase');
    assert.ok(f);
    assert.equal(more.length, 0);
    assert.equal(f.severity, 'info');
    assert.match(
      f.message,
      /^Tên luật được viết là “Luật Trí tuệ Nhân tạo” \(\d+ lần\); tên của luật là “Luật Trí tuệ nhân tạo”\.$/,
    );
    assert.match(f.fix ?? '', /^Viết “Luật Trí tuệ nhân tạo” \(theo Nghị định 30\/2020\/NĐ-CP/);
    // Written right, nothing to say.
    const right = lintPlan(
      { ...plan, document: { ...plan.document, title: spellLawNames(plan.document.title) } },
      { directory: referenceDirectory() },
    );
    assert.deepEqual(byCode(right, 'plan.law.nameCase'), []);
  });

  it('spells registered law names as the laws do, and leaves other words alone', () => {
    assert.equal(
      spellLawNames('Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa'),
      'Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn tỉnh Thanh Hóa',
    );
    assert.equal(
      spellLawNames('Căn cứ Luật Khoa học, Công nghệ và Đổi mới sáng tạo; LUẬT TRÍ TUỆ NHÂN TẠO'),
      'Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo; Luật Trí tuệ nhân tạo',
    );
    assert.equal(
      spellLawNames('Luật Tổ chức Chính phủ, Luật Chuyển đổi số'),
      'Luật Tổ chức Chính phủ, Luật Chuyển đổi số',
    );
    assert.equal(spellLawNames('Trí tuệ Nhân tạo'), 'Trí tuệ Nhân tạo');
  });
});

describe('lint helpers', () => {
  it('reads law names, including amending laws', () => {
    assert.deepEqual(
      lawMentions(
        'Triển khai thi hành Luật sửa đổi, bổ sung một số điều của Luật Chuyển giao công nghệ trên địa bàn phường',
      ).map((m) => m.name),
      ['Luật sửa đổi, bổ sung một số điều của Luật Chuyển giao công nghệ'],
    );
    assert.deepEqual(
      lawMentions('phù hợp với quy định của Luật Chuyển đổi số.').map((m) => m.name),
      ['Luật Chuyển đổi số'],
    );
    assert.deepEqual(
      lawMentions(
        'các văn bản quy định chi tiết thi hành Luật Trí tuệ nhân tạo và các văn bản khác; đi vào cuộc sống của Luật.',
      ).map((m) => m.name),
      ['Luật Trí tuệ nhân tạo'],
    );
    assert.deepEqual(
      lawMentions('Căn cứ Luật Khoa học, Công nghệ và Đổi mới sáng tạo ngày 27/6/2025').map((m) => m.name),
      ['Luật Khoa học, Công nghệ và Đổi mới sáng tạo'],
    );
  });

  it('normalises old-style tone placement only where it moves', () => {
    assert.equal(
      normalizeToneMarks('Thanh Hoá, Uỷ ban, khoẻ, hoàn thành, quý'),
      'Thanh Hóa, Ủy ban, khỏe, hoàn thành, quý',
    );
  });
});
