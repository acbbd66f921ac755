import { fieldError, userInputError } from './user-input.error';

describe('userInputError', () => {
  it('sums up every field once, whether its message names it or not', () => {
    const error = userInputError([
      fieldError('input.latitude', 'RADIUS_CENTRE_OUTSIDE_ITALY', { en: 'input.latitude: the point is far from Italy', it: 'input.latitude: il punto è lontano dall’Italia' }),
      fieldError('input.capacity', 'min', { en: 'must be at least 1', it: 'deve essere almeno 1' }),
    ]);
    expect(error.message).toBe('Invalid input. input.latitude: the point is far from Italy; input.capacity: must be at least 1');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.latitude' }, { field: 'input.capacity' }] });
  });
});
