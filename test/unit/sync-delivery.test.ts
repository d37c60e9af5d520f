// The rules of the federated connection: backoff, what an answer means for the outbox row, what the national node
// does with a delivery given what it holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BACKOFF_CAP_MS,
  backoffMs,
  decideWrite,
  networkOutcome,
  outcomeOf,
  retryAfterMs,
} from '../../src/domain/sync/delivery.ts';

test('backoff doubles from 5 s with jitter between half and all of the step, capped at 10 minutes', () => {
  assert.equal(
    backoffMs(1, () => 0),
    2_500,
  );
  assert.equal(
    backoffMs(1, () => 1),
    5_000,
  );
  assert.equal(
    backoffMs(2, () => 1),
    10_000,
  );
  assert.equal(
    backoffMs(4, () => 0.5),
    30_000,
  );
  assert.equal(
    backoffMs(50, () => 1),
    BACKOFF_CAP_MS,
  );
  assert.equal(
    backoffMs(50, () => 0),
    BACKOFF_CAP_MS / 2,
  );
  for (let n = 1; n < 20; n++) {
    const d = backoffMs(n);
    assert.ok(d > 0 && d <= BACKOFF_CAP_MS, `${n}: ${d}`);
  }
});

test("2xx accepts (with the remote id when given); a 4xx about the record rejects with the node's Vietnamese message", () => {
  assert.deepEqual(outcomeOf(200, '{"status":"created"}', null), { kind: 'accepted', remoteId: null });
  assert.deepEqual(outcomeOf(201, '{"remoteId":"QG-1"}', null), { kind: 'accepted', remoteId: 'QG-1' });
  assert.deepEqual(outcomeOf(204, '', null), { kind: 'accepted', remoteId: null });
  const body = JSON.stringify({
    error: { code: 'forbidden', message: 'Không được ghi đè.', issues: [{ path: 'title', message: 'Quá dài.' }] },
  });
  const r = outcomeOf(403, body, null);
  assert.equal(r.kind, 'rejected');
  assert.equal(
    r.kind === 'rejected' && r.message,
    'Cơ sở dữ liệu quốc gia từ chối (HTTP 403): Không được ghi đè. (title: Quá dài.)',
  );
  assert.equal(outcomeOf(422, 'not json', null).kind, 'rejected');
});

test('network errors, 5xx, 408, 429 and a wrong token or address stay pending: the connection, not the record', () => {
  for (const status of [500, 502, 503, 408, 429, 401, 404]) {
    const r = outcomeOf(status, '', null);
    assert.equal(r.kind, 'retry', String(status));
    assert.ok(r.kind === 'retry' && r.connection);
  }
  const busy = outcomeOf(429, '', '30');
  assert.equal(busy.kind === 'retry' && busy.retryAfterMs, 30_000);
  assert.match((outcomeOf(401, '', null) as { message: string }).message, /THIHANH_NATIONAL_TOKEN/);
  const refused = networkOutcome(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }), 15_000);
  assert.deepEqual(refused, {
    kind: 'retry',
    message: 'Không kết nối được cơ sở dữ liệu quốc gia (ECONNREFUSED).',
    connection: true,
    retryAfterMs: null,
  });
  const slow = networkOutcome(new DOMException('timed out', 'TimeoutError'), 15_000);
  assert.equal(slow.kind === 'retry' && slow.message, 'Cơ sở dữ liệu quốc gia không trả lời trong 15 giây.');
  assert.equal(retryAfterMs(new Date(Date.now() + 20_000).toUTCString()) !== null, true);
  assert.equal(retryAfterMs('soon'), null);
});

test('the national node keeps the highest version per uuid, for the province that first delivered it', () => {
  const held = { provinceCode: '38', version: 3, retracted: false };
  assert.equal(decideWrite(undefined, { provinceCode: '38', version: 1, op: 'put' }), 'create');
  assert.equal(decideWrite(held, { provinceCode: '01', version: 9, op: 'put' }), 'foreign');
  assert.equal(decideWrite(held, { provinceCode: '38', version: 2, op: 'put' }), 'ignored');
  assert.equal(decideWrite(held, { provinceCode: '38', version: 3, op: 'put' }), 'unchanged');
  assert.equal(decideWrite(held, { provinceCode: '38', version: 4, op: 'put' }), 'apply');
  assert.equal(decideWrite(held, { provinceCode: '38', version: 3, op: 'delete' }), 'apply');
  assert.equal(
    decideWrite({ ...held, retracted: true }, { provinceCode: '38', version: 3, op: 'delete' }),
    'unchanged',
  );
  assert.equal(decideWrite({ ...held, retracted: true }, { provinceCode: '38', version: 4, op: 'put' }), 'apply');
});
