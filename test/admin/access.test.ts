import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESS } from '../../server/src/access/access.table.js';
import { OPERATIONS } from '../../server/src/access/access.operations.js';
import { Role } from '../../server/src/platform/account/role.js';
import { ADMIN_ROLES, CRUD_OPERATION_ACCESS, RESOURCE_ACCESS, canCall, canRead, modelForRoles } from '../../admin/src/providers/access.js';
import { pendingSteps } from '../../admin/src/providers/authProvider.js';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';

const sorted = (roles: readonly string[]) => [...roles].sort();
const committed = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));

describe('the console hides what a role cannot use (PR3), from a copy of the server access table', () => {
  it('has the read and write roles of every row of server/src/access/access.table.ts', () => {
    const server = Object.fromEntries(Object.entries(ACCESS).map(([name, row]) => [name, { read: sorted(Object.keys(row.read)), write: sorted(Object.keys(row.write)) }]));
    const console_ = Object.fromEntries(Object.entries(RESOURCE_ACCESS).map(([name, row]) => [name, { read: sorted(row.read), write: sorted(row.write) }]));
    // on failure, copy the server's rows into admin/src/providers/access.ts
    expect(console_).toEqual(server);
  });

  it('has the OPERATIONS rows that override a resource create/update/delete (access.operations.ts)', () => {
    const crudNames = new Set(Object.keys(ACCESS).flatMap((r) => ['create', 'update', 'delete'].map((v) => `${v}${r}`)));
    const server = Object.fromEntries(
      Object.entries(OPERATIONS)
        .filter(([name]) => crudNames.has(name))
        .map(([name, access]) => [name, Array.isArray(access) ? sorted(access) : access]),
    );
    expect(Object.fromEntries(Object.entries(CRUD_OPERATION_ACCESS).map(([name, roles]) => [name, sorted(roles)]))).toEqual(server);
  });

  it('knows every resource of the committed schema and the same admin roles', () => {
    expect(committed.resources.map((r) => r.name).filter((n) => !(n in RESOURCE_ACCESS))).toEqual([]);
    expect(sorted(ADMIN_ROLES)).toEqual(sorted([Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN]));
  });

  it('shows the auditor the audit log only, read only', () => {
    const model = modelForRoles(committed, ['AUDIT_ADMIN']);
    expect(model.resources.map((r) => r.name)).toEqual(['AuditEvent']);
    expect(model.resources[0]).toMatchObject({ createArgs: undefined, updateArgs: undefined, canDelete: false });
  });

  it('lets office staff read bodies without offering to edit them, and edit departments', () => {
    expect(canRead(['OFFICE_STAFF'], 'Body')).toBe(true);
    expect(canCall(['OFFICE_STAFF'], 'update', 'Body')).toBe(false);
    expect(canRead(['OFFICE_STAFF'], 'Account')).toBe(false);
    const model = modelForRoles(committed, ['OFFICE_STAFF']);
    const byName = Object.fromEntries(model.resources.map((r) => [r.name, r]));
    expect(byName.Body.updateArgs).toBeUndefined();
    expect(byName.Department.updateArgs?.length).toBeGreaterThan(0);
    expect(Object.keys(byName).sort()).toEqual(committed.resources.map((r) => r.name).filter((n) => RESOURCE_ACCESS[n].read.includes('OFFICE_STAFF')).sort());
  });

  it('turns links to resources a role cannot read into plain ids (no request that would be refused)', () => {
    const model = modelForRoles(committed, ['MEMBER']);
    const readable = new Set(model.resources.map((r) => r.name));
    const links = model.resources.flatMap((r) => [...r.fields, ...r.filters, ...(r.createArgs ?? []), ...(r.updateArgs ?? [])]).map((v) => v.reference).filter(Boolean);
    expect(links.filter((l) => !readable.has(l!))).toEqual([]);
  });

  it('asks for the steps a session must finish first: password change, then TOTP enrolment of admins', () => {
    expect(pendingSteps({ roles: ['SYSTEM_ADMIN'], mustChangePassword: true, totpEnabled: false })).toEqual(['CHANGE_PASSWORD', 'TOTP']);
    expect(pendingSteps({ roles: ['AUDIT_ADMIN'], mustChangePassword: false, totpEnabled: true })).toEqual([]);
    expect(pendingSteps({ roles: ['OFFICE_STAFF'], mustChangePassword: false, totpEnabled: false })).toEqual([]);
    expect(pendingSteps({ roles: ['MEMBER'], mustChangePassword: true, totpEnabled: false })).toEqual(['CHANGE_PASSWORD']);
  });
});
