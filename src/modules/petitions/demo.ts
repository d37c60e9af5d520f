// Demo petitions in several states, made through the same use cases people use (every row has its audit record):
// one just received at Sở KH&CN, one routed to Nam Sầm Sơn and answered and published, one waiting for its
// sender, one sent to the ward's own Phòng Văn hóa - Xã hội.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_PETITION_SETTINGS } from '../../domain/petitions/settings.ts';
import type { PetitionIntake } from '../../contracts/petitions.ts';
import type { Ctx } from '../context.ts';
import { getUnitByCode } from '../org/index.ts';
import { approveAnswer, draftAnswer } from './use-cases/answer.ts';
import { classifyPetition, requestInformation, routePetition } from './use-cases/handle.ts';
import { submitPetition } from './use-cases/submit.ts';
import * as store from './store.ts';

const SAMPLES: PetitionIntake[] = [
  {
    kind: 'proposal',
    subject: 'Hướng dẫn gắn nhãn nội dung do AI tạo ra (Điều 27)',
    lawReference: 'Luật Trí tuệ nhân tạo, Điều 27',
    content:
      'Đề nghị có hướng dẫn cụ thể việc gắn nhãn nội dung do trí tuệ nhân tạo tạo ra cho hộ kinh doanh nhỏ bán hàng trên mạng.',
    sender: { name: 'Trần Thị Bích Ngọc', email: 'ngoc.tran@example.vn' },
    consent: true,
  },
  {
    kind: 'recommendation',
    subject: 'Thời hạn phân loại rủi ro cho hệ thống đang vận hành',
    content:
      'Kiến nghị làm rõ thời hạn doanh nghiệp phải tự phân loại rủi ro đối với hệ thống trí tuệ nhân tạo đã đưa vào sử dụng trước khi Luật có hiệu lực.',
    sender: {
      name: 'Công ty TNHH Phần mềm Hàm Rồng',
      organisation: 'Công ty TNHH Phần mềm Hàm Rồng',
      phone: '0237 385 1234',
    },
    consent: true,
  },
  {
    kind: 'feedback',
    subject: 'Chưa có đầu mối hướng dẫn về thử nghiệm có kiểm soát',
    content:
      'Phản ánh việc chưa biết liên hệ cơ quan nào ở tỉnh để được hướng dẫn tham gia cơ chế thử nghiệm có kiểm soát theo Luật.',
    sender: { name: 'Lê Văn Hải', address: 'Phường Hạc Thành, tỉnh Thanh Hóa' },
    consent: true,
  },
  {
    kind: 'proposal',
    subject: 'Tập huấn sử dụng AI cho cán bộ phường',
    content: 'Đề xuất phường tổ chức lớp tập huấn ngắn về sử dụng trí tuệ nhân tạo an toàn cho cán bộ bộ phận một cửa.',
    communeCode: '16516',
    sender: { name: 'Nguyễn Văn Bình', phone: '0912 000 111' },
    consent: true,
  },
];

/** Who acts in the demo: Sở KH&CN's officer, the ward's officer and leader (src/demo.ts has them signed in). */
export interface DemoActors {
  skhcn: Ctx;
  wardOfficer: Ctx;
  wardLeader: Ctx;
}

/** Only into a database without petitions. */
export async function seedPetitionDemo(
  db: Kysely<DB>,
  { skhcn, wardOfficer, wardLeader }: DemoActors,
): Promise<boolean> {
  if ((await store.listPetitions(db, { scopeRoots: 'all', limit: 1, offset: 0 })).total) return false;
  const ward = await getUnitByCode(db, '16516');
  if (!ward) return false;
  const settings = { ...DEFAULT_PETITION_SETTINGS, perAddressPerHour: 0, perHour: 0 };
  const anonymous: Ctx = { db, actor: null, ip: 'demo' };
  const codes = [];
  for (const s of SAMPLES) codes.push((await submitPetition(anonymous, s, settings)).code);
  const id = async (code: string) => (await store.getPetitionByCode(db, code))!.id;
  const answered = await id(codes[0]!);
  await classifyPetition(skhcn, answered, { topic: 'guidance', concerns: 'legalDocument', article: 'Điều 27' });
  await routePetition(skhcn, answered, { unitId: ward.id });
  await draftAnswer(
    wardOfficer,
    answered,
    'UBND phường Nam Sầm Sơn phối hợp Sở Khoa học và Công nghệ tổ chức hướng dẫn gắn nhãn nội dung cho hộ kinh doanh trong quý III năm 2026.',
  );
  await approveAnswer(wardLeader, answered, { publish: true });
  await classifyPetition(skhcn, await id(codes[1]!), { topic: 'riskClassification', concerns: 'legalDocument' });
  await requestInformation(
    skhcn,
    await id(codes[2]!),
    'Đề nghị cho biết lĩnh vực và quy mô dự kiến thử nghiệm để chuyển đúng cơ quan hướng dẫn.',
  );
  return true;
}
