// A browsable tree of units: nested lists, each branch opened by a button (aria-expanded), children loaded
// when opened. Keyboard: Tab moves between the buttons and links; Enter/Space opens or closes a branch.
import { Link } from 'react-router';
import { ActionIcon, Loader, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useUnit } from '../../api/units.ts';
import type { UnitWithCount } from '../../api/types.ts';
import { count } from '../../format.ts';
import { paths } from '../../paths.ts';
import { LoadError } from '../FieldError.tsx';
import { groupChildren } from './grouping.ts';

export interface UnitTreeProps {
  roots: readonly UnitWithCount[];
  expanded: ReadonlySet<number>;
  onToggle: (id: number) => void;
  /** Highlighted (the user's own unit). */
  currentId?: number;
}

export function UnitTree({ roots, expanded, onToggle, currentId }: UnitTreeProps) {
  return (
    <ul className="unit-tree">
      {roots.map((u) => (
        <TreeNode key={u.id} unit={u} expanded={expanded} onToggle={onToggle} currentId={currentId} />
      ))}
    </ul>
  );
}

function TreeNode({ unit, expanded, onToggle, currentId }: { unit: UnitWithCount } & Omit<UnitTreeProps, 'roots'>) {
  const open = expanded.has(unit.id);
  const hasChildren = unit.childCount > 0;
  const listId = `cay-don-vi-${unit.id}`;
  return (
    <li>
      <div className="unit-tree-row">
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            c="dark.6"
            size={36}
            onClick={() => onToggle(unit.id)}
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-label={`${open ? 'Thu gọn' : 'Mở'} ${unit.name}`}
          >
            {open ? <IconChevronDown size={18} aria-hidden /> : <IconChevronRight size={18} aria-hidden />}
          </ActionIcon>
        ) : (
          <span className="unit-tree-spacer" aria-hidden />
        )}
        <Link to={paths.unit(unit.id)} aria-current={unit.id === currentId ? 'true' : undefined}>
          {unit.name}
          {hasChildren ? (
            <Text span size="xs" c="dimmed" ml={6}>
              ({count(unit.childCount, 'đơn vị')})
            </Text>
          ) : null}
          {unit.id === currentId ? (
            <Text span size="xs" c="thBlue.8" fw={600} ml={6}>
              • đơn vị của bạn
            </Text>
          ) : null}
        </Link>
      </div>
      {open && hasChildren ? (
        <Children id={listId} unitId={unit.id} expanded={expanded} onToggle={onToggle} currentId={currentId} />
      ) : null}
    </li>
  );
}

function Children({
  id,
  unitId,
  expanded,
  onToggle,
  currentId,
}: { id: string; unitId: number } & Omit<UnitTreeProps, 'roots'>) {
  const { data, isLoading, error, refetch } = useUnit(unitId);
  if (isLoading) {
    return (
      <ul id={id}>
        <li className="unit-tree-row">
          <Loader size="xs" aria-hidden />{' '}
          <Text size="sm" c="dimmed">
            Đang tải…
          </Text>
        </li>
      </ul>
    );
  }
  if (error || !data)
    return (
      <div id={id}>
        <LoadError error={error} what="các đơn vị trực thuộc" onRetry={() => void refetch()} />
      </div>
    );
  const groups = groupChildren(data.children);
  return (
    <ul id={id}>
      {groups.map((g) => (
        <li key={g.key}>
          {groups.length > 1 ? (
            <div className="unit-tree-group" aria-hidden>
              {g.label}
            </div>
          ) : null}
          <ul style={{ marginLeft: 0, paddingLeft: 0, borderLeft: 0 }} aria-label={g.label}>
            {g.units.map((u) => (
              <TreeNode key={u.id} unit={u} expanded={expanded} onToggle={onToggle} currentId={currentId} />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
