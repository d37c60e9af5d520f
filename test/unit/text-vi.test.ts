// Vietnamese text helpers behind notifications and the web app's summaries (issue 9: "…tuyên truyền.. Đề",
// numbers with a decimal point, dates "2026-12-18" in a notification).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDateVi, formatShareVi, sentence, shorten } from '../../src/domain/text.ts';
import { formatDecimal, formatNumber, formatPercent, formatShare } from '../../web/src/format.ts';

describe('sentence', () => {
  it('adds a full stop only where the writer put none', () => {
    assert.equal(sentence('Thiếu số liệu hội nghị tuyên truyền.'), 'Thiếu số liệu hội nghị tuyên truyền.');
    assert.equal(sentence('Thiếu số liệu hội nghị tuyên truyền'), 'Thiếu số liệu hội nghị tuyên truyền.');
    assert.equal(sentence('  Bổ sung mục II;  '), 'Bổ sung mục II.');
    assert.equal(sentence('Vì sao chưa gửi?'), 'Vì sao chưa gửi?');
    assert.equal(sentence('Xem “Phụ lục 1.”'), 'Xem “Phụ lục 1.”');
    assert.equal(sentence('Còn tiếp…'), 'Còn tiếp…');
    assert.equal(sentence(''), '');
    // In the notification's wording: one stop between the reason and what follows.
    const body = `Sở Khoa học và Công nghệ trả lại báo cáo: ${sentence('Chưa nêu số liệu tuyên truyền.')} Đề nghị hoàn thiện.`;
    assert.doesNotMatch(body, /\.\./);
  });
});

describe('shorten', () => {
  const subject =
    'Đề nghị có hướng dẫn cụ thể việc gắn nhãn nội dung do trí tuệ nhân tạo tạo ra cho hộ kinh doanh nhỏ bán hàng trên mạng.';
  it('keeps a text that fits, cuts a long one after a whole word', () => {
    assert.equal(shorten('Tập huấn sử dụng AI', 200), 'Tập huấn sử dụng AI');
    const s = shorten(subject, 60);
    assert.ok(s.length <= 60, s);
    assert.equal(s, 'Đề nghị có hướng dẫn cụ thể việc gắn nhãn nội dung do trí…');
    assert.ok(subject.startsWith(s.slice(0, -1)));
    // Every cut ends on a whole word of the text.
    const words = new Set(subject.split(/\s+/));
    for (let max = 12; max < subject.length; max += 7) {
      const cut = shorten(subject, max).slice(0, -1).split(' ');
      assert.ok(words.has(cut.at(-1)!) || subject.includes(`${cut.at(-1)!} `), `${max}: ${cut.at(-1)}`);
    }
  });
});

describe('dates and numbers the Vietnamese way', () => {
  it('writes dates dd/mm/yyyy', () => {
    assert.equal(formatDateVi('2026-12-18'), '18/12/2026');
  });
  it('writes decimal commas and grouped thousands (Intl vi-VN) in the web app', () => {
    assert.equal(formatNumber(28450), '28.450');
    assert.equal(formatDecimal(0.7249, 2), '0,72');
    assert.equal(formatPercent(45.5), '45,5%');
    assert.equal(formatShare(0.72), '72%');
    assert.equal(formatShare(0.725, 1), '72,5%');
    // The server's messages say it the way the web app shows it: "độ tin cậy 72%", never "0.72".
    assert.equal(formatShareVi(0.72), '72%');
    assert.equal(formatShareVi(0.725), formatShare(0.725));
  });
});
