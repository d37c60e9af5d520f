// Reads unit names as written in documents ("Sở KH&CN", "Phòng Văn hóa - Xã hội phường", "Các sở, ban, ngành tỉnh")
// and resolves them against the organisation register. Pure: built from UnitEntry[], no I/O.
// The parts live in resolve/ (names, distance, directory, list); this entry keeps one import path for their users.
export { UnitDirectory } from './resolve/directory.ts';
export { boundedDistance } from './resolve/distance.ts';
export { foldSameLength, splitUnitList } from './resolve/list.ts';
export { canonicalName, cleanWritten } from './resolve/names.ts';
export type { MatchHow, ResolveContext, UnitMatch } from './resolve/types.ts';
