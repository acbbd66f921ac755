import { Logger } from '@nestjs/common';
import { ShopService } from '@vec/core/shop/shop.service';
import { QueryFailedError } from 'typeorm';
import { MyShopDocument } from '../gql/generated';
import { signUp } from '../testing/fixtures';
import { startTestApp, TestApp } from '../testing/test-app';

describe('Logs carry no personal data, SQL parameters or tokens', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('logs an unexpected SQL failure by its code and request id only, and masks it to the client', async () => {
    const shop = await signUp(api, 'SHOP');
    const logged: string[] = [];
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map(String).join(' '));
    });
    const driverError = Object.assign(new Error(`invalid input syntax for type uuid: "${shop.email}"`), { code: '22P02', table: 'shop' });
    const failing = jest
      .spyOn(api.app.get(ShopService), 'findOwn')
      .mockRejectedValueOnce(new QueryFailedError('SELECT * FROM shop WHERE owner_email = $1', [shop.email, shop.refreshToken], driverError));
    const response = await api.gqlHttp(MyShopDocument, undefined, { authorization: `Bearer ${shop.accessToken}`, 'x-request-id': 'log-hygiene-0001' });
    failing.mockRestore();
    error.mockRestore();
    expect(response.body.errors?.[0]).toMatchObject({ message: 'Internal server error (request log-hygiene-0001)', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const text = logged.join('\n');
    expect(text).toContain('request log-hygiene-0001: SQL error 22P02 (table shop)');
    for (const secret of [shop.email, shop.refreshToken, shop.accessToken, '$1', 'owner_email']) expect(text).not.toContain(secret);
  });
});
