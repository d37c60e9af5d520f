// The pure rules the plan use cases decide with (src/domain/plan/lifecycle.ts, issuer.ts, cascade-rules.ts): the
// same codes and messages the API answers with, checked without a database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../src/domain/errors.ts';
import { checkCascadeRules } from '../../src/domain/plan/cascade-rules.ts';
import { issuerName, renderOptions } from '../../src/domain/plan/issuer.ts';
import {
  checkDraftShape,
  checkEditable,
  checkTransition,
  issuedDraft,
  issueNumber,
  returnReason,
} from '../../src/domain/plan/lifecycle.ts';
import type { PlanDraft, Task } from '../../src/domain/plan/model.ts';

const task = (number: string): Task => ({
  number,
  title: `Nhiệm vụ ${number}`,
  content: null,
  lead: [],
  coordinators: [],
  timeframe: { text: '', schedule: null },
  deliverables: [],
  notes: null,
  groupNumber: null,
  parentTask: null,
});

const draft = (title: string, numbers: string[]): PlanDraft => ({
  document: {
    title,
    number: null,
    symbol: 'KH-UBND',
    date: null,
    year: 2026,
    signer: null,
  } as unknown as PlanDraft['document'],
  sections: [],
  groups: [],
  tasks: numbers.map(task),
  findings: [],
  unplaced: [],
});

function fails(fn: () => unknown, code: string, status: number): AppError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, code);
    assert.equal(e.status, status);
    return e;
  }
  assert.fail(`expected ${code}`);
}

describe('plan lifecycle rules', () => {
  it('a saved draft numbers each task once and has a title', () => {
    checkDraftShape(draft('Kế hoạch thi hành Luật', ['1', '2']));
    assert.equal(
      fails(() => checkDraftShape(draft('Kế hoạch', ['1', '1'])), 'plan.task_duplicate', 422).message,
      'Nhiệm vụ số 1 bị trùng.',
    );
    fails(() => checkDraftShape(draft('  ', ['1'])), 'plan.title_missing', 422);
  });

  it('only a draft is edited in place; an issued plan points to the amendment', () => {
    checkEditable('draft');
    assert.match(fails(() => checkEditable('issued'), 'plan.not_editable', 409).message, /văn bản sửa đổi/);
    assert.match(fails(() => checkEditable('submitted'), 'plan.not_editable', 409).message, /Đã trình|trả lại dự thảo/);
  });

  it('each action leaves from its own statuses', () => {
    checkTransition('submit', 'draft');
    checkTransition('return', 'approved');
    checkTransition('issue', 'approved');
    assert.match(
      fails(() => checkTransition('approve', 'draft'), 'plan.bad_transition', 409).message,
      /^Không thể duyệt kế hoạch/,
    );
  });

  it('a return needs a reason of at least 5 characters', () => {
    assert.equal(returnReason('  Thiếu  nguồn lực  '), 'Thiếu nguồn lực');
    assert.deepEqual(fails(() => returnReason('abc'), 'plan.reason_required', 422).issues, [
      { path: 'reason', message: 'Lý do cần ít nhất 5 ký tự.' },
    ]);
  });

  it('an issued number is digits, its day a real YYYY-MM-DD', () => {
    assert.deepEqual(issueNumber({ number: ' 129 ', date: '2026-05-04' }), {
      number: '129',
      date: '2026-05-04',
      year: 2026,
    });
    fails(() => issueNumber({ number: '12a', date: '2026-05-04' }), 'plan.number_invalid', 422);
    fails(() => issueNumber({ number: '12', date: '04/05/2026' }), 'plan.date_invalid', 422);
    fails(() => issueNumber({ number: '12' }), 'plan.date_invalid', 422);
  });

  it('the issued draft carries number, day, year and the signer named', () => {
    const d = issuedDraft(
      draft('Kế hoạch', ['1']),
      { number: '129', date: '2026-05-04', year: 2026, symbol: 'KH-UBND' },
      'Nguyễn Hoài Anh',
    );
    assert.equal(d.document.number, '129');
    assert.equal(d.document.date, '2026-05-04');
    assert.deepEqual(d.document.signer, {
      authority: 'TM',
      lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      name: 'Nguyễn Hoài Anh',
    });
  });
});

describe('issuer and cascade rules', () => {
  it('names the issuing unit as plans and reports write it', () => {
    assert.equal(
      issuerName({ kind: 'province', name: 'tỉnh Thanh Hóa', short_name: 'Thanh Hóa' }),
      'UBND tỉnh Thanh Hóa',
    );
    assert.equal(
      issuerName({ kind: 'ward', name: 'Phường Nam Sầm Sơn', short_name: 'Nam Sầm Sơn' }),
      'UBND phường Nam Sầm Sơn',
    );
    assert.equal(
      issuerName({ kind: 'agency', name: 'Sở Khoa học và Công nghệ', short_name: 'SKHCN' }),
      'Sở Khoa học và Công nghệ',
    );
    assert.equal(
      renderOptions({ kind: 'province', name: 'tỉnh Thanh Hóa', short_name: 'Thanh Hóa' }, undefined, true).issuerName,
      'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
    );
  });

  it('a cascade rule names where it applies and what it becomes', () => {
    checkCascadeRules([
      { fromCode: '38.SKHCN', toOffice: { xã: 'PVHXH', phường: 'PVHXH' } },
      { fromText: 'các sở', toText: '' },
    ]);
    assert.deepEqual(
      fails(() => checkCascadeRules([{ toText: 'x' }]), 'cascade.rule_from', 422).issues[0]?.path,
      'rules.0',
    );
    fails(() => checkCascadeRules([{ fromText: 'x' }]), 'cascade.rule_to', 422);
  });
});
