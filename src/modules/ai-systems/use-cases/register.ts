// Registering a unit's use of an AI product: of a product already in the register, or of a new one created with it
// (whose template becomes this use's texts, for the next unit that buys it).
import type { UseCreate } from '../../../contracts/ai-systems.ts';
import { AppError, conflict, invalid, notFound } from '../../../domain/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import * as store from '../store/index.ts';

function templateOf(b: UseCreate) {
  return {
    purpose: b.purpose,
    scope: b.scope,
    usersServed: b.usersServed,
    inputData: b.inputData,
    personalData: b.personalData,
    sensitiveData: b.sensitiveData,
    outputUse: b.outputUse,
    automation: b.automation,
    humanOversight: b.humanOversight,
    publicSummary: b.publicSummary,
  };
}

async function productFor(ctx: Ctx, b: UseCreate): Promise<{ id: number } | { create: store.NewProduct }> {
  if (b.productId && b.product)
    throw invalid('ai_use.product_twice', 'Chọn sản phẩm có sẵn hoặc nhập sản phẩm mới, không cả hai.', [
      { path: 'product', message: 'Bỏ sản phẩm mới hoặc sản phẩm đã chọn.' },
    ]);
  if (b.productId) {
    const p = await store.getProduct(ctx.db, b.productId);
    if (!p)
      throw new AppError('not_found', 404, 'Không tìm thấy sản phẩm AI.', [
        { path: 'productId', message: 'Không tìm thấy sản phẩm AI.' },
      ]);
    return { id: p.id };
  }
  if (!b.product)
    throw invalid('ai_use.product_required', 'Chọn sản phẩm AI trong danh mục hoặc nhập sản phẩm mới.', [
      { path: 'productId', message: 'Chọn hoặc nhập sản phẩm AI.' },
    ]);
  const p = b.product;
  if (await store.findProduct(ctx.db, p.name, p.provider, p.version)) {
    throw conflict(
      'ai_product.exists',
      'Sản phẩm AI này (cùng tên, nhà cung cấp, phiên bản) đã có trong danh mục: chọn sản phẩm đó.',
    );
  }
  return { create: { ...p, template: templateOf(b) } };
}

export async function createAiUse(ctx: Ctx, b: UseCreate): Promise<{ id: number }> {
  const actor = requireActor(ctx);
  const unit = await getUnit(ctx.db, b.unitId);
  if (!unit) throw notFound('đơn vị');
  authorize(ctx, 'edit', { unitPath: unit.path });
  const product = await productFor(ctx, b);
  return ctx.db.transaction().execute(async (tx) => {
    const productId = 'id' in product ? product.id : await store.insertProduct(tx, product.create, actor.userId);
    const id = await store.insertUse(tx, {
      product_id: productId,
      unit_id: unit.id,
      purpose: b.purpose,
      scope: b.scope,
      users_served: b.usersServed,
      input_data: b.inputData,
      personal_data: b.personalData,
      sensitive_data: b.sensitiveData,
      output_use: b.outputUse,
      automation: b.automation,
      human_oversight: b.humanOversight,
      start_date: b.startDate,
      status: b.status,
      contract: b.contract,
      internal_notes: b.internalNotes,
      public_summary: b.publicSummary,
      created_by: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'ai_use.create',
      entityType: 'ai_use',
      entityId: id,
      unitId: unit.id,
      after: { productId, purpose: b.purpose.slice(0, 500), status: b.status },
    });
    return { id };
  });
}
