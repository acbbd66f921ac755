import { CreateHelpRequestsFromNeedsDocument, NeedsQuestionnaireDocument } from './gql/generated';
import { shopIn } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

describe('The needs questionnaire, served by the API, and answers turned into requests', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('serves the questions and the services each calls for to anyone, in both languages', async () => {
    const { needsQuestionnaire } = dataOf(await api.gql(NeedsQuestionnaireDocument));
    expect(needsQuestionnaire.questionIt).toBe('Che cosa vorresti fare con il digitale?');
    expect(needsQuestionnaire.needs.find((need) => need.code === 'SELL_ONLINE')).toEqual({
      code: 'SELL_ONLINE',
      question: 'Do you want to sell online?',
      questionIt: 'Vuoi vendere online?',
      categories: ['ONLINE_STORE', 'MARKETPLACE_LISTING'],
    });
    expect(new Set(needsQuestionnaire.needs.flatMap((need) => need.categories)).size).toBe(11);
    expect(needsQuestionnaire.suggestions).toHaveLength(11);
  });

  it('turns answers into one request per service they call for, all or none, and refuses a service they do not call for', async () => {
    const shop = await shopIn(api, '001272');
    const created = member(dataOf(await api.gqlAs(shop.accessToken, CreateHelpRequestsFromNeedsDocument, { input: { needs: ['CARD_PAYMENTS', 'HOME_DELIVERY'] } })).createHelpRequestsFromNeeds, 'HelpRequestBatch');
    expect(created.requests.map((r) => [r.category, r.description, r.status])).toEqual([
      ['HOME_DELIVERY', 'Vorremmo consegnare a domicilio ai clienti del quartiere.', 'OPEN'],
      ['DIGITAL_PAYMENTS', 'Vorremmo accettare pagamenti con carta e smartphone.', 'OPEN'],
    ]);
    // Asked again: the shop already has those requests, so nothing is created.
    const again = dataOf(await api.gqlAs(shop.accessToken, CreateHelpRequestsFromNeedsDocument, { input: { needs: ['HOME_DELIVERY'] } })).createHelpRequestsFromNeeds;
    expect(again.__typename).toBe('DuplicateHelpRequestError');

    const chosen = member(
      dataOf(await api.gqlAs(shop.accessToken, CreateHelpRequestsFromNeedsDocument, { input: { needs: ['SELL_ONLINE'], requests: [{ category: 'MARKETPLACE_LISTING', description: 'Vendere le nostre conserve su un marketplace.' }] } }))
        .createHelpRequestsFromNeeds,
      'HelpRequestBatch',
    );
    expect(chosen.requests.map((r) => r.category)).toEqual(['MARKETPLACE_LISTING']);

    const refused = await api.gqlAs(shop.accessToken, CreateHelpRequestsFromNeedsDocument, { input: { needs: ['WEBSITE'], requests: [{ category: 'CYBERSECURITY', description: 'Proteggere i dati dei clienti.' }] } });
    expect(refused.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ field: 'input.requests.0.category', code: 'NOT_PROPOSED' })]);
    const noAnswer = await api.gqlAs((await shopIn(api, '001272')).accessToken, CreateHelpRequestsFromNeedsDocument, { input: { needs: [] } });
    expect(noAnswer.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ field: 'input.needs' })]);
  });
});
