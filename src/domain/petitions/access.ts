// On whose behalf a petition is read, handled and its sender known: the targets the one rule `can()` is asked
// about. Pure.
import type { Target } from '../permissions.ts';

export interface PetitionUnits {
  receivingPath: readonly number[];
  receivingKind: string;
  handlingPath: readonly number[];
  handlingKind: string;
}

/**
 * The units that hold the sender's identity: the receiving and the handling unit, and for an office (Phòng Văn hóa
 * - Xã hội) the commune or ward it belongs to, whose leaders and officers staff it (as notifications reach them).
 */
export function holdersOf(p: PetitionUnits): number[] {
  const ids = new Set<number>();
  for (const [path, kind] of [
    [p.receivingPath, p.receivingKind],
    [p.handlingPath, p.handlingKind],
  ] as const) {
    const id = path.at(-1);
    if (id !== undefined) ids.add(id);
    const parent = path.at(-2);
    if (kind === 'office' && parent !== undefined) ids.add(parent);
  }
  return [...ids];
}

/**
 * Readable by handlers inside the receiving unit's or the handling unit's scope (the receiving unit sees where it
 * went). A published answer reaches the public through the public pages, which carry no personal data.
 */
export function petitionReaders(p: Pick<PetitionUnits, 'receivingPath' | 'handlingPath'>): Target[] {
  return [{ unitPath: p.receivingPath }, { unitPath: p.handlingPath }];
}

/** Handled (classified, routed, drafted, approved) in the handling unit's scope. */
export function handlingTarget(p: PetitionUnits): Target {
  return { unitPath: p.handlingPath };
}

export function identityTarget(p: PetitionUnits): Target {
  return { unitPath: p.handlingPath, holders: holdersOf(p) };
}
