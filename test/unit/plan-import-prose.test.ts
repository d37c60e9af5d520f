// The prose reader: lead, coordinators, timeframe and action from one sentence, and agency headings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitRendered } from '../../src/documents/parse/header.ts';
import { isAgencyHeading, readProse } from '../../src/documents/parse/prose.ts';

describe('import: prose tasks', () => {
  it('reads lead, coordinators up to the action, and the timeframe', () => {
    assert.deepEqual(
      readProse(
        'Sở Tư pháp chủ trì, phối hợp với các cơ quan, tổ chức liên quan tổ chức hội nghị; hoàn thành trước ngày 30/6/2026.',
      ),
      {
        lead: 'Sở Tư pháp',
        coordinators: 'các cơ quan, tổ chức liên quan',
        timeframe: 'Trước ngày 30/6/2026',
        action: 'tổ chức hội nghị',
        before: null,
      },
    );
    const named = readProse(
      'Nghị định quy định chi tiết Luật: Bộ Khoa học và Công nghệ chủ trì, phối hợp với Sở Xây dựng xây dựng, trình Chính phủ; thời gian trình: tháng 5/2026.',
    );
    assert.equal(named?.before, 'Nghị định quy định chi tiết Luật');
    assert.equal(named?.coordinators, 'Sở Xây dựng', '"Sở Xây dựng" names a body; "xây dựng" begins the action');
    assert.equal(named?.timeframe, 'Tháng 5/2026');
    assert.equal(
      readProse('Tổ chức tuyên truyền Luật Bộ Tư pháp chủ trì thực hiện; thực hiện thường xuyên.')?.lead,
      'Bộ Tư pháp',
    );
    assert.equal(readProse('Tổ chức hội nghị quán triệt Luật'), null);
  });

  it('knows an agency heading from a task that starts like one', () => {
    for (const t of ['Sở Tư pháp:', 'Công an tỉnh', 'Ủy ban nhân dân các xã, phường', 'Văn phòng HĐND và UBND xã'])
      assert.ok(isAgencyHeading(t), t);
    for (const t of ['Ban hành quy chế phối hợp', 'Hội nghị tổng kết', 'Sở Tư pháp tổ chức hội nghị'])
      assert.ok(!isAgencyHeading(t), t);
  });
});

describe('import: the two header columns rendered on one line', () => {
  it('splits issuer, motto, slogan, number and place by their shapes', () => {
    assert.deepEqual(splitRendered('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), [
      'ỦY BAN NHÂN DÂN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    ]);
    assert.deepEqual(splitRendered('SỞ Y TẾ Độc lập - Tự do - Hạnh phúc'), ['SỞ Y TẾ', 'Độc lập - Tự do - Hạnh phúc']);
    assert.deepEqual(splitRendered('Số: 12/KH-UBND Nghệ An, ngày 5 tháng 3 năm 2026'), [
      'Số: 12/KH-UBND',
      'Nghệ An, ngày 5 tháng 3 năm 2026',
    ]);
    assert.deepEqual(splitRendered('THỦ TƯỚNG CHÍNH PHỦ'), ['THỦ TƯỚNG CHÍNH PHỦ']);
  });
});
