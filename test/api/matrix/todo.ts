// The to-do ("Việc cần làm"): every signed-in person has one, built from what they may act on; nobody else's.
import type { MatrixEnv, RouteCase } from './types.ts';

export async function todoCases(_env: MatrixEnv): Promise<Record<string, RouteCase>> {
  return {
    getMyTodo: {
      request: () => ({ method: 'GET', path: '/api/me/todo' }),
      allowed: () => true,
      anonymous: false,
      references: 'none',
    },
  };
}
