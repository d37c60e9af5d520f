// How a unit signs and files its documents (Nghị định 30/2020, Điều 13 and Phụ lục I ô 7, 9b): the people who may sign
// for it with their title and authority, the division named in "Lưu: VT, <division>.", the abbreviation its document
// symbols carry ("BC-UBND"). Pure: the unit's settings when it has them, the register's rule when it has none.
import { invalid, type FieldIssue } from '../errors.ts';
import { normalizeText } from '../text.ts';

/** TM. (on behalf of the collective), KT. (a deputy for the head), Q. (acting head), none (in one's own title). */
export const SIGNING_AUTHORITIES = ['TM', 'KT', 'Q', 'none'] as const;
export type SigningAuthority = (typeof SIGNING_AUTHORITIES)[number];

export const SIGNING_AUTHORITY_LABEL: Record<SigningAuthority, string> = {
  TM: 'TM. (thay mặt)',
  KT: 'KT. (ký thay)',
  Q: 'Q. (quyền)',
  none: 'Theo chức vụ',
};

/** One person who may sign for a unit. `key` stays the same while the entry is kept, so a pick names it. */
export interface UnitSigner {
  key: number;
  /** Position as printed, upper case: "PHÓ CHỦ TỊCH", "GIÁM ĐỐC". */
  title: string;
  /** Full name without degrees or honorifics [ND30 II.7b]: "Nguyễn Văn A". */
  name: string;
  authority: SigningAuthority;
  isDefault: boolean;
}

export interface UnitDocumentSettings {
  signers: UnitSigner[];
  /** Short name of the drafting division in the filing line: "VP", "KHCN"; null = the register's rule. */
  draftingDivision: string | null;
  /** The issuer part of document symbols: "UBND" in "BC-UBND", "SKHCN" in "BC-SKHCN"; null = the rule. */
  symbolSuffix: string | null;
}

export const EMPTY_DOCUMENT_SETTINGS: UnitDocumentSettings = {
  signers: [],
  draftingDivision: null,
  symbolSuffix: null,
};

/**
 * What a document prints in its signature block, kept with the document when it is approved or issued so that every
 * later export prints the same block: the authority and title lines, the name, and where it came from.
 */
export interface SignerBlock {
  lines: string[];
  name: string | null;
  /** The unit's signer it was made from (null: the register's rule). */
  signerKey: number | null;
  authority: SigningAuthority | null;
}

/**
 * A document with a type name (Kế hoạch, Báo cáo: Mẫu 1.4) of a collective body is signed on its behalf (TM.), and a
 * deputy's or an acting head's signature sits under that line; a công văn (Mẫu 1.5) is signed "KT. CHỦ TỊCH / PHÓ
 * CHỦ TỊCH" without it [ND30 Điều 13; research A.4, A.6].
 */
export type DocumentForm = 'named' | 'letter';

/** What signing needs of the issuing unit: its kind and name in the register. */
export interface SigningUnit {
  kind: string;
  name: string;
}

const upper = (s: string) => normalizeText(s).toLocaleUpperCase('vi');

/** People's Committees work collectively: their documents are signed "TM. ỦY BAN NHÂN DÂN". */
export function isCollective(unit: Pick<SigningUnit, 'kind'>): boolean {
  return unit.kind === 'province' || unit.kind === 'commune' || unit.kind === 'ward';
}

/** The collective a TM. line names: "ỦY BAN NHÂN DÂN" for a committee, the unit's own name otherwise. */
function collectiveName(unit: SigningUnit): string {
  return isCollective(unit) ? 'ỦY BAN NHÂN DÂN' : upper(unit.name);
}

const DEPUTY = /^PHÓ\s+/u;

/** The head a deputy signs for: "PHÓ CHỦ TỊCH" → "CHỦ TỊCH", "PHÓ GIÁM ĐỐC" → "GIÁM ĐỐC"; null when not a deputy. */
export function headTitleOf(title: string): string | null {
  const t = upper(title);
  return DEPUTY.test(t) ? t.replace(DEPUTY, '') : null;
}

/**
 * The quyền hạn, chức vụ lines of a signer [ND30 Điều 13, Phụ lục I ô 7a], e.g. for a ward's Phó Chủ tịch signing a
 * Báo cáo: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; a Sở's Phó Giám đốc: "KT. GIÁM ĐỐC" / "PHÓ GIÁM
 * ĐỐC"; an acting director: "Q. GIÁM ĐỐC".
 */
export function signerLines(
  signer: Pick<UnitSigner, 'title' | 'authority'>,
  unit: SigningUnit,
  form: DocumentForm,
): string[] {
  const title = upper(signer.title);
  const onBehalf = isCollective(unit) && form === 'named' ? [`TM. ${collectiveName(unit)}`] : [];
  switch (signer.authority) {
    case 'TM':
      return [`TM. ${collectiveName(unit)}`, title];
    case 'KT':
      return [...onBehalf, `KT. ${headTitleOf(title) ?? title}`, title];
    case 'Q':
      return [...onBehalf, `Q. ${title}`];
    default:
      return [title];
  }
}

/** The block of one of the unit's signers. */
export function blockOf(signer: UnitSigner, unit: SigningUnit, form: DocumentForm): SignerBlock {
  return {
    lines: signerLines(signer, unit, form),
    name: normalizeText(signer.name),
    signerKey: signer.key,
    authority: signer.authority,
  };
}

/** The register's rule while a unit keeps no signers: the head by title (Chủ tịch on behalf of the committee…). */
export function fallbackSignerLines(unit: Pick<SigningUnit, 'kind'>): string[] {
  if (isCollective(unit)) return ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
  return unit.kind === 'office' ? ['TRƯỞNG PHÒNG'] : ['GIÁM ĐỐC'];
}

export function defaultSigner(settings: UnitDocumentSettings): UnitSigner | null {
  return settings.signers.find((s) => s.isDefault) ?? settings.signers[0] ?? null;
}

/** The signer a leader picked (by key), or the default one; undefined when the key names none of the unit's. */
export function pickSigner(settings: UnitDocumentSettings, key: number | undefined): UnitSigner | null | undefined {
  if (key === undefined) return defaultSigner(settings);
  return settings.signers.find((s) => s.key === key);
}

/**
 * The block a leader's pick gives (`key`, or the unit's default signer when absent), to keep with the document. A unit
 * without signers signs by the register's rule, with the name given (the approving leader's). 422 naming `signerKey`
 * when the key is none of the unit's.
 */
export function chosenBlock(
  settings: UnitDocumentSettings,
  unit: SigningUnit,
  form: DocumentForm,
  key: number | undefined,
  fallbackName: string | null,
): SignerBlock {
  if (!settings.signers.length) {
    if (key !== undefined)
      throw invalid(
        'signer.none',
        `${unit.name} chưa thiết lập người ký: quản trị đơn vị thiết lập tại trang đơn vị, hoặc bỏ chọn người ký.`,
        [{ path: 'signerKey', message: 'Đơn vị chưa có danh sách người ký.' }],
      );
    return { lines: fallbackSignerLines(unit), name: fallbackName, signerKey: null, authority: null };
  }
  const signer = pickSigner(settings, key);
  if (!signer)
    throw invalid('signer.unknown', 'Người ký đã chọn không có trong danh sách người ký của đơn vị: tải lại trang.', [
      { path: 'signerKey', message: 'Chọn lại người ký.' },
    ]);
  return blockOf(signer, unit, form);
}

/** Signers as a unit admin sends them: keys kept for entries that had one, new keys for the others. */
export interface SignerInput {
  key?: number;
  title: string;
  name: string;
  authority: SigningAuthority;
  isDefault: boolean;
}

/** What is wrong with a list of signers, by field path (`signers.1.title`); empty when it may be saved. */
export function signerIssues(signers: readonly SignerInput[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const defaults = signers.filter((s) => s.isDefault).length;
  if (signers.length > 1 && defaults === 0)
    issues.push({ path: 'signers', message: 'Chọn một người ký mặc định (được chọn sẵn khi ban hành văn bản).' });
  if (defaults > 1)
    signers.forEach((s, i) => {
      if (s.isDefault)
        issues.push({ path: `signers.${i}.isDefault`, message: 'Chỉ một người ký được đặt làm mặc định.' });
    });
  const seen = new Set<string>();
  signers.forEach((s, i) => {
    const title = upper(s.title);
    if (s.authority === 'KT' && !headTitleOf(title))
      issues.push({
        path: `signers.${i}.title`,
        message: 'Người ký thay (KT.) là cấp phó: chức vụ bắt đầu bằng "Phó", ví dụ "Phó Chủ tịch".',
      });
    if (s.authority === 'Q' && headTitleOf(title))
      issues.push({
        path: `signers.${i}.title`,
        message: 'Quyền (Q.) ghi chức vụ của người đứng đầu, ví dụ "Giám đốc" (in ra "Q. GIÁM ĐỐC").',
      });
    const id = `${title}|${upper(s.name)}|${s.authority}`;
    if (seen.has(id))
      issues.push({
        path: `signers.${i}.name`,
        message: 'Người ký này đã có trong danh sách (trùng chức vụ và họ tên).',
      });
    seen.add(id);
  });
  return issues;
}

/**
 * The list as stored: titles upper case, names as typed (NFC, spaces collapsed), keys kept where the admin's entry
 * had one of the saved list's, new ones after the highest; the only signer is the default.
 */
export function normalizeSigners(input: readonly SignerInput[], saved: readonly UnitSigner[]): UnitSigner[] {
  const savedKeys = new Set(saved.map((s) => s.key));
  let next = Math.max(0, ...saved.map((s) => s.key), ...input.map((s) => s.key ?? 0)) + 1;
  const used = new Set<number>();
  return input.map((s) => {
    const keep = s.key !== undefined && savedKeys.has(s.key) && !used.has(s.key);
    const key = keep ? s.key! : next++;
    used.add(key);
    return {
      key,
      title: upper(s.title),
      name: normalizeText(s.name),
      authority: s.authority,
      isDefault: input.length === 1 ? true : s.isDefault,
    };
  });
}

/** "Lưu: VT, SKHCN": the văn thư's copy and the drafting division's [ND30 II.9b]. */
export function archiveLine(draftingDivision: string | null): string {
  return draftingDivision ? `Lưu: VT, ${draftingDivision}` : 'Lưu: VT';
}

/** A Nơi nhận list with its filing line naming the division: an existing "Lưu: …" item is replaced, else added. */
export function withArchiveLine(recipients: readonly string[], draftingDivision: string): string[] {
  const isArchive = (r: string) => /^[-–\s]*Lưu\s*:/u.test(r);
  return [...recipients.filter((r) => !isArchive(r)), `${archiveLine(draftingDivision)}.`];
}
