// The use cases of execution, one file each in use-cases/: assignments created when a plan is issued, the work list
// with computed statuses, one assignment, progress updates with deliverables, evidence and obstacles, obstacles
// answered by the focal unit.
export { createAssignmentsForPlan } from './use-cases/create-assignments.ts';
export { listAssignmentsFor, type AssignmentListQuery } from './use-cases/list-assignments.ts';
export { getAssignmentDetail } from './use-cases/assignment-detail.ts';
export { addProgressUpdate, type UpdateInput } from './use-cases/progress-update.ts';
export { evidenceForDownload } from './use-cases/evidence-download.ts';
export { answerObstacle, listObstaclesFor, type ObstacleListQuery } from './use-cases/obstacles.ts';
export { currentPeriodYear } from './use-cases/shared.ts';
export { trackingTodo } from './use-cases/todo.ts';
