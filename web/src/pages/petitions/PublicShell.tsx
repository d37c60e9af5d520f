// The frame of the public pages (no sign-in): the header with the petition addresses, or the links a page gives.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Anchor, Container, Group, Text } from '@mantine/core';
import { paths } from '../../paths.ts';

export function PublicShell({
  children,
  nav,
  navLabel = 'Kiến nghị',
}: {
  children: ReactNode;
  /** The header's links (the petition addresses when not given). */
  nav?: ReactNode;
  navLabel?: string;
}) {
  return (
    <div className="public-shell">
      <a href="#noi-dung-chinh" className="skip-link">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="public-header">
        <Container size="md" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap={8} wrap="nowrap">
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <Text fw={700} size="lg" c="thBlue.8" style={{ whiteSpace: 'nowrap' }}>
                Thi Hành
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap" component="nav" aria-label={navLabel}>
              {nav ?? <PetitionLinks />}
            </Group>
          </Group>
        </Container>
      </header>
      <Container
        size="md"
        component="main"
        id="noi-dung-chinh"
        tabIndex={-1}
        py="md"
        px={{ base: 'sm', sm: 'md' }}
        style={{ outline: 'none' }}
      >
        {children}
      </Container>
      <Container size="md" component="footer" py="md" px={{ base: 'sm', sm: 'md' }}>
        <Group gap="md" component="nav" aria-label="Các trang công khai">
          <Anchor component={Link} to={paths.publicHome} size="sm">
            Kế hoạch thi hành luật
          </Anchor>
          <Anchor component={Link} to={paths.publicDatasets} size="sm">
            Dữ liệu phục vụ AI
          </Anchor>
          <Anchor component={Link} to={paths.publicAiSystems} size="sm">
            Hệ thống AI của cơ quan nhà nước
          </Anchor>
          <Anchor component={Link} to={paths.publicPetitionAnswers} size="sm">
            Trả lời kiến nghị
          </Anchor>
        </Group>
      </Container>
    </div>
  );
}

function PetitionLinks() {
  return (
    <>
      <Anchor component={Link} to={paths.publicPetition} size="sm">
        Gửi
      </Anchor>
      <Anchor component={Link} to={paths.publicPetitionFollow()} size="sm">
        Tra cứu
      </Anchor>
      <Anchor component={Link} to={paths.publicPetitionAnswers} size="sm">
        Trả lời
      </Anchor>
    </>
  );
}
