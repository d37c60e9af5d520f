// The unit a list page is filtered by (from its address), as the unit picker shows it.
import { useState } from 'react';
import { useUnit } from '../api/units.ts';
import type { UnitChoice } from './UnitSearch.tsx';

/**
 * The loaded unit; while a newly picked unit loads, the choice itself (so the picker does not empty in between);
 * otherwise `fallback` when it is that unit (the user's own, known without loading). Call `remember` with what the
 * user picked, next to writing it into the address.
 */
export function useUnitChoice(unitId: number | null, fallback: UnitChoice | null = null) {
  const unit = useUnit(unitId);
  const [picked, remember] = useState<UnitChoice | null>(null);
  const loaded: UnitChoice | null = unit.data
    ? {
        id: unit.data.unit.id,
        name: unit.data.unit.name,
        code: unit.data.unit.code,
        kindLabel: unit.data.unit.kindLabel,
      }
    : null;
  const choice = loaded ?? [picked, fallback].find((c) => c !== null && c.id === unitId) ?? null;
  return { unit, choice, remember };
}
