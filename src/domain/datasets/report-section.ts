// The compiled report's paragraph on the provincial AI database (task 4 of the plan): datasets published, by access
// class, their quality, their delivery to the national database, access granted and files downloaded. Pure.
import { formatCountVi as n } from '../text.ts';

export interface DatasetFigures {
  published: number;
  publishedInYear: number;
  open: number;
  conditional: number;
  commercial: number;
  drafts: number;
  retractedInYear: number;
  avgQuality: number | null;
  synced: number;
  syncFailed: number;
  deliverables: number;
  downloads: number;
  grants: number;
}

export function datasetReportLines(f: DatasetFigures, year: number): string[] {
  if (f.published === 0 && f.drafts === 0)
    return ['Chưa có bộ dữ liệu nào được đưa vào Cơ sở dữ liệu phục vụ trí tuệ nhân tạo của địa phương.'];
  const lines = [
    `Cơ sở dữ liệu phục vụ trí tuệ nhân tạo có ${n(f.published)} bộ dữ liệu đã công bố (dữ liệu mở ${n(f.open)}, mở có điều kiện ${n(f.conditional)}, thương mại ${n(f.commercial)}), trong đó ${n(f.publishedInYear)} bộ công bố trong năm ${year}; ${n(f.drafts)} bộ đang xây dựng.`,
  ];
  if (f.avgQuality !== null)
    lines.push(`Điểm chất lượng dữ liệu bình quân của các tệp đã công bố: ${Math.round(f.avgQuality)}/100.`);
  lines.push(
    `Kết nối Cơ sở dữ liệu quốc gia về trí tuệ nhân tạo: ${n(f.synced)}/${n(f.published)} bộ đã được tiếp nhận` +
      (f.syncFailed ? `, ${n(f.syncFailed)} bộ bị từ chối cần xử lý.` : '.'),
  );
  if (f.grants || f.downloads)
    lines.push(
      `Trong năm đã chấp thuận ${n(f.grants)} đề nghị truy cập; các tệp dữ liệu được tải ${n(f.downloads)} lượt (đều được ghi nhật ký truy cập).`,
    );
  if (f.deliverables) lines.push(`${n(f.deliverables)} bộ dữ liệu được ghi nhận là sản phẩm của nhiệm vụ trong năm.`);
  if (f.retractedInYear) lines.push(`${n(f.retractedInYear)} bộ dữ liệu đã thu hồi trong năm.`);
  return lines;
}
