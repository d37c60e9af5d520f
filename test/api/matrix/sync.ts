// The connection to the national databases. On a province (this matrix's app) the delivery status is read by the
// province's staff, the focal unit and a system administrator (the actor's ward is neither), a rejected change is
// re-queued by a system administrator; the national node's API does not exist there: 404 to everyone
// (test/api/sync-national.test.ts walks it on a national node, where provinces authenticate with tokens).
import { randomUUID } from 'node:crypto';
import type { MatrixEnv, Req, RouteCase } from './types.ts';

const sysadminOnly = (role: string) => role === 'sysadmin';

function nationalCase(request: Req): RouteCase {
  return {
    request: () => request,
    allowed: () => false,
    anonymous: false,
    hidden: () => true,
    // A uuid of a province's record, not a record of this node's units.
    references: 'none',
  };
}

export async function syncCases(env: MatrixEnv): Promise<Record<string, RouteCase>> {
  const rejected = await env.db
    .insertInto('sync_outbox')
    .values({
      entity: 'dataset',
      entity_id: 1,
      uuid: randomUUID(),
      version: 1,
      op: 'put',
      payload: '{}',
      status: 'rejected',
      last_error: 'Cơ sở dữ liệu quốc gia từ chối (HTTP 422).',
      next_attempt_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const retry: Req = { method: 'POST', path: `/api/sync/retry/${rejected.id}` };
  const uuid = randomUUID();
  return {
    getSyncStatus: {
      request: () => ({ method: 'GET', path: '/api/sync/status' }),
      allowed: sysadminOnly,
      anonymous: false,
      references: 'none',
    },
    retrySyncDelivery: {
      // The first system administrator's call re-queues the row; the next ones meet 409 (allowed, nothing to do).
      request: () => retry,
      allowed: sysadminOnly,
      anonymous: false,
      references: { request: retry, allowed: sysadminOnly, hidden: () => false },
    },
    putNationalDataset: nationalCase({ method: 'PUT', path: `/api/national/v1/datasets/${uuid}`, body: {} }),
    retractNationalDataset: nationalCase({ method: 'DELETE', path: `/api/national/v1/datasets/${uuid}`, body: {} }),
    listNationalDatasets: nationalCase({ method: 'GET', path: '/api/national/v1/datasets' }),
    getNationalDataset: nationalCase({ method: 'GET', path: `/api/national/v1/datasets/${uuid}` }),
    putNationalAiSystem: nationalCase({ method: 'PUT', path: `/api/national/v1/ai-systems/${uuid}`, body: {} }),
    retractNationalAiSystem: nationalCase({ method: 'DELETE', path: `/api/national/v1/ai-systems/${uuid}`, body: {} }),
    listNationalAiSystems: nationalCase({ method: 'GET', path: '/api/national/v1/ai-systems' }),
    getNationalAiSystem: nationalCase({ method: 'GET', path: `/api/national/v1/ai-systems/${uuid}` }),
  };
}
