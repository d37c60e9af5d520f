import { Link } from 'react-router';
import { Group, Text } from '@mantine/core';
import type { UnitSearchHit } from '../../api/types.ts';
import { unitStatusLabel } from '../../format.ts';
import { paths } from '../../paths.ts';
import { matchNote } from '../unitMatch.ts';
import { StatusBadge } from '../StatusBadge.tsx';

/** Search hits as a list of links, best match first. */
export function UnitSearchResults({ hits }: { hits: readonly UnitSearchHit[] }) {
  return (
    <ul className="tap-list" aria-label="Kết quả tìm kiếm">
      {hits.map((u) => {
        const note = matchNote(u);
        return (
          <li key={u.id}>
            <Link to={paths.unit(u.id)}>
              <Group gap={6} wrap="nowrap" align="baseline">
                <Text className="tap-title" fw={600} c="thBlue.8" style={{ overflowWrap: 'anywhere' }}>
                  {u.name}
                </Text>
                {u.status !== 'active' ? (
                  <StatusBadge size="sm" tone="gray">
                    {unitStatusLabel(u.status)}
                  </StatusBadge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed">
                {u.kindLabel}
                {u.parentName ? ` · thuộc ${u.parentName}` : ''} · mã {u.code}
              </Text>
              {note ? (
                <Text size="sm" fs="italic" c="dark.6">
                  {note}
                </Text>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
