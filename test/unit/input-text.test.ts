// The input normaliser: what a name, a short text, a long text and a search query become, and what is refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  cleanText,
  MAX_MARKS_PER_LETTER,
  nameKey,
  scrubImportedText,
  textProblem,
  type TextRule,
} from '../../src/domain/input-text.ts';
import { Code, FileName, LongText, Name, SearchQuery, ShortText } from '../../src/contracts/common.ts';
import { installVietnameseErrors, issuesOf } from '../../src/http/validation.ts';
import { planDraftSchema } from '../../src/domain/plan/schema.ts';

installVietnameseErrors();
const check = (s: string, rule: TextRule) => textProblem(cleanText(s, rule), rule);
const NFD = 'Nam Sầm Sơn'.normalize('NFD');

describe('cleaning', () => {
  it('stores NFC: a decomposed Vietnamese name becomes the composed one', () => {
    assert.notEqual(NFD, 'Nam Sầm Sơn');
    for (const rule of ['name', 'line', 'long', 'query'] as const) assert.equal(cleanText(NFD, rule), 'Nam Sầm Sơn');
  });

  it('removes zero-width characters, soft hyphens, BOM and Hangul fillers from names, and collapses whitespace', () => {
    assert.equal(cleanText('Tổ dân\u200b phố  Sầm', 'name'), 'Tổ dân phố Sầm');
    assert.equal(cleanText('\uFEFF Tổ\u00A0dân\u2060 phố\u00AD\u200C\u200D Sầm\t\n', 'name'), 'Tổ dân phố Sầm');
    assert.equal(cleanText('\u200b\u200b\u200b', 'name'), '');
    assert.equal(cleanText('\u3164\u3164', 'name'), '');
    assert.equal(cleanText('Lê\u200e Văn\u200f A', 'name'), 'Lê Văn A');
  });

  it('a combining mark separated from its letter by an invisible character is composed once it is removed', () => {
    assert.equal(cleanText('Sa\u200b\u0300m', 'name'), 'Sàm');
  });

  it('long text keeps tabs and line breaks, reads CR LF and CR as LF, and drops direction overrides', () => {
    assert.equal(cleanText('Dòng 1\r\nDòng 2\rDòng 3\n\tmục', 'long'), 'Dòng 1\nDòng 2\nDòng 3\n\tmục');
    assert.equal(cleanText('a\u202Eb\u2066c', 'long'), 'abc');
    assert.equal(cleanText('giữ\u200bnguyên', 'long'), 'giữ\u200bnguyên');
  });

  it('a search query drops what cannot be seen, overrides included', () => {
    assert.equal(cleanText(' nam\u202E sam\u200b son ', 'query'), 'nam sam son');
  });

  it('is idempotent', () => {
    for (const s of ['Tổ dân\u200b phố', NFD, 'a\r\nb', ' x  y ']) {
      for (const rule of ['name', 'line', 'long', 'query'] as const)
        assert.equal(cleanText(cleanText(s, rule), rule), cleanText(s, rule));
    }
  });

  it('two names that read the same have one key', () => {
    assert.equal(nameKey('Tổ dân\u200b phố Sầm'), nameKey('tổ dân phố sầm'));
    assert.equal(nameKey(NFD), nameKey('NAM SẦM SƠN'));
    assert.notEqual(nameKey('Tổ dân phố Sầm'), nameKey('Tổ dân phố Sâm'));
  });
});

describe('refusals', () => {
  it('NUL is refused everywhere, named as such, with its position', () => {
    for (const rule of ['name', 'line', 'long', 'query'] as const) {
      const p = check('ab\u0000c', rule);
      assert.ok(p, rule);
      assert.match(p, /ký tự điều khiển không hợp lệ \(NUL, U\+0000\) ở ký tự thứ 3/);
    }
  });

  it('other C0 and C1 controls are refused; tab and newline are allowed in long text only as themselves', () => {
    for (const c of ['\u0001', '\u001b', '\u007f', '\u0085', '\u009f']) {
      for (const rule of ['name', 'line', 'long', 'query'] as const)
        assert.ok(check(`Tên ${c}x`, rule), `${rule} U+${c.charCodeAt(0).toString(16)}`);
    }
    assert.equal(check('Dòng 1\n\tDòng 2\r\n', 'long'), null);
    // In one-line texts tab and newline are whitespace: collapsed, not refused.
    assert.equal(cleanText('Tên\tmới\nđây', 'line'), 'Tên mới đây');
  });

  it('direction overrides and isolates are refused in names and short texts', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      assert.match(check(`Nguyễn ${c}Văn A`, 'name') ?? '', /hướng chữ/);
      assert.match(check(`129${c}`, 'line') ?? '', /hướng chữ/);
    }
    assert.match(check('Nguyễn \u202EnạV A', 'name')!, /U\+202E/);
  });

  it('a name must contain a letter', () => {
    // Nothing left after cleaning is for the length check to refuse (see the primitives below).
    assert.equal(check('\u200b\u200b', 'name'), null);
    assert.match(check('12345', 'name')!, /ít nhất một chữ cái/);
    assert.match(check('---', 'name')!, /ít nhất một chữ cái/);
    assert.equal(check('Thôn 5', 'name'), null);
    assert.equal(check('12345', 'line'), null);
  });

  it(`stacked combining marks are bounded at ${MAX_MARKS_PER_LETTER} on a letter; Vietnamese needs 2`, () => {
    assert.equal(check('Nghệ An', 'name'), null);
    assert.equal(check('Nghệ An'.normalize('NFD'), 'name'), null);
    assert.equal(check(`e${'\u0301'.repeat(MAX_MARKS_PER_LETTER)}`, 'name'), null);
    assert.match(check(`e${'\u0301'.repeat(MAX_MARKS_PER_LETTER + 1)}`, 'name')!, /4 dấu chồng lên một chữ/);
    assert.match(check('\u0301'.repeat(150), 'name')!, /150 dấu/);
    assert.match(check(`Báo cáo Z${'\u0336'.repeat(40)}algo`, 'long')!, /40 dấu/);
  });

  it('lone surrogates are refused', () => {
    assert.match(check('a\uD800b', 'line')!, /UTF-16/);
  });

  it('ordinary Vietnamese text passes every rule', () => {
    const s = 'Ủy ban nhân dân phường Nam Sầm Sơn – Phòng Văn hóa - Xã hội (PVHXH), 45/KH-UBND; “trích yếu” ½ 😀';
    for (const rule of ['name', 'line', 'long', 'query'] as const) assert.equal(check(s, rule), null, rule);
  });
});

describe('the schema primitives', () => {
  it('hand over the cleaned value', () => {
    assert.equal(Name().parse('  Tổ dân\u200b phố  Sầm '), 'Tổ dân phố Sầm');
    assert.equal(ShortText(50).parse(NFD), 'Nam Sầm Sơn');
    assert.equal(LongText(100).parse('\n a\r\nb \n'), 'a\nb');
    assert.equal(LongText(100, 0, false).parse('\n a\r\nb \n'), '\n a\nb \n');
    assert.equal(SearchQuery().parse(' nam\u200b sam '), 'nam sam');
    assert.equal(Code(20).parse(' 38.SKHCN '), '38.SKHCN');
  });

  it('count length and emptiness after cleaning', () => {
    assert.equal(Name().safeParse('\u200b\u200b\u200b').success, false);
    assert.equal(LongText(100, 5).safeParse('  \u0020\u0020  ab ').success, false);
    assert.equal(Code(20).safeParse('38 SKHCN').success, false);
  });

  it('name the field in the message', () => {
    const r = Name().safeParse('Lê\u0000Văn');
    assert.equal(r.success, false);
    const issues = issuesOf(r.error!);
    assert.match(issues[0]!.message, /^Trường "\(toàn bộ\)" chứa ký tự điều khiển không hợp lệ \(NUL, U\+0000\)/);
    const draft = planDraftSchema.safeParse({
      document: {
        type: 'KH',
        number: null,
        symbol: null,
        date: null,
        year: null,
        place: null,
        issuer: null,
        issuerParent: null,
        title: 'Kế\u0000 hoạch',
        basis: [],
        signer: null,
        recipients: [],
      },
      sections: [],
      groups: [],
      tasks: [],
      findings: [],
      unplaced: [],
    });
    assert.equal(draft.success, false);
    const [issue] = issuesOf(draft.error!);
    assert.equal(issue!.path, 'document.title');
    assert.match(issue!.message, /^Trường "document\.title" chứa ký tự điều khiển không hợp lệ \(NUL/);
  });
});

describe('imported text', () => {
  it('drops control characters and overrides instead of refusing the file, and keeps the lines', () => {
    assert.equal(scrubImportedText('Kế\u0000 hoạch\u0007\r\nDòng\f2\v3\u202E\t'), 'Kế hoạch\r\nDòng 2 3\t');
    assert.equal(scrubImportedText(NFD), 'Nam Sầm Sơn');
    assert.equal(
      scrubImportedText(`e${'\u0301'.repeat(20)}`),
      `e${'\u0301'.repeat(MAX_MARKS_PER_LETTER)}`.normalize('NFC'),
    );
    assert.equal(scrubImportedText('a\uD800b'), 'a\uFFFDb');
  });

  it('what it gives passes the long-text rule', () => {
    const nasty = `T\u0000ên\u001b \u202Eđơn\u0085 vị\r\n${'\u0301'.repeat(30)}x\uDC00`;
    assert.equal(textProblem(cleanText(scrubImportedText(nasty), 'long'), 'long'), null);
  });
});

describe('file names', () => {
  it('come from the file system: control characters and overrides are dropped, not refused', () => {
    assert.equal(FileName(255).parse(' Kế hoạch\u0000 tuyên\u202E truyền\u200b.docx '), 'Kế hoạch tuyên truyền.docx');
    assert.equal(FileName(255).safeParse('\u0000\u0001').success, false, 'nothing left is an empty name');
  });
});
