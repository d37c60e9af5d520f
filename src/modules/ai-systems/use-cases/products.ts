// The products in the register: shared by every unit, so that a commune buying a product another has registered
// starts from its text (the vendor template).
import type { AiProduct } from '../../../contracts/ai-systems.ts';
import { requireActor, type Ctx } from '../../context.ts';
import * as store from '../store/index.ts';

export async function listAiProducts(ctx: Ctx, q: { q?: string; limit: number }): Promise<{ items: AiProduct[] }> {
  requireActor(ctx);
  const rows = await store.listProducts(ctx.db, q);
  return {
    items: rows.map((p) => ({
      id: p.id,
      name: p.name,
      provider: p.provider,
      providerContact: p.provider_contact,
      version: p.version,
      function: p.function,
      modelType: p.model_type,
      trainingData: p.training_data,
      providerLevel: p.provider_level,
      aiSystemId: p.ai_system_id,
      template: (p.template ?? {}) as AiProduct['template'],
      uses: Number(p.uses ?? 0),
    })),
  };
}
