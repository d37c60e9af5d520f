// A unit's document settings: read and saved by its unit admins (and those above), read by its leaders when they
// pick a signer; and the unit's document identity every module's documents are printed with (the settings where the
// unit has them, the register's rule where it has not).
import type { UnitDocumentSettingsBody, UnitDocumentSettingsView } from '../../../contracts/document-settings.ts';
import {
  EMPTY_DOCUMENT_SETTINGS,
  fallbackSignerLines,
  isCollective,
  normalizeSigners,
  signerIssues,
  signerLines,
  type UnitDocumentSettings,
  type UnitSigner,
} from '../../../domain/org/document-settings.ts';
import { conflict, forbidden, invalid } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import { recordAudit } from '../../audit/index.ts';
import { requireActor, type Ctx, type Tx } from '../../context.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import * as store from '../store.ts';
import { mustGet } from './unit-view.ts';

type Q = Kysely<DB> | Tx;

/** How a unit's documents name and sign for it: its settings, and what each setting falls back to. */
export interface DocumentIdentity {
  settings: UnitDocumentSettings;
  /** "UBND", "SKHCN": the issuer part of its symbols. */
  abbreviation: string;
  /** "VP", "PVHXH": the division in "Lưu: VT, …" (null: none named). */
  draftingDivision: string | null;
  fallback: { abbreviation: string; draftingDivision: string | null };
  updatedAt: Date | null;
}

const codeAbbreviation = (unit: store.UnitRow) =>
  (unit.code.split('.').at(-1) ?? unit.short_name).toLocaleUpperCase('vi');

/**
 * The register's rule for a unit without settings: a committee's symbols carry "UBND" and its documents are drafted
 * by the unit that follows the work for it (Sở KH&CN for the UBND tỉnh, Phòng Văn hóa - Xã hội for a ward; "VP" when
 * none does); a sở's carry its code and its office (VP) drafts; an office drafts its own (no division named).
 */
async function fallbackOf(db: Q, unit: store.UnitRow): Promise<DocumentIdentity['fallback']> {
  if (isCollective(unit)) {
    const focal = await store.firstActiveFocalUnit(db, unit.id);
    return { abbreviation: 'UBND', draftingDivision: focal ? codeAbbreviation(focal) : 'VP' };
  }
  return { abbreviation: codeAbbreviation(unit), draftingDivision: unit.kind === 'office' ? null : 'VP' };
}

function settingsOf(row: store.DocumentSettingsRow | undefined): UnitDocumentSettings {
  if (!row) return EMPTY_DOCUMENT_SETTINGS;
  const signers = Array.isArray(row.signers) ? (row.signers as UnitSigner[]) : [];
  return { signers, draftingDivision: row.drafting_division, symbolSuffix: row.symbol_suffix };
}

export async function documentIdentityOf(db: Q, unit: store.UnitRow): Promise<DocumentIdentity> {
  const [row, fallback] = await Promise.all([store.getDocumentSettings(db, unit.id), fallbackOf(db, unit)]);
  const settings = settingsOf(row);
  return {
    settings,
    abbreviation: settings.symbolSuffix ?? fallback.abbreviation,
    draftingDivision: settings.draftingDivision ?? fallback.draftingDivision,
    fallback,
    updatedAt: row?.updated_at ?? null,
  };
}

function view(ctx: Ctx, unit: store.UnitRow, id: DocumentIdentity): UnitDocumentSettingsView {
  return {
    unitId: unit.id,
    signers: id.settings.signers.map((s) => ({ ...s, lines: signerLines(s, unit, 'named') })),
    draftingDivision: id.settings.draftingDivision,
    symbolSuffix: id.settings.symbolSuffix,
    fallback: {
      draftingDivision: id.fallback.draftingDivision,
      symbolSuffix: id.fallback.abbreviation,
      signerLines: fallbackSignerLines(unit),
    },
    updatedAt: id.updatedAt?.toISOString() ?? null,
    can: { edit: can(ctx.actor, 'manageUnits', { unitPath: unit.path }) },
  };
}

/** Unit admins of the unit or above it; its leaders too, who pick a signer when they approve or issue. */
export async function getDocumentSettings(ctx: Ctx, unitId: number): Promise<UnitDocumentSettingsView> {
  const actor = requireActor(ctx);
  const unit = await mustGet(ctx, unitId);
  const target = { unitPath: unit.path };
  if (!can(actor, 'manageUnits', target) && !can(actor, 'approve', target))
    throw forbidden('Chỉ quản trị đơn vị và lãnh đạo của đơn vị (hoặc cấp trên) xem được thiết lập văn bản.');
  return view(ctx, unit, await documentIdentityOf(ctx.db, unit));
}

/** Replaces the unit's settings (unit admins of the unit or above it), audited with what it was before. */
export async function updateDocumentSettings(
  ctx: Ctx,
  unitId: number,
  body: UnitDocumentSettingsBody,
): Promise<UnitDocumentSettingsView> {
  const actor = requireActor(ctx);
  const unit = await mustGet(ctx, unitId);
  if (!can(actor, 'manageUnits', { unitPath: unit.path }))
    throw forbidden('Chỉ quản trị của đơn vị hoặc đơn vị cấp trên sửa được thiết lập văn bản.');
  if (unit.status !== 'active')
    throw conflict('unit.inactive', `${unit.name} đã ${unit.status === 'merged' ? 'sáp nhập' : 'giải thể'}.`);
  const issues = signerIssues(body.signers);
  if (issues.length)
    throw invalid('unit.signers_invalid', 'Danh sách người ký chưa hợp lệ: xem các ô được đánh dấu.', issues);
  const draftingDivision = body.draftingDivision || null;
  const symbolSuffix = body.symbolSuffix || null;
  await ctx.db.transaction().execute(async (tx) => {
    const before = settingsOf(await store.lockDocumentSettings(tx, unit.id));
    const signers = normalizeSigners(body.signers, before.signers);
    await store.saveDocumentSettings(tx, unit.id, {
      signers,
      draftingDivision,
      symbolSuffix,
      userId: actor.system ? null : actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'unit.document_settings',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      before: { ...before },
      after: { signers, draftingDivision, symbolSuffix },
    });
  });
  return view(ctx, unit, await documentIdentityOf(ctx.db, unit));
}
