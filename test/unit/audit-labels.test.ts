// Every action the server writes to the audit trail, and every kind of record it names there, has its Vietnamese
// words: the audit page shows the label, never "data_organisation.contact_view". Actions are found in the source,
// literal ones by their text; the few built from a template are expanded here, and a new template fails the test
// until it is listed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTION_LABEL, ENTITY_TYPE_LABEL } from '../../src/domain/audit-labels.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [{ file: path.slice(SRC.length), text: readFileSync(path, 'utf8') }] : [];
  });
}

const files = sources(SRC);
const all = (re: RegExp) =>
  files.flatMap(({ file, text }) => [...text.matchAll(re)].map((m) => ({ file, value: m[1]! })));

/** The actions built from a template, each with what it becomes. */
const TEMPLATES: Record<string, string[]> = {
  'plan.${action}': ['plan.submit', 'plan.approve', 'plan.return'],
  'plan.parent_change.${input.decision}': ['plan.parent_change.accept', 'plan.parent_change.dismiss'],
  'report.${action}': ['report.approve', 'report.submit', 'report.accept', 'report.return'],
  'report.${kind}_approve': ['report.compiled_approve', 'report.reminder_approve'],
  'data_organisation.${b.decision}': [
    'data_organisation.approve',
    'data_organisation.refuse',
    'data_organisation.suspend',
    'data_organisation.reinstate',
  ],
  '${ENTITY[d.kind]}.${action}': [
    'national_dataset.create',
    'national_dataset.update',
    'national_dataset.retract',
    'national_ai_system.create',
    'national_ai_system.update',
    'national_ai_system.retract',
  ],
  'petition.${t.act}': [
    'petition.classify',
    'petition.route',
    'petition.requestInformation',
    'petition.resume',
    'petition.merge',
    'petition.linkTask',
    'petition.linkRecords',
    'petition.draftAnswer',
    'petition.approveAnswer',
    'petition.publish',
    'petition.extend',
    'petition.close',
  ],
};

describe('the audit trail in words', () => {
  it('labels every literal action the server records', () => {
    // `action: 'x.y'` and `action: cond ? 'x.y' : 'x.z'`: every quoted name on the line.
    const literal = all(/\baction: ([^,\n`]+)/g).flatMap(({ file, value }) =>
      [...value.matchAll(/'([a-z_]+\.[a-zA-Z_.]+)'/g)].map((m) => ({ file, value: m[1]! })),
    );
    assert.ok(literal.length > 40, `${literal.length} literal actions found`);
    const missing = literal.filter((a) => !AUDIT_ACTION_LABEL[a.value]);
    assert.deepEqual(missing, []);
  });

  it('labels every action built from a template, and knows every template', () => {
    const templates = [...new Set(all(/\baction: `([^`]+)`/g).map((a) => a.value))].sort();
    assert.deepEqual(templates, Object.keys(TEMPLATES).sort(), 'a new template: list what it becomes here');
    const missing = Object.values(TEMPLATES)
      .flat()
      .filter((a) => !AUDIT_ACTION_LABEL[a]);
    assert.deepEqual(missing, []);
  });

  it('labels every kind of record the trail names', () => {
    const literal = all(/\bentityType: '([a-z_]+)'/g).map((e) => e.value);
    const national = ['national_dataset', 'national_ai_system'];
    assert.ok(
      files.some((f) => f.text.includes(`{ dataset: '${national[0]}', aiSystem: '${national[1]}' }`)),
      "the national node's record kinds as the source names them",
    );
    const missing = [...new Set([...literal, ...national])].filter((t) => !ENTITY_TYPE_LABEL[t]);
    assert.deepEqual(missing, []);
  });

  it('labels in Vietnamese, none twice', () => {
    const labels = Object.values(AUDIT_ACTION_LABEL);
    const twice = labels.filter((l, i) => labels.indexOf(l) !== i);
    assert.deepEqual(twice, []);
    for (const l of [...labels, ...Object.values(ENTITY_TYPE_LABEL)]) assert.match(l, /^[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]/u, l);
  });
});
