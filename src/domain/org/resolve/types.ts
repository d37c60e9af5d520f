// What resolving a unit name takes and gives.
import type { UnitRef } from '../../plan/model.ts';
import type { UnitEntry } from '../unit.ts';

export interface ResolveContext {
  /**
   * Code of the unit the document belongs to ("16516" for a ward plan). Relative names such as
   * "Phòng Văn hóa - Xã hội phường" or "Công an phường" only make sense inside it.
   */
  withinCode?: string;
}

/** How a name was read; lint uses it to word its spelling findings. */
export type MatchHow = 'exact' | 'case' | 'accent' | 'typo' | 'contains' | 'group' | 'ambiguous' | 'none';

export interface UnitMatch {
  ref: UnitRef;
  how: MatchHow;
  /** The register form the text matched (official name, short form or alias), as stored. */
  matched: string | null;
  /** The register entry, when resolved. */
  entry: UnitEntry | null;
  /**
   * Unresolved because the name is that of an agency of another province ("Sở Tư pháp" in a plan of Nghệ An, where
   * the register holds only Thanh Hóa's): the document's own body exists, the register does not list it.
   */
  elsewhere?: UnitEntry;
  /**
   * Ambiguous because the name is one every commune gives its own office ("Phòng Văn hóa - Xã hội phường", "Công an
   * xã"): it names an office of the document's own commune, which the context does not give.
   */
  relative?: boolean;
}

export interface Key {
  entry: UnitEntry;
  /** The register form as written. */
  form: string;
  /** Canonical form used for matching. */
  canon: string;
  /** A relative form ("Công an phường") is only valid inside this unit's subtree. */
  scope: string | null;
}
