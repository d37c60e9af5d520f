// "Việc cần làm" (GET /api/me/todo): what waits for the signed-in person.
import { useQuery } from '@tanstack/react-query';
import type { TodoList } from '../../../src/contracts/todo.ts';
import { api } from './client.ts';

export type { TodoList };
export type TodoEntry = TodoList['items'][number];

export const todoKeys = { mine: ['todo'] as const };

/** Refreshed every few minutes and when the window regains focus: a day's work changes under the person. */
export function useMyTodo() {
  return useQuery({
    queryKey: todoKeys.mine,
    queryFn: () => api.get<TodoList>('/me/todo'),
    refetchInterval: 5 * 60_000,
  });
}
