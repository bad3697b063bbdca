import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildI18nProvider } from '../../admin/src/i18n/i18nProvider.js';
import fs from 'node:fs';
import type { DataProvider } from 'react-admin';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';
import { withLocalizedErrors } from '../../admin/src/providers/localizedErrors.js';
import { ApiError, errorCode, graphql } from '../../admin/src/providers/authProvider.js';

/** The server's answer to any request: one refusal with its code and field. */
function refuse(message: string, extensions: Record<string, unknown>) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ errors: [{ message, extensions }], data: null }), { status: 200, headers: { 'content-type': 'application/json' } }));
}

const schemaModel = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));

/** ra-data-graphql's refusal: Apollo's error with the server's graphQLErrors. */
const apolloRefusal = (message: string, extensions: Record<string, unknown>) =>
  Object.assign(new Error(message), { graphQLErrors: [{ message, extensions }] });

describe('a server refusal as the console notifies it', () => {
  const i18n = buildI18nProvider(schemaModel);
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads, in English, the code’s English, the field and the server’s message, through the data provider', async () => {
    await i18n.changeLocale('en');
    const message = 'version：机构 3 已被他人修改（你的版本 1，当前版本 2），请刷新后重试';
    const dataProvider = withLocalizedErrors({ update: () => Promise.reject(apolloRefusal(message, { code: 'CONFLICT', field: 'version' })) } as unknown as DataProvider);
    const error = await dataProvider.update('Body', { id: '3', data: { name: 'x' }, previousData: { id: '3' } }).catch((e: any) => e);
    expect(error.message).toBe('Someone else changed this record; reload and try again (field: version): version：机构 3 已被他人修改（你的版本 1，当前版本 2），请刷新后重试');
    // the code still reaches checkError
    expect(errorCode(error)).toBe('CONFLICT');
  });

  it('reads, in Chinese, the server’s own message, through the console’s own requests', async () => {
    await i18n.changeLocale('zh-CN');
    refuse('note：不能为空', { code: 'BAD_USER_INPUT', field: 'note' });
    const error = await graphql('mutation { x }').catch((e: ApiError) => e);
    expect([error.message, error.code, error.field]).toEqual(['note：不能为空', 'BAD_USER_INPUT', 'note']);
    await i18n.changeLocale('en');
    const english = await graphql('mutation { x }').catch((e: ApiError) => e);
    expect(english.message).toBe('Invalid input (field: note): note：不能为空');
  });
});
