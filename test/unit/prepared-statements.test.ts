// Which statements the server prepares (src/db/prepared.ts): a statement with parameters from its second use, under
// one name for every connection; never a statement without parameters (BEGIN with its txid is two statements in one
// simple query, which a named statement cannot be), nor DDL or transaction control.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statementNamer } from '../../src/db/prepared.ts';

// A namer of its own: the process's one is shared with every server other test files start in the same process.
const statementName = statementNamer();

describe('prepared statements', () => {
  test('a read with parameters is named from its second use, then always under the same name', () => {
    const text = 'select "id" from "plan" where "id" = $1 /* unit test 1 */';
    assert.equal(statementName(text, 1), undefined);
    const name = statementName(text, 1);
    assert.match(name ?? '', /^thx_\d+$/);
    assert.equal(statementName(text, 1), name);
    assert.equal(statementName(text, 1), name);
  });

  test('two texts, two names', () => {
    const a = 'select 1 where $1::int = 1 /* unit test 2a */';
    const b = 'select 2 where $1::int = 1 /* unit test 2b */';
    statementName(a, 1);
    statementName(b, 1);
    const na = statementName(a, 1);
    const nb = statementName(b, 1);
    assert.ok(na && nb);
    assert.notEqual(na, nb);
  });

  test('writes are prepared as reads are', () => {
    const text = 'update "session" set "last_seen_at" = $1 where "id" = $2 /* unit test 3 */';
    statementName(text, 2);
    assert.ok(statementName(text, 2));
  });

  test('never a statement without parameters, nor transaction control, settings or DDL', () => {
    for (const [text, params] of [
      ['BEGIN; SELECT txid_current()::text AS txid', 0],
      ['select 1 /* unit test 4 */', 0],
      ['SET LOCAL enable_seqscan = off', 0],
      ['create index x on plan (id) where id > $1', 1],
      ['  begin isolation level repeatable read', 0],
    ] as const) {
      statementName(text, params);
      assert.equal(statementName(text, params), undefined, text);
      assert.equal(statementName(text, params), undefined, text);
    }
  });

  test('at most so many names: past them, statements go unnamed', () => {
    const small = statementNamer(2);
    for (const t of ['a', 'b', 'c']) {
      const text = `select ${t} where $1::int = 1 /* unit test 6 */`;
      small(text, 1);
      small(text, 1);
    }
    assert.equal(small('select a where $1::int = 1 /* unit test 6 */', 1), 'thx_1');
    assert.equal(small('select c where $1::int = 1 /* unit test 6 */', 1), undefined);
  });

  test('a bulk insert of many rows is sent as it is', () => {
    const values = Array.from({ length: 300 }, (_, i) => `($${i + 1})`).join(', ');
    const text = `insert into "search_entry" ("text") values ${values} /* unit test 5 */`;
    statementName(text, 300);
    assert.equal(statementName(text, 300), undefined);
  });
});
