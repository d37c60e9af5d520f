// Reporting routes (to be filled by the reporting module).
import type { MatrixEnv, RouteCase } from './types.ts';

export async function reportingCases(_env: MatrixEnv): Promise<Record<string, RouteCase>> {
  return {};
}
