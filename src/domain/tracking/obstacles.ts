// Where a unit's khó khăn, vướng mắc and đề xuất, kiến nghị go. Pure.
//
// Each plan names the focal unit that receives them (§IV.1 of both seed plans):
// - the province plan: "các cơ quan, đơn vị kịp thời phản ánh về Sở Khoa học và Công nghệ để tổng hợp, báo cáo UBND
//   tỉnh" → province agencies and communes working on a province task write to the province's focal unit;
// - a ward plan: "phản ánh về qua phòng Văn hóa - Xã hội để tổng hợp, báo cáo UBND phường, Sở Khoa học và Công nghệ
//   tỉnh" → the ward's offices (and the ward itself) working on a ward task write to the ward's focal office.
// So the receiver is the focal unit of the level that issued the plan (the unit whose focal_for_id is the issuer,
// or the nearest ancestor of the issuer that has one). The focal unit does not write to itself: its own obstacles
// go one level up (Phòng VH-XH of a ward → Sở KH&CN), and at the top to the People's Committee it serves
// (Sở KH&CN → UBND tỉnh).

export interface RecipientInput {
  /** The unit raising the obstacle (the assignment's unit). */
  raisingUnitId: number;
  /** Path root → issuer of the plan the task belongs to. */
  issuerPath: readonly number[];
  /** The focal unit of a unit (the unit whose focal_for_id is it), or null. */
  focalOf: (unitId: number) => number | null;
}

export function obstacleRecipient(input: RecipientInput): number {
  const { raisingUnitId, issuerPath, focalOf } = input;
  if (!issuerPath.length) throw new Error('obstacleRecipient: empty issuer path');
  let served: number | null = null;
  for (let i = issuerPath.length - 1; i >= 0; i--) {
    const level = issuerPath[i]!;
    const focal = focalOf(level);
    if (focal === null) continue;
    if (focal !== raisingUnitId) return focal;
    served ??= level;
  }
  return served ?? issuerPath[issuerPath.length - 1]!;
}
