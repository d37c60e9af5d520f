import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderTodo, type TodoItem } from '../../src/domain/todo.ts';

test('the to-do puts what is late first, then by due date, then what has no date; each with its group and label', () => {
  const items: TodoItem[] = [
    { kind: 'plan.approve', title: 'Kế hoạch B', dueDate: null, link: '/ke-hoach/2' },
    { kind: 'report.approve', title: 'Báo cáo năm 2026', dueDate: '2026-12-14', link: '/bao-cao/1' },
    { kind: 'assignment.overdue', title: 'Nhiệm vụ 3', dueDate: '2026-11-30', link: '/cong-viec/3' },
    { kind: 'assignment.dueSoon', title: 'Nhiệm vụ 1', dueDate: '2026-12-08', link: '/cong-viec/1' },
    { kind: 'plan.approve', title: 'Kế hoạch Á', dueDate: null, link: '/ke-hoach/1' },
  ];
  const ordered = orderTodo(items, '2026-12-05');
  assert.deepEqual(
    ordered.map((i) => [i.title, i.urgency]),
    [
      ['Nhiệm vụ 3', 'late'],
      ['Nhiệm vụ 1', 'soon'],
      ['Báo cáo năm 2026', 'later'],
      ['Kế hoạch Á', 'none'],
      ['Kế hoạch B', 'none'],
    ],
  );
  assert.equal(ordered[0]!.group, 'work');
  assert.equal(ordered[2]!.label, 'Báo cáo chờ duyệt');
  // Due today is not late; seven days ahead is still soon, eight is later.
  const edges = orderTodo(
    [
      { kind: 'report.submit', title: 'a', dueDate: '2026-12-05', link: '/' },
      { kind: 'report.submit', title: 'b', dueDate: '2026-12-12', link: '/' },
      { kind: 'report.submit', title: 'c', dueDate: '2026-12-13', link: '/' },
    ],
    '2026-12-05',
  );
  assert.deepEqual(
    edges.map((i) => i.urgency),
    ['soon', 'soon', 'later'],
  );
});
