import { fieldError, MOST_FIELD_ERRORS, userInputError } from './user-input.error';

describe('userInputError', () => {
  it('sums up every field once, whether its message names it or not', () => {
    const error = userInputError([
      fieldError('input.latitude', 'RADIUS_CENTRE_OUTSIDE_ITALY', { en: 'input.latitude: the point is far from Italy', it: 'input.latitude: il punto è lontano dall’Italia' }),
      fieldError('input.capacity', 'min', { en: 'must be at least 1', it: 'deve essere almeno 1' }),
    ]);
    expect(error.message).toBe('Invalid input. input.latitude: the point is far from Italy; input.capacity: must be at least 1');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.latitude' }, { field: 'input.capacity' }] });
  });

  it('names at most fifty fields, and says when there were more', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => fieldError(`input.ids.${i}`, 'isUuid', { en: 'must be an id', it: 'deve essere un id' }));
    const many = userInputError(items(16_000));
    expect(many.extensions.fields).toHaveLength(MOST_FIELD_ERRORS);
    expect(many.extensions.moreFields).toBe(true);
    expect(many.message.endsWith('input.ids.49: must be an id; and more')).toBe(true);
    const exactly = userInputError(items(MOST_FIELD_ERRORS));
    expect(exactly.extensions.moreFields).toBeUndefined();
    expect(userInputError(items(3), true).extensions.moreFields).toBe(true);
  });
});
