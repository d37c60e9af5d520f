// Demo content of the provincial AI database, through the same use cases people use (files are read in the worker
// pool, every row has its audit record, published entries wait in the outbox for the national node):
// - Sở KH&CN: an open, labelled question-and-answer set on administrative procedures (for a citizen chatbot),
//   published; a conditional set of de-identified petitions, published, with a ward's access request waiting;
// - phường Nam Sầm Sơn: open monthly figures of its one-stop desk, published; a draft list of household businesses
//   whose CSV still holds the owners' citizen ID numbers, so a leader can try the publishing rule and masking.
import type { DatasetInput } from '../../contracts/datasets.ts';
import type { Ctx } from '../context.ts';
import { getUnitByCode } from '../org/index.ts';
import { requestAccess } from './use-cases/access.ts';
import { createDataset, type DeliveryOptions } from './use-cases/catalogue.ts';
import { publishDataset } from './use-cases/publish.ts';
import { addResource } from './use-cases/resources.ts';

const csv = (rows: Array<Array<string | number>>) =>
  rows
    .map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(','))
    .join('\n');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Questions people ask at the one-stop desk, each labelled with its field and procedure. */
const QUESTIONS: Array<[string, string, string, string]> = [
  [
    'Hộ tịch',
    'Đăng ký khai sinh cần những giấy tờ gì?',
    'Tờ khai theo mẫu và giấy chứng sinh; nộp trực tuyến hoặc tại bộ phận Một cửa.',
    'Đăng ký khai sinh',
  ],
  [
    'Hộ tịch',
    'Đăng ký khai sinh quá hạn có bị phạt không?',
    'Vẫn được đăng ký; cán bộ hướng dẫn thủ tục đăng ký khai sinh quá hạn.',
    'Đăng ký khai sinh',
  ],
  [
    'Hộ tịch',
    'Bao lâu thì có giấy chứng nhận kết hôn?',
    'Ngay trong ngày nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh không quá 05 ngày làm việc.',
    'Đăng ký kết hôn',
  ],
  [
    'Hộ tịch',
    'Xin trích lục khai tử ở đâu?',
    'Tại UBND cấp xã nơi đã đăng ký khai tử hoặc nộp trực tuyến trên Cổng Dịch vụ công.',
    'Cấp bản sao trích lục hộ tịch',
  ],
  [
    'Hộ tịch',
    'Thay đổi họ, chữ đệm cho con chưa thành niên thế nào?',
    'Cha, mẹ nộp tờ khai và giấy tờ chứng minh; con từ đủ 9 tuổi phải có ý kiến đồng ý.',
    'Đăng ký thay đổi, cải chính hộ tịch',
  ],
  [
    'Chứng thực',
    'Chứng thực bản sao từ bản chính mất phí bao nhiêu?',
    '2.000 đồng một trang; từ trang thứ ba trở đi 1.000 đồng một trang, tối đa 200.000 đồng một bản.',
    'Chứng thực bản sao từ bản chính',
  ],
  [
    'Chứng thực',
    'Có chứng thực chữ ký trên giấy ủy quyền được không?',
    'Được, nếu việc ủy quyền không có thù lao và không liên quan đến chuyển quyền sở hữu tài sản.',
    'Chứng thực chữ ký',
  ],
  [
    'Chứng thực',
    'Chứng thực hợp đồng mua bán xe máy ở đâu?',
    'Tại UBND cấp xã hoặc tổ chức hành nghề công chứng.',
    'Chứng thực hợp đồng, giao dịch',
  ],
  [
    'Đất đai',
    'Thủ tục cấp lại Giấy chứng nhận bị mất?',
    'Nộp đơn đề nghị cấp lại; sau 15 ngày niêm yết thông báo mất mà không có tranh chấp thì được xem xét cấp lại.',
    'Cấp lại Giấy chứng nhận quyền sử dụng đất',
  ],
  [
    'Đất đai',
    'Tách thửa đất cần điều kiện gì?',
    'Thửa đất mới phải đạt diện tích tối thiểu theo quy định của UBND tỉnh và có lối đi.',
    'Tách thửa, hợp thửa đất',
  ],
  [
    'Đất đai',
    'Đăng ký biến động khi thừa kế quyền sử dụng đất?',
    'Nộp văn bản khai nhận thừa kế đã công chứng cùng Giấy chứng nhận tại bộ phận Một cửa.',
    'Đăng ký biến động đất đai',
  ],
  [
    'Xây dựng',
    'Sửa nhà ở riêng lẻ có cần giấy phép xây dựng không?',
    'Không cần nếu chỉ sửa chữa bên trong, không làm thay đổi kết cấu chịu lực và công năng.',
    'Cấp giấy phép xây dựng',
  ],
  [
    'Xây dựng',
    'Thời hạn cấp giấy phép xây dựng nhà ở là bao lâu?',
    'Không quá 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.',
    'Cấp giấy phép xây dựng',
  ],
  [
    'Kinh doanh',
    'Đăng ký hộ kinh doanh cần những gì?',
    'Giấy đề nghị đăng ký hộ kinh doanh và bản sao giấy tờ pháp lý của chủ hộ.',
    'Đăng ký thành lập hộ kinh doanh',
  ],
  [
    'Kinh doanh',
    'Tạm ngừng kinh doanh hộ cá thể thế nào?',
    'Gửi thông báo tạm ngừng kinh doanh ít nhất 03 ngày làm việc trước ngày tạm ngừng.',
    'Tạm ngừng hoạt động hộ kinh doanh',
  ],
  [
    'Kinh doanh',
    'Hộ kinh doanh ăn uống có cần giấy chứng nhận an toàn thực phẩm?',
    'Cơ sở nhỏ lẻ ký cam kết bảo đảm an toàn thực phẩm với UBND cấp xã.',
    'Cam kết bảo đảm an toàn thực phẩm',
  ],
  [
    'Lao động, xã hội',
    'Đề nghị trợ cấp xã hội hằng tháng cho người cao tuổi?',
    'Người từ đủ 75 tuổi không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng được xét hưởng.',
    'Trợ cấp xã hội hằng tháng',
  ],
  [
    'Lao động, xã hội',
    'Xác nhận hộ nghèo, hộ cận nghèo làm ở đâu?',
    'UBND cấp xã rà soát và cấp giấy xác nhận theo danh sách đã được phê duyệt.',
    'Xác nhận hộ nghèo, hộ cận nghèo',
  ],
  [
    'Lao động, xã hội',
    'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội?',
    'Gia đình nộp tờ khai đề nghị hỗ trợ chi phí mai táng kèm giấy chứng tử.',
    'Hỗ trợ chi phí mai táng',
  ],
  [
    'Giáo dục',
    'Chuyển trường cho học sinh tiểu học thế nào?',
    'Cha, mẹ làm đơn; trường nơi đi và trường nơi đến xác nhận theo hướng dẫn của ngành giáo dục.',
    'Chuyển trường đối với học sinh tiểu học',
  ],
  [
    'Giáo dục',
    'Miễn, giảm học phí cho học sinh thuộc hộ nghèo?',
    'Nộp đơn và giấy xác nhận hộ nghèo cho nhà trường trong 45 ngày đầu học kỳ.',
    'Miễn, giảm học phí',
  ],
  [
    'Cư trú',
    'Đăng ký thường trú vào nhà thuê cần gì?',
    'Tờ khai thay đổi thông tin cư trú và hợp đồng thuê có xác nhận; nộp tại Công an cấp xã.',
    'Đăng ký thường trú',
  ],
  [
    'Cư trú',
    'Khai báo tạm vắng khi nào?',
    'Khi đi khỏi nơi thường trú từ 12 tháng liên tục trở lên hoặc theo quy định đối với một số đối tượng.',
    'Khai báo tạm vắng',
  ],
  [
    'Tôn giáo, văn hóa',
    'Đăng ký tổ chức lễ hội truyền thống ở phường?',
    'Gửi văn bản thông báo tổ chức lễ hội đến UBND cấp xã ít nhất 20 ngày trước ngày tổ chức.',
    'Thông báo tổ chức lễ hội',
  ],
  [
    'Tôn giáo, văn hóa',
    'Đăng ký hoạt động tín ngưỡng hằng năm?',
    'Người đại diện cơ sở tín ngưỡng gửi văn bản đăng ký trước ngày 15 tháng 10 hằng năm.',
    'Đăng ký hoạt động tín ngưỡng',
  ],
  [
    'Khiếu nại, tố cáo',
    'Gửi phản ánh về thái độ phục vụ của cán bộ ở đâu?',
    'Qua hộp thư góp ý, đường dây nóng hoặc mục phản ánh, kiến nghị trên Cổng Dịch vụ công.',
    'Tiếp nhận phản ánh, kiến nghị',
  ],
  [
    'Khiếu nại, tố cáo',
    'Thời hạn giải quyết khiếu nại lần đầu?',
    'Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 45 ngày.',
    'Giải quyết khiếu nại lần đầu',
  ],
  [
    'Nông nghiệp',
    'Hỗ trợ thiệt hại do thiên tai cho cây trồng?',
    'UBND cấp xã tổng hợp thiệt hại, lập danh sách đề nghị hỗ trợ trong thời hạn quy định.',
    'Hỗ trợ khôi phục sản xuất',
  ],
  [
    'Y tế',
    'Cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi?',
    'Được cấp khi đăng ký khai sinh qua liên thông; không phải nộp hồ sơ riêng.',
    'Liên thông khai sinh, thường trú, cấp thẻ BHYT',
  ],
  [
    'Dịch vụ công trực tuyến',
    'Quên mật khẩu tài khoản định danh điện tử thì làm sao?',
    'Dùng chức năng quên mật khẩu trên ứng dụng VNeID hoặc đến Công an cấp xã để được hỗ trợ.',
    'Hỗ trợ tài khoản định danh điện tử',
  ],
];

function questionsCsv(): string {
  return csv([
    ['ma_cau_hoi', 'linh_vuc', 'cau_hoi', 'cau_tra_loi_tom_tat', 'thu_tuc_lien_quan', 'nhan_y_dinh'],
    ...QUESTIONS.map(([field, q, a, procedure], i) => [
      `HD-${String(i + 1).padStart(3, '0')}`,
      field,
      q,
      a,
      procedure,
      /bao lâu|thời hạn|khi nào/i.test(q) ? 'hoi_thoi_han' : /phí/i.test(q) ? 'hoi_le_phi' : 'hoi_ho_so',
    ]),
  ]);
}

/** The ward's one-stop desk, month by month in 2025: figures only, made up but consistent (on time + late = done). */
function deskFiguresCsv(): string {
  const fields = ['Hộ tịch', 'Chứng thực', 'Đất đai', 'Xây dựng', 'Kinh doanh', 'Lao động, xã hội'];
  const rows: Array<Array<string | number>> = [
    ['thang', 'linh_vuc', 'ho_so_tiep_nhan', 'ho_so_truc_tuyen', 'da_giai_quyet', 'dung_han', 'qua_han'],
  ];
  for (let m = 1; m <= 12; m++)
    fields.forEach((f, i) => {
      const received = 40 + ((m * 37 + i * 53) % 90);
      const online = Math.round(received * (0.35 + ((m + i) % 6) * 0.08));
      const done = received - ((m + i) % 4);
      const late = (m * 3 + i) % 5 === 0 ? 1 + (i % 2) : 0;
      rows.push([`2025-${String(m).padStart(2, '0')}`, f, received, online, done, done - late, late]);
    });
  return csv(rows);
}

/** Petitions of 2025 with the sender removed and the text cut to its subject: shared under conditions only. */
function petitionsCsv(communeCodes: readonly string[]): string {
  const subjects = [
    ['Đất đai', 'Chậm cấp Giấy chứng nhận quyền sử dụng đất'],
    ['Môi trường', 'Rác thải tồn đọng tại điểm tập kết'],
    ['Giao thông', 'Đèn chiếu sáng đường liên thôn hỏng'],
    ['Hộ tịch', 'Hướng dẫn hồ sơ chưa thống nhất giữa các lần nộp'],
    ['Chính sách xã hội', 'Chậm chi trả trợ cấp hằng tháng'],
    ['Dịch vụ công', 'Không nộp được hồ sơ trực tuyến vào cuối tuần'],
  ];
  const outcomes = ['Đã trả lời', 'Đã giải quyết', 'Chuyển cơ quan có thẩm quyền', 'Đã trả lời'];
  const rows: Array<Array<string | number>> = [
    ['ma_phan_anh', 'thang_tiep_nhan', 'ma_xa', 'linh_vuc', 'tom_tat', 'so_ngay_xu_ly', 'ket_qua'],
  ];
  for (let i = 0; i < 60; i++) {
    const [field, subject] = subjects[i % subjects.length] as [string, string];
    rows.push([
      `PA-2025-${String(i + 1).padStart(4, '0')}`,
      `2025-${String(1 + (i % 12)).padStart(2, '0')}`,
      communeCodes[(i * 7) % communeCodes.length] ?? '',
      field,
      subject,
      3 + ((i * 11) % 25),
      outcomes[i % outcomes.length] as string,
    ]);
  }
  return csv(rows);
}

/** A ward's household businesses, with the owner's citizen ID still in the file (the publishing rule stops it). */
function householdsCsv(): string {
  const trades = ['Bán lẻ tạp hóa', 'Ăn uống', 'Dịch vụ lưu trú', 'Sửa chữa xe máy', 'Bán hải sản khô'];
  const rows: Array<Array<string | number>> = [['ma_ho', 'nganh_nghe', 'so_cccd_chu_ho', 'nam_dang_ky', 'so_lao_dong']];
  for (let i = 1; i <= 36; i++)
    rows.push([
      `HKD-16516-${String(i).padStart(3, '0')}`,
      trades[i % trades.length] as string,
      `038${i % 2}${String(70 + (i % 25)).padStart(2, '0')}${String(100000 + i * 7919).slice(-6)}`,
      2015 + (i % 11),
      1 + (i % 6),
    ]);
  return csv(rows);
}

const CONTACT = {
  contactName: 'Phòng Chuyển đổi số, Sở Khoa học và Công nghệ',
  contactEmail: 'cds.skhcn@thanhhoa.gov.vn',
  contactPhone: '0237 3852 369',
};

const BASE: Omit<DatasetInput, 'unitId' | 'title' | 'description' | 'sector' | 'accessClass'> = {
  keywords: [],
  licence: '',
  purposeLimits: '',
  updateFrequency: 'irregular',
  temporalStart: null,
  temporalEnd: null,
  spatialUnitIds: [],
  standards: '',
  legalBasis:
    'Luật Trí tuệ nhân tạo số 134/2025/QH15; Nghị định số 142/2026/NĐ-CP; Kế hoạch số 129/KH-UBND ngày 04/05/2026 của UBND tỉnh Thanh Hóa.',
  ...CONTACT,
  accessMethods: ['download'],
  labelling: 'none',
  labellingNote: '',
  internalNotes: '',
  changeNote: 'Tạo mới',
};

type Actors = Record<'skhcnOfficer' | 'skhcnLeader' | 'wardOfficer' | 'wardLeader', Ctx>;

async function seedProvinceDatasets(a: Actors, skhcnId: number, o: DeliveryOptions): Promise<void> {
  const { skhcnOfficer, skhcnLeader, wardOfficer } = a;

  const faq = await createDataset(skhcnOfficer, {
    ...BASE,
    unitId: skhcnId,
    title: 'Bộ câu hỏi - đáp về thủ tục hành chính cấp xã đã gán nhãn',
    description:
      'Câu hỏi thường gặp của người dân tại bộ phận Một cửa cấp xã, mỗi câu gắn lĩnh vực, thủ tục liên quan và nhãn ý định; dùng để huấn luyện, đánh giá trợ lý ảo hành chính công.',
    sector: 'hanh-chinh-cong',
    keywords: ['thủ tục hành chính', 'hỏi đáp', 'trợ lý ảo', 'gán nhãn'],
    accessClass: 'open',
    licence: 'Giấy phép dữ liệu mở của tỉnh Thanh Hóa: được sử dụng, chia sẻ, ghi rõ nguồn.',
    updateFrequency: 'quarterly',
    temporalStart: '2025-01-01',
    standards: 'CSV UTF-8; bảng mã lĩnh vực theo Cơ sở dữ liệu quốc gia về thủ tục hành chính.',
    accessMethods: ['download', 'api'],
    labelling: 'complete',
    labellingNote: 'Nhãn lĩnh vực và nhãn ý định do cán bộ Một cửa gán, Sở KH&CN rà soát.',
  });
  await addResource(
    skhcnOfficer,
    faq.id,
    { filename: 'hoi-dap-thu-tuc-hanh-chinh.csv', contentBase64: b64(questionsCsv()) },
    o,
  );
  await publishDataset(skhcnLeader, faq.id, o);

  const petitions = await createDataset(skhcnOfficer, {
    ...BASE,
    unitId: skhcnId,
    title: 'Phản ánh, kiến nghị của người dân năm 2025 đã khử định danh',
    description:
      'Phản ánh, kiến nghị về thủ tục hành chính và dịch vụ công năm 2025: lĩnh vực, tóm tắt nội dung, xã, phường, thời gian xử lý và kết quả; đã bỏ thông tin người gửi.',
    sector: 'hanh-chinh-cong',
    keywords: ['phản ánh', 'kiến nghị', 'khử định danh'],
    accessClass: 'conditional',
    licence: 'Chỉ dùng cho nghiên cứu, phát triển ứng dụng phục vụ cải cách hành chính; không tái chia sẻ.',
    purposeLimits: 'Không dùng để xác định lại danh tính người gửi; không kết hợp với dữ liệu dân cư.',
    updateFrequency: 'yearly',
    temporalStart: '2025-01-01',
    temporalEnd: '2025-12-31',
    accessMethods: ['download', 'secureEnvironment'],
    labelling: 'partial',
    labellingNote: 'Gán nhãn lĩnh vực; chưa gán nhãn cảm xúc.',
  });
  await addResource(
    skhcnOfficer,
    petitions.id,
    { filename: 'phan-anh-kien-nghi-2025.csv', contentBase64: b64(petitionsCsv(['16516', '14797', '16498', '16510'])) },
    o,
  );
  await publishDataset(skhcnLeader, petitions.id, o);
  await requestAccess(wardOfficer, petitions.id, {
    organisation: 'UBND phường Nam Sầm Sơn',
    purpose: 'Phân tích các lĩnh vực bị phản ánh nhiều để cải tiến hướng dẫn tại bộ phận Một cửa.',
    intendedUse: 'Thống kê theo lĩnh vực và thời gian xử lý; không tái chia sẻ.',
    durationDays: 90,
  });
}

async function seedWardDatasets(a: Actors, wardId: number, o: DeliveryOptions): Promise<void> {
  const { wardOfficer, wardLeader } = a;

  const desk = await createDataset(wardOfficer, {
    ...BASE,
    unitId: wardId,
    title: 'Số liệu tiếp nhận, giải quyết hồ sơ tại bộ phận Một cửa phường Nam Sầm Sơn năm 2025',
    description: 'Số hồ sơ tiếp nhận, nộp trực tuyến, đã giải quyết, đúng hạn và quá hạn theo tháng và lĩnh vực.',
    sector: 'hanh-chinh-cong',
    keywords: ['một cửa', 'hồ sơ', 'đúng hạn'],
    accessClass: 'open',
    licence: 'Giấy phép dữ liệu mở của tỉnh Thanh Hóa: được sử dụng, chia sẻ, ghi rõ nguồn.',
    updateFrequency: 'monthly',
    temporalStart: '2025-01-01',
    temporalEnd: '2025-12-31',
    spatialUnitIds: [wardId],
    contactName: 'Văn phòng HĐND và UBND phường Nam Sầm Sơn',
    contactEmail: 'namsamson@thanhhoa.gov.vn',
    contactPhone: '',
  });
  await addResource(wardOfficer, desk.id, { filename: 'mot-cua-2025.csv', contentBase64: b64(deskFiguresCsv()) }, o);
  await publishDataset(wardLeader, desk.id, o);

  const households = await createDataset(wardOfficer, {
    ...BASE,
    unitId: wardId,
    title: 'Danh sách hộ kinh doanh cá thể phường Nam Sầm Sơn',
    description: 'Hộ kinh doanh đăng ký trên địa bàn phường: ngành nghề, năm đăng ký, số lao động.',
    sector: 'doanh-nghiep-thuong-mai',
    keywords: ['hộ kinh doanh'],
    accessClass: 'open',
    updateFrequency: 'yearly',
    spatialUnitIds: [wardId],
    contactName: 'Văn phòng HĐND và UBND phường Nam Sầm Sơn',
    contactEmail: 'namsamson@thanhhoa.gov.vn',
    contactPhone: '',
    internalNotes: 'Cần che cột số CCCD trước khi trình công bố.',
  });
  await addResource(
    wardOfficer,
    households.id,
    { filename: 'ho-kinh-doanh.csv', contentBase64: b64(householdsCsv()) },
    o,
  );
}

export async function seedDatasetsDemo(ctxOf: (username: string) => Promise<Ctx>, o: DeliveryOptions): Promise<void> {
  const skhcnOfficer = await ctxOf('skhcn.chuyenvien');
  const skhcnLeader = await ctxOf('skhcn.lanhdao');
  const wardOfficer = await ctxOf('namsamson.chuyenvien');
  const wardLeader = await ctxOf('namsamson.lanhdao');
  const [skhcn, ward] = await Promise.all([
    getUnitByCode(skhcnOfficer.db, '38.SKHCN'),
    getUnitByCode(skhcnOfficer.db, '16516'),
  ]);
  if (!skhcn || !ward) throw new Error('demo: Sở KH&CN or phường Nam Sầm Sơn missing');
  const actors = { skhcnOfficer, skhcnLeader, wardOfficer, wardLeader };
  await seedProvinceDatasets(actors, skhcn.id, o);
  await seedWardDatasets(actors, ward.id, o);
}
