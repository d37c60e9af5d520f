// The frame of the public petition pages (no sign-in): the header with the three public addresses.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Anchor, Container, Group, Text } from '@mantine/core';
import { paths } from '../../paths.ts';

export function PublicShell({ children }: { children: ReactNode }) {
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
              <Text fw={700} size="lg" c="thBlue.8">
                Thi Hành
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap" component="nav" aria-label="Kiến nghị">
              <Anchor component={Link} to={paths.publicPetition} size="sm">
                Gửi
              </Anchor>
              <Anchor component={Link} to={paths.publicPetitionFollow()} size="sm">
                Tra cứu
              </Anchor>
              <Anchor component={Link} to={paths.publicPetitionAnswers} size="sm">
                Trả lời
              </Anchor>
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
    </div>
  );
}
