import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, scopeRoots, grantableRoles, systemActor, type Actor } from '../../src/domain/permissions.ts';

// Tree: 1 Trung ương → 2 Tỉnh → {3 Sở KH&CN (focal for 2), 4 Sở Tài chính, 5 Phường A → 6 Phòng VH-XH, 7 Phường B}
const path = {
  central: [1],
  province: [1, 2],
  skhcn: [1, 2, 3],
  stc: [1, 2, 4],
  wardA: [1, 2, 5],
  officeA: [1, 2, 5, 6],
  wardB: [1, 2, 7],
};
const actor = (unitPath: number[], roles: Actor['roles'], focalForIds: number[] = []): Actor => ({
  userId: 1,
  username: 'u',
  unitId: unitPath.at(-1)!,
  unitPath,
  roles,
  focalForIds,
});

test('published records are readable by anyone, unpublished ones only inside the scope', () => {
  assert.equal(can(null, 'read', { unitPath: path.wardA, published: true }), true);
  assert.equal(can(null, 'read', { unitPath: path.wardA }), false);
  const officer = actor(path.wardA, ['officer']);
  assert.equal(can(officer, 'read', { unitPath: path.officeA }), true);
  assert.equal(can(officer, 'read', { unitPath: path.wardB }), false, 'sibling branch');
  assert.equal(can(officer, 'read', { unitPath: path.province }), false, 'parent unpublished');
});

test('roles decide the act: officers edit, leaders approve, admins administer', () => {
  const officer = actor(path.wardA, ['officer']);
  const leader = actor(path.wardA, ['leader']);
  const viewer = actor(path.wardA, ['viewer']);
  const admin = actor(path.wardA, ['unitAdmin']);
  assert.equal(can(officer, 'edit', { unitPath: path.wardA }), true);
  assert.equal(can(officer, 'approve', { unitPath: path.wardA }), false);
  assert.equal(can(leader, 'approve', { unitPath: path.wardA }), true);
  assert.equal(can(viewer, 'edit', { unitPath: path.wardA }), false);
  assert.equal(can(admin, 'edit', { unitPath: path.wardA }), false);
  assert.equal(can(admin, 'manageUsers', { unitPath: path.officeA }), true);
  assert.equal(can(officer, 'manageUsers', { unitPath: path.officeA }), false);
});

test('the focal unit follows the whole province but administers only itself', () => {
  const focal = actor(path.skhcn, ['officer', 'unitAdmin'], [2]);
  assert.equal(can(focal, 'read', { unitPath: path.wardB }), true);
  assert.equal(can(focal, 'manageUsers', { unitPath: path.wardB }), false);
  assert.equal(
    can(actor(path.skhcn, ['leader'], [2]), 'approve', { unitPath: path.province }),
    false,
    'the province plan is approved by the province leaders',
  );
  assert.equal(can(focal, 'readAudit', { unitPath: path.wardB }), false);
  assert.equal(can(actor(path.stc, ['officer']), 'read', { unitPath: path.wardB }), false);
  assert.deepEqual(scopeRoots(focal, 'read'), [3, 2]);
  assert.deepEqual(scopeRoots(focal, 'manageUsers'), [3]);
  assert.deepEqual(scopeRoots(focal, 'follow'), [3, 2]);
  assert.deepEqual(scopeRoots(focal, 'edit'), [3]);
});

test('the focal unit follows a commune (returns, reminds, compiles) but never holds its pen', () => {
  const officer = actor(path.skhcn, ['officer'], [2]);
  const viewer = actor(path.skhcn, ['viewer'], [2]);
  for (const unitPath of [path.wardA, path.officeA, path.wardB]) {
    assert.equal(can(officer, 'follow', { unitPath }), true, `follows ${unitPath.join('/')}`);
    assert.equal(can(officer, 'edit', { unitPath }), false, `does not edit ${unitPath.join('/')}`);
  }
  assert.equal(
    can(officer, 'edit', { unitPath: path.stc }),
    false,
    'another agency of the province is not its record either',
  );
  // It staffs UBND tỉnh: the province's own drafts (the plan, its cascade rules) are written by the Sở.
  assert.equal(can(officer, 'edit', { unitPath: path.province }), true);
  assert.equal(can(officer, 'edit', { unitPath: path.skhcn }), true);
  assert.equal(can(viewer, 'follow', { unitPath: path.wardA }), false, 'viewers read, they do not follow up');
  assert.equal(can(viewer, 'read', { unitPath: path.wardA }), true);
  const wardOfficer = actor(path.wardA, ['officer']);
  assert.equal(can(wardOfficer, 'follow', { unitPath: path.officeA }), true, 'a ward follows its own offices');
  assert.equal(can(wardOfficer, 'follow', { unitPath: path.wardB }), false);
  assert.equal(
    can(actor(path.stc, ['officer']), 'follow', { unitPath: path.wardA }),
    false,
    'only the focal unit follows the province',
  );
});

test('a record addressed to a subtree is readable inside it, and only there', () => {
  const regimeOfWardA = { unitPath: path.officeA, audienceRootId: 5 };
  assert.equal(can(actor(path.wardA, ['viewer']), 'read', regimeOfWardA), true);
  assert.equal(can(actor(path.officeA, ['officer']), 'read', regimeOfWardA), true);
  assert.equal(can(actor(path.wardB, ['officer']), 'read', regimeOfWardA), false, 'another ward');
  assert.equal(can(null, 'read', regimeOfWardA), false);
  const provinceRegime = { unitPath: path.skhcn, audienceRootId: 2 };
  assert.equal(can(actor(path.wardB, ['officer']), 'read', provinceRegime), true);
  assert.equal(can(actor(path.wardB, ['officer']), 'edit', provinceRegime), false, 'addressed is read only');
  assert.equal(can(actor(path.wardB, ['officer']), 'follow', provinceRegime), false);
});

test('system administrators may do everything; others cannot grant that role', () => {
  const sys = actor(path.central, ['sysadmin']);
  assert.equal(can(sys, 'manageUnits', { unitPath: path.officeA }), true);
  assert.equal(scopeRoots(sys, 'readAudit'), 'all');
  assert.ok(grantableRoles(sys).includes('sysadmin'));
  assert.ok(!grantableRoles(actor(path.wardA, ['unitAdmin'])).includes('sysadmin'));
});

test('a unit is renamed, merged or retired by the levels above it, never by its own admins', () => {
  const wardAdmin = actor(path.wardA, ['unitAdmin']);
  assert.equal(can(wardAdmin, 'reshapeUnit', { unitPath: path.officeA }), true, 'its own office');
  assert.equal(can(wardAdmin, 'reshapeUnit', { unitPath: path.wardA }), false, 'its own ward');
  assert.equal(can(wardAdmin, 'manageUnits', { unitPath: path.wardA }), true, 'but it adds units under its ward');
  assert.equal(can(wardAdmin, 'reshapeUnit', { unitPath: path.wardB }), false, 'a sibling ward');
  assert.equal(can(actor(path.province, ['unitAdmin']), 'reshapeUnit', { unitPath: path.wardA }), true);
  assert.equal(can(actor(path.wardA, ['leader']), 'reshapeUnit', { unitPath: path.officeA }), false, 'an admin act');
  assert.equal(can(actor(path.central, ['sysadmin']), 'reshapeUnit', { unitPath: path.central }), true);
});

test("only system administrators touch system administrators' accounts and reload the reference data", () => {
  const provinceAdmin = actor(path.province, ['unitAdmin']);
  assert.equal(can(provinceAdmin, 'manageSystemAdmins', { unitPath: path.wardA }), false);
  assert.equal(can(provinceAdmin, 'manageUsers', { unitPath: path.wardA }), true);
  assert.equal(can(actor(path.central, ['sysadmin']), 'manageSystemAdmins', { unitPath: path.wardA }), true);
  assert.equal(can(provinceAdmin, 'administer', { unitPath: [] }), false);
  assert.equal(can(null, 'administer', { unitPath: [] }), false);
  assert.equal(can(actor(path.central, ['sysadmin']), 'administer', { unitPath: [] }), true);
});

test('the local operator (command line) and the server at start act through the same rule, refused nothing', () => {
  for (const op of [systemActor('localOperator'), systemActor('startup')]) {
    assert.equal(can(op, 'manageUsers', { unitPath: path.wardA }), true);
    assert.equal(can(op, 'manageSystemAdmins', { unitPath: path.province }), true);
    assert.equal(can(op, 'administer', { unitPath: [] }), true);
    assert.equal(scopeRoots(op, 'read'), 'all');
    assert.ok(grantableRoles(op).includes('sysadmin'));
  }
  assert.equal(systemActor('localOperator').username, 'Quản trị tại máy chủ (dòng lệnh)');
});
