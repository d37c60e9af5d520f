// Writes schemas/plan.schema.json from the zod schema in src/domain/plan/schema.ts.
// Run: bash scripts/with-node.sh node scripts/gen-plan-schema.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planJsonSchema } from '../src/domain/plan/schema.ts';

const target = fileURLToPath(new URL('../schemas/plan.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
console.log(`Đã ghi ${target}`);
