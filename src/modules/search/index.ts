// The search module: one accent-insensitive index of units and plans, written by the modules that own the records.
export { module } from './module.ts';
export {
  indexEntities,
  indexEntity,
  rankedHits,
  searchEntities,
  type RankedHitRow,
  type SearchHit,
  type SearchText,
} from './store.ts';
