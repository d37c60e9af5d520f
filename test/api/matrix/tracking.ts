// Tracking routes (to be filled by the tracking module).
import type { MatrixEnv, RouteCase } from './types.ts';

export async function trackingCases(_env: MatrixEnv): Promise<Record<string, RouteCase>> {
  return {};
}
