import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { TASK_COLUMNS, attachmentLine, renderPlanTasksXlsx } from '../../src/documents/render/plan-xlsx.ts';
import {
  PROVINCE_RENDER_OPTIONS,
  PROVINCE_TASK_LEADS,
  datedProvincePlan,
  provincePlan,
} from '../fixtures/province-plan.ts';

const HEADERS = [
  'STT',
  'Nhiệm vụ',
  'Nội dung',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian thực hiện',
  'Sản phẩm',
  'Ghi chú',
];

function rowTexts(row: ExcelJS.Row): string[] {
  return HEADERS.map((_, i) => String(row.getCell(i + 1).value ?? ''));
}

describe('renderPlanTasksXlsx: province plan', () => {
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  let headerRow = 0;
  before(async () => {
    const buf = await renderPlanTasksXlsx(provincePlan(), PROVINCE_RENDER_OPTIONS);
    wb = new ExcelJS.Workbook();
    // exceljs types its input as its own Buffer interface (an ArrayBuffer), which Node's Buffer does not match.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    ws = wb.worksheets[0]!;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'STT') headerRow = n;
    });
  });

  it('has a title, the trích yếu and the reference to the plan above the table', () => {
    assert.equal(ws.getCell('A1').value, 'DANH MỤC NHIỆM VỤ');
    assert.equal(ws.getCell('A1').font.bold, true);
    assert.equal(ws.getCell('A2').value, 'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa');
    assert.match(
      String(ws.getCell('A3').value),
      /^\(Kèm theo Kế hoạch số +\/KH-UBND ngày +tháng +năm 2026 của Ủy ban nhân dân tỉnh\)$/,
    );
    assert.equal(
      attachmentLine(datedProvincePlan(), PROVINCE_RENDER_OPTIONS.issuerName),
      '(Kèm theo Kế hoạch số 05/KH-UBND ngày 04 tháng 5 năm 2026 của Ủy ban nhân dân tỉnh)',
    );
  });

  it('has a bold, bordered header row, frozen', () => {
    assert.ok(headerRow > 0);
    assert.deepEqual(rowTexts(ws.getRow(headerRow)), HEADERS);
    const cell = ws.getRow(headerRow).getCell(2);
    assert.equal(cell.font.bold, true);
    assert.equal(cell.border.top?.style, 'thin');
    const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
    assert.equal(view.state, 'frozen');
    assert.equal(view.ySplit, headerRow);
  });

  it('has one row per task with its lead unit, and the group heading before 3.1', () => {
    const rows = new Map<string, string[]>();
    const order: string[] = [];
    ws.eachRow((row, n) => {
      if (n <= headerRow) return;
      const values = rowTexts(row);
      rows.set(values[0]!, values);
      order.push(values[0]!);
    });
    assert.deepEqual(order, ['1', '2', '3', '3.1', '3.2', '4', '5']);
    for (const [number, lead] of Object.entries(PROVINCE_TASK_LEADS)) {
      assert.equal(rows.get(number)?.[3], lead, `task ${number}`);
    }
    assert.equal(
      rows.get('3')?.[1],
      'Rà soát, thực hiện các nhiệm vụ quản lý nhà nước được giao trong Luật theo phạm vi nhiệm vụ, quyền hạn được phân công',
    );
    assert.deepEqual(rows.get('2')?.slice(4, 7), [
      'Các cơ quan, tổ chức có liên quan',
      'Thường xuyên',
      'Báo cáo UBND tỉnh kết quả thực hiện',
    ]);
    assert.equal(rows.get('4')?.[4], 'Công an tỉnh và các cơ quan, đơn vị liên quan');
    assert.equal(rows.get('5')?.[5], 'Hàng năm');
  });

  it('uses Times New Roman, wrapped text and set column widths', () => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        assert.equal(cell.font?.name, 'Times New Roman', `${cell.address}`);
      });
    });
    const body = ws.getRow(headerRow + 1).getCell(2);
    assert.equal(body.alignment.wrapText, true);
    TASK_COLUMNS.forEach((c, i) => {
      assert.equal(ws.getColumn(i + 1).width, c.width);
    });
  });

  it('prints on A4 landscape, one page wide, the header row repeated', () => {
    assert.equal(ws.pageSetup.paperSize, 9);
    assert.equal(ws.pageSetup.orientation, 'landscape');
    assert.equal(ws.pageSetup.fitToPage, true);
    assert.equal(ws.pageSetup.fitToWidth, 1);
    assert.equal(ws.pageSetup.printTitlesRow, `${headerRow}:${headerRow}`);
    assert.equal(wb.creator, 'Thi Hành');
  });
});
