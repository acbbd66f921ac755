import { SurveyNotDueErrorModel } from './match.models';
import { toSurveyResult } from './match.results';

describe('a survey refused', () => {
  it('says why in words, naming the checkpoint field', () => {
    const refused = toSurveyResult({ kind: 'not-due', reason: 'WITHDRAWN' });
    expect(refused).toBeInstanceOf(SurveyNotDueErrorModel);
    expect(refused).toEqual({
      code: 'WITHDRAWN',
      field: 'input.checkpoint',
      message: 'The service was given up: its later surveys are no longer asked',
      messageIt: 'Al servizio si è rinunciato: i questionari successivi non si compilano più',
    });
    expect(toSurveyResult({ kind: 'not-due', reason: 'NOT_COMPLETED' })).toMatchObject({ messageIt: 'Il questionario finale si apre quando il servizio è concluso' });
  });
});
