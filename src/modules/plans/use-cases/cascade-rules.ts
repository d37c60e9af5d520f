// The province's cascade rule table: which provincial unit or phrase becomes which commune office or text.
import { checkCascadeRules } from '../../../domain/plan/cascade-rules.ts';
import { DEFAULT_CASCADE_RULES, type CascadeRule } from '../../../domain/plan/cascade.ts';
import { invalid, notFound } from '../../../domain/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx, type Tx } from '../../context.ts';
import { communeOfficeChoices, getUnit } from '../../org/index.ts';
import * as store from '../store/index.ts';

/** The province's rules, or the default table while it has none of its own. */
export async function cascadeRules(db: Ctx['db'] | Tx, provinceId: number): Promise<CascadeRule[]> {
  const rules = await store.listCascadeRules(db, provinceId);
  return rules.length ? rules : DEFAULT_CASCADE_RULES;
}

async function provinceForRules(ctx: Ctx, provinceId: number, action: 'read' | 'edit') {
  requireActor(ctx);
  const unit = await getUnit(ctx.db, provinceId);
  if (!unit) throw notFound('đơn vị');
  authorize(ctx, action, { unitPath: unit.path });
  if (unit.kind !== 'province') throw invalid('cascade.not_province', 'Bảng quy tắc triển khai thuộc về cấp tỉnh.');
  return unit;
}

export async function getCascadeRules(ctx: Ctx, provinceId: number) {
  await provinceForRules(ctx, provinceId, 'read');
  const custom = await store.hasCustomCascadeRules(ctx.db, provinceId);
  return { rules: await cascadeRules(ctx.db, provinceId), isDefault: !custom, offices: communeOfficeChoices() };
}

export async function setCascadeRules(ctx: Ctx, provinceId: number, rules: CascadeRule[]) {
  await provinceForRules(ctx, provinceId, 'edit');
  checkCascadeRules(rules);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await cascadeRules(tx, provinceId);
    await store.replaceCascadeRules(tx, provinceId, rules);
    await recordAudit(tx, ctx, {
      action: 'cascade.rules',
      entityType: 'unit',
      entityId: provinceId,
      unitId: provinceId,
      before: { rules: before.length },
      after: { rules: rules.length },
    });
    return { rules };
  });
}
