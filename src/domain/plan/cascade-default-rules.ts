// The default cascade mapping table (cascade.ts, which re-exports it, applies it). Pure data.
import type { CascadeRule } from './cascade.ts';

/** The default table, from the two seed plans and Nghị định 150/2025 (offices of a commune). Editable per province. */
export const DEFAULT_CASCADE_RULES: CascadeRule[] = [
  // Units: provincial agencies → the commune's offices.
  {
    fromCode: '38.SKHCN',
    toOffice: { xã: 'PVHXH', phường: 'PVHXH' },
    note: 'Đơn vị đầu mối: Sở KH&CN → Phòng Văn hóa - Xã hội',
  },
  {
    fromCode: '38.STC',
    toOffice: { xã: 'PKT', phường: 'PKTHTĐT' },
    note: 'Tài chính - kế hoạch thuộc Phòng Kinh tế (xã) / Phòng Kinh tế, Hạ tầng và Đô thị (phường)',
  },
  { fromCode: '38.CAT', toOffice: { xã: 'CA', phường: 'CA' } },
  { fromCode: '38.BCHQS', toOffice: { xã: 'BCHQS', phường: 'BCHQS' } },
  { fromCode: '38.SVHTTDL', toOffice: { xã: 'PVHXH', phường: 'PVHXH' } },
  { fromCode: '38.SNV', toOffice: { xã: 'PVHXH', phường: 'PVHXH' } },
  { fromCode: '38.SYT', toOffice: { xã: 'PVHXH', phường: 'PVHXH' } },
  { fromCode: '38.SGDĐT', toOffice: { xã: 'PVHXH', phường: 'PVHXH' } },
  { fromCode: '38.SDTTG', toOffice: { xã: 'PVHXH', phường: 'PVHXH' } },
  { fromCode: '38.STP', toOffice: { xã: 'VP', phường: 'VP' } },
  { fromCode: '38.VPUBND', toOffice: { xã: 'VP', phường: 'VP' } },
  { fromCode: '38.TTT', toOffice: { xã: 'VP', phường: 'VP' } },
  { fromCode: '38.TTPVHCC', toOffice: { xã: 'TTPVHCC', phường: 'TTPVHCC' } },
  { fromCode: '38.SNNMT', toOffice: { xã: 'PKT', phường: 'PKTHTĐT' } },
  { fromCode: '38.SXD', toOffice: { xã: 'PKT', phường: 'PKTHTĐT' } },
  { fromCode: '38.SCT', toOffice: { xã: 'PKT', phường: 'PKTHTĐT' } },
  { fromCode: '38.UBMTTQ', toOffice: { xã: 'MTTQ', phường: 'MTTQ' } },
  {
    fromCode: 'TW.BKHCN',
    toText: '{dauMoi}',
    note: 'Tỉnh báo cáo Bộ KH&CN; xã, phường báo cáo đơn vị đầu mối của tỉnh (Sở KH&CN)',
  },
  // Groups of units.
  { fromText: 'Các sở, ban, ngành tỉnh', toText: 'Các phòng, ban, đơn vị thuộc UBND {loai}' },
  { fromText: 'các sở, ban, ngành cấp tỉnh', toText: 'các phòng, ban, đơn vị thuộc UBND {loai}' },
  { fromText: 'các sở, ban, ngành', toText: 'các phòng, ban, đơn vị thuộc UBND {loai}' },
  {
    fromCode: '38.BĐPTTH',
    toText: '',
    note: 'Cơ quan báo chí của tỉnh: cấp xã không có; tin, bài của xã, phường đăng trên trang thông tin điện tử, nền tảng số của mình (xem Sản phẩm)',
  },
  {
    fromText: 'Báo và Phát thanh - Truyền hình Thanh Hóa',
    toText: '',
    note: 'Cơ quan báo chí của tỉnh: cấp xã không có; tin, bài của xã, phường đăng trên trang thông tin điện tử, nền tảng số của mình (xem Sản phẩm)',
  },
  { fromText: 'UBND các xã, phường', toText: 'các {thon}' },
  { fromText: 'Ủy ban nhân dân các xã, phường', toText: 'các {thon}' },
  // Place and level in running text. The province named in full stays the province ("UBND tỉnh Thanh Hóa").
  { fromText: 'UBND tỉnh Thanh Hóa', toText: 'UBND tỉnh Thanh Hóa', textOnly: true },
  { fromText: 'Ủy ban nhân dân tỉnh Thanh Hóa', toText: 'Ủy ban nhân dân tỉnh Thanh Hóa', textOnly: true },
  { fromText: 'trên địa bàn tỉnh Thanh Hóa', toText: 'trên địa bàn {loai} {ten}', textOnly: true },
  { fromText: 'Báo cáo UBND tỉnh', toText: 'Báo cáo UBND {loai}', textOnly: true },
  { fromText: 'của UBND tỉnh và', toText: 'của UBND {loai} và', textOnly: true },
  { fromText: 'xã hội của tỉnh', toText: 'xã hội của {loai}', textOnly: true },
  { fromText: 'điều kiện thực tiễn của tỉnh', toText: 'điều kiện thực tiễn của {loai}', textOnly: true },
  { fromText: 'ngân sách của tỉnh', toText: 'ngân sách của {loai}', textOnly: true },
  { fromText: 'Chủ tịch UBND tỉnh', toText: 'Chủ tịch UBND {loai}', textOnly: true, in: ['sections'] },
  {
    fromText: 'Chủ tịch Ủy ban nhân dân tỉnh',
    toText: 'Chủ tịch Ủy ban nhân dân {loai}',
    textOnly: true,
    in: ['sections'],
  },
  { fromText: 'UBND tỉnh', toText: 'UBND {loai}', textOnly: true, in: ['sections'] },
  { fromText: 'Ủy ban nhân dân tỉnh', toText: 'Ủy ban nhân dân {loai}', textOnly: true, in: ['sections'] },
  {
    fromText: 'Giám đốc các sở, thủ trưởng các ban, ngành, đơn vị cấp tỉnh; Chủ tịch UBND các xã, phường,',
    toText: 'Thủ trưởng các phòng, ban, cơ quan, đơn vị thuộc UBND {loai}',
    textOnly: true,
    in: ['sections'],
  },
  {
    fromText: 'Giám đốc các sở, thủ trưởng các ban, ngành, đơn vị cấp tỉnh; Chủ tịch UBND các xã, phường',
    toText: 'Thủ trưởng các phòng, ban, cơ quan, đơn vị thuộc UBND {loai}',
    textOnly: true,
    in: ['sections'],
  },
  {
    fromText: 'các cơ quan, đơn vị, địa phương',
    toText: 'các phòng, ban, cơ quan, đơn vị',
    textOnly: true,
    in: ['sections'],
  },
  {
    fromText: 'các ngành, đơn vị',
    toText: 'các phòng, ban, cơ quan, đơn vị',
    textOnly: true,
    in: ['sections'],
    note: 'Cấp xã không có "ngành": phân công cho các phòng, ban',
  },
  {
    fromText: 'các cơ quan, đơn vị thuộc chính quyền cấp cơ sở',
    toText: 'các cơ quan, đơn vị',
    textOnly: true,
    in: ['sections'],
    note: 'Ở tỉnh: ngân sách của cấp xã; ở xã, phường chính là ngân sách của mình',
  },
  // What a commune does where the province builds.
  {
    fromText:
      'Xây dựng Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa, cập nhật và kết nối thống nhất với Cơ sở dữ liệu quốc gia về trí tuệ nhân tạo',
    toText: 'Cung cấp thông tin phục vụ Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa',
    textOnly: true,
    note: 'Cấp xã cung cấp thông tin, không xây dựng cơ sở dữ liệu',
  },
  {
    fromText: 'Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa',
    toText: 'Thông tin cung cấp cho Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa',
    textOnly: true,
    in: ['deliverables'],
  },
  {
    fromText: 'Xây dựng hướng dẫn chuyên ngành',
    toText: 'Triển khai hướng dẫn chuyên ngành',
    textOnly: true,
    note: 'Cấp xã triển khai hướng dẫn của cấp trên',
  },
  {
    fromText: 'các bài đăng trên báo',
    toText: 'các tin, bài đăng trên trang thông tin điện tử, nền tảng số của {loai}',
    textOnly: true,
    in: ['deliverables'],
    note: 'Xã, phường không có báo, tạp chí riêng',
  },
  { fromText: 'tạp chí', toText: '', textOnly: true, in: ['deliverables'] },
];
