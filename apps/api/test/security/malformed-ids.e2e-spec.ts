import { UserRole } from '@vec/core';
import { LogoutDocument, RefreshSessionDocument } from '../gql/generated';
import { signUp, staffUser } from '../testing/fixtures';
import { startTestApp, TestApp } from '../testing/test-app';

/** Ids written with the right length and alphabet, but not as a UUID: PostgreSQL refuses each. */
const NOT_UUIDS = ['-'.repeat(36), '0'.repeat(36), 'abcdef01'.repeat(4) + '----'];

describe('Ids from paths and tokens that are not UUIDs: not found, never a server error', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it.each(NOT_UUIDS)('staff export of account %s is not found', async (id) => {
    const staff = await staffUser(api, UserRole.MINISTRY);
    const response = await api.http().get(`/personal-data/accounts/${id}.json?reason=Richiesta%20PEC%20123`).set('authorization', `Bearer ${staff.accessToken}`);
    expect([response.status, response.body.code, response.body.field]).toEqual([404, 'NOT_FOUND', 'userId']);
  });

  it.each(NOT_UUIDS)('import job %s is not found', async (id) => {
    const provider = await signUp(api, 'PROVIDER');
    for (const path of [`/imports/jobs/${id}`, `/imports/jobs/${id}/problems`, `/imports/jobs/${id}/report.csv`]) {
      const response = await api.http().get(path).set('authorization', `Bearer ${provider.accessToken}`);
      expect([path, response.status]).toEqual([path, 404]);
    }
  });

  it.each(NOT_UUIDS)('a refresh token naming %s is refused as invalid, at refresh and at logout', async (id) => {
    const refreshToken = `${id}.c2VjcmV0`;
    const refreshed = await api.gql(RefreshSessionDocument, { input: { refreshToken } });
    expect(refreshed.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_REFRESH_TOKEN' });
    const loggedOut = await api.gql(LogoutDocument, { input: { refreshToken } });
    expect(loggedOut.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_REFRESH_TOKEN' });
  });
});
