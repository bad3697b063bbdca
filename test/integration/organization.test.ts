import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { admin } from '../support/casework-fixtures.js';

/**
 * Bodies and organizations are installation-wide data: the system administrator creates them. Signing
 * the administrator in makes the administrators' own body (系统管理) and organization (系统管理组,
 * test/support/sessions.ts), which the lists below therefore hold as well.
 */
let t: TestApp;
const ids: { city?: string; county?: string; beilun?: string } = {};
beforeAll(async () => {
  t = await startTestApp();
  t.client = await admin(t);
});
afterAll(async () => {
  await t.close();
});

const CREATE_BODY = gql`
  mutation ($name: String!, $kind: BodyKind!, $level: BodyLevel!, $parentId: ID, $region: String) {
    createBody(name: $name, kind: $kind, level: $level, parentId: $parentId, region: $region) {
      id
      name
      kind
      level
      parentId
      version
    }
  }
`;

describe('bodies and organizations', () => {
  it('creates a county body under the city body and lists bodies sorted by pinyin', async () => {
    const city: any = await t.client.request(CREATE_BODY, { name: '嘉兴市政协', kind: 'CPPCC', level: 'CITY', region: '嘉兴市' });
    const county: any = await t.client.request(CREATE_BODY, {
      name: '苍南县政协',
      kind: 'CPPCC',
      level: 'COUNTY',
      parentId: city.createBody.id,
    });
    expect(county.createBody).toMatchObject({ name: '苍南县政协', level: 'COUNTY', parentId: city.createBody.id, version: 1 });
    const beilun: any = await t.client.request(CREATE_BODY, { name: '北仑区人大常委会', kind: 'CONGRESS', level: 'COUNTY' });
    Object.assign(ids, { city: city.createBody.id, county: county.createBody.id, beilun: beilun.createBody.id });
    const list: any = await t.client.request(gql`
      {
        allBodies(sortField: "name", sortOrder: "ASC") {
          name
        }
        _allBodiesMeta {
          count
        }
      }
    `);
    // 系统管理 (xì tǒng) is the administrators' body
    expect(list.allBodies.map((b: any) => b.name)).toEqual(['北仑区人大常委会', '苍南县政协', '嘉兴市政协', '系统管理']);
    expect(list._allBodiesMeta.count).toBe(4);
  });

  it('refuses a parent body that is not a level up, naming the field', async () => {
    const err = await expectError(
      t.client.request(CREATE_BODY, { name: '某镇人大', kind: 'CONGRESS', level: 'CITY', parentId: ids.city }),
    );
    expect(err.extensions.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.field).toBe('parentId');
  });

  it('finds bodies by Chinese text with the q filter', async () => {
    const res: any = await t.client.request(gql`
      {
        allBodies(filter: { q: "苍南" }) {
          name
        }
      }
    `);
    expect(res.allBodies).toEqual([{ name: '苍南县政协' }]);
  });

  it('refuses a stale version with CONFLICT and keeps the record', async () => {
    const upd = gql`
      mutation ($id: ID!, $version: Int, $region: String) {
        updateBody(id: $id, version: $version, region: $region) {
          region
          version
        }
      }
    `;
    const ok: any = await t.client.request(upd, { id: ids.county, version: 1, region: '温州市苍南县' });
    expect(ok.updateBody).toEqual({ region: '温州市苍南县', version: 2 });
    const err = await expectError(t.client.request(upd, { id: ids.county, version: 1, region: '别处' }));
    expect(err.extensions.code).toBe('CONFLICT');
    expect(err.extensions.field).toBe('version');
    const after: any = await t.client.request(gql`query ($id: ID!) { Body(id: $id) { region version } }`, { id: ids.county });
    expect(after.Body).toEqual({ region: '温州市苍南县', version: 2 });
  });

  it('refuses to delete a body others depend on, with a clear message', async () => {
    const err = await expectError(t.client.request(gql`mutation ($id: ID!) { deleteBody(id: $id) { id } }`, { id: ids.city }));
    expect(err.extensions.code).toBe('CONFLICT');
    expect(err.message).toContain('无法删除');
    expect(err.message).not.toMatch(/violates|constraint|sql/i);
  });

  it('deletes a body nothing depends on and returns it', async () => {
    const res: any = await t.client.request(gql`mutation ($id: ID!) { deleteBody(id: $id) { id name } }`, { id: ids.beilun });
    expect(res.deleteBody).toEqual({ id: ids.beilun, name: '北仑区人大常委会' });
    const err = await expectError(t.client.request(gql`query ($id: ID!) { Body(id: $id) { id } }`, { id: ids.beilun }));
    expect(err.extensions.code).toBe('NOT_FOUND');
  });

  it('validates organization codes and phones, writing nothing', async () => {
    const err = await expectError(
      t.client.request(
        gql`
          mutation ($bodyId: ID!) {
            createOrganization(name: "嘉兴市政协办公室", code: "jx", kind: OFFICE, bodyId: $bodyId, officePhone: "12345") {
              id
            }
          }
        `,
        { bodyId: ids.city },
      ),
    );
    expect(err.extensions.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.fields.map((f: any) => f.field).sort()).toEqual(['code', 'officePhone']);
    // only the administrators' organization
    const count: any = await t.client.request(gql`{ allOrganizations { name } _allOrganizationsMeta { count } }`);
    expect(count.allOrganizations).toEqual([{ name: '系统管理组' }]);
    expect(count._allOrganizationsMeta.count).toBe(1);
  });

  it('refuses an unknown linked id with NOT_FOUND naming the field', async () => {
    const err = await expectError(
      t.client.request(gql`
        mutation {
          createOrganization(name: "嘉兴市政协办公室", code: "JX", kind: OFFICE, bodyId: "999") {
            id
          }
        }
      `),
    );
    expect(err.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'bodyId' });
  });

  it('refuses perPage above the cap and unknown sort fields', async () => {
    const e1 = await expectError(t.client.request(gql`{ allBodies(perPage: 501) { id } }`));
    expect(e1.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perPage' });
    const e2 = await expectError(t.client.request(gql`{ allBodies(sortField: "search_vector") { id } }`));
    expect(e2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });
  });
});
