// Công khai: a short note on the law the plans carry out, from the research digest (shared/research/ai-law.md §1).
// The law's name is written as in the law: "Luật Trí tuệ nhân tạo".
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/PageTitle.tsx';
import { paths } from '../../paths.ts';
import { PublicShell } from '../petitions/PublicShell.tsx';
import { PublicFrontNav } from './PublicNav.tsx';

const CHAPTERS = [
  'Quy định chung',
  'Phân loại và quản lý hệ thống trí tuệ nhân tạo theo rủi ro',
  'Phát triển hạ tầng và bảo đảm chủ quyền trí tuệ nhân tạo quốc gia',
  'Ứng dụng trí tuệ nhân tạo, phát triển hệ sinh thái đổi mới sáng tạo và nguồn nhân lực',
  'Đạo đức và trách nhiệm trong hoạt động trí tuệ nhân tạo',
  'Thanh tra, kiểm tra và xử lý vi phạm',
  'Quản lý nhà nước về trí tuệ nhân tạo',
  'Điều khoản thi hành',
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

export function AiLawPage() {
  usePageTitle('Về Luật Trí tuệ nhân tạo');
  return (
    <PublicShell nav={<PublicFrontNav />} navLabel="Trang công khai">
      <Stack gap="md" maw={760}>
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          Về Luật Trí tuệ nhân tạo
        </Title>
        <Text>
          Luật Trí tuệ nhân tạo số 134/2025/QH15 được Quốc hội khóa XV thông qua tại kỳ họp thứ 10 ngày 10/12/2025 và
          được đăng Công báo số 40 ngày 22/01/2026. Luật có hiệu lực thi hành từ ngày 01/03/2026, trừ các nội dung liên
          quan quy định tại Điều 35.
        </Text>
        <Text>
          Luật là luật chuyên ngành duy nhất về trí tuệ nhân tạo: Chương IV (trí tuệ nhân tạo) của Luật Công nghiệp công
          nghệ số (Luật số 71/2025/QH15) được bãi bỏ. Luật quản lý hệ thống trí tuệ nhân tạo theo mức độ rủi ro, phát
          triển hạ tầng và nguồn nhân lực, và quy định trách nhiệm của nhà phát triển, nhà cung cấp và bên triển khai.
        </Text>
        <Text>Luật gồm 8 chương, 35 điều:</Text>
        <List type="ordered" spacing={4} listStyleType="none" withPadding={false}>
          {CHAPTERS.map((c, i) => (
            <List.Item key={c}>
              Chương {ROMAN[i]}. {c}
            </List.Item>
          ))}
        </List>
        <Text>
          Nghị định số 142/2026/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật. Ủy ban nhân dân tỉnh Thanh
          Hóa ban hành kế hoạch thi hành Luật; các xã, phường ban hành kế hoạch của mình để thực hiện. Tiến độ thực hiện
          các kế hoạch được công khai tại{' '}
          <Anchor component={Link} to={paths.publicHome} underline="always">
            trang kế hoạch
          </Anchor>
          .
        </Text>
        <Text size="sm" c="dimmed">
          Văn bản chính thức của Luật: Công báo Chính phủ (congbao.chinhphu.vn) và Cơ sở dữ liệu quốc gia về văn bản
          pháp luật (vbpl.vn).
        </Text>
      </Stack>
    </PublicShell>
  );
}
