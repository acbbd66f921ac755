import { GraphQLError } from 'graphql';
import { OfferErrorCode, OfferException } from '../offer/offer.exception';
import { offerErrorToGraphQL } from '../offer/api/offer.errors';
import { assertAtecoSector } from '../shop/registry/ateco-check';
import { ShopErrorCode, ShopException } from '../shop/shop.exception';
import { shopErrorToGraphQL } from '../shop/api/shop.errors';
import { FieldError } from './user-input.error';

const fieldsOf = (error: GraphQLError): FieldError[] => error.extensions.fields as FieldError[];
/** English words that gave away untranslated text in Italian messages. */
const ENGLISH = /\b(belongs|section|not|must|the|and|or|is)\b/;

describe('messages a person reads', () => {
  it('tells a missing radius centre, two centres and half a point apart, each saying what to do', () => {
    const words = (code: OfferErrorCode): FieldError => fieldsOf(offerErrorToGraphQL(new OfferException(code, 'input.coverage.radii.0')))[0];
    const none = words(OfferErrorCode.RADIUS_NO_CENTRE);
    const both = words(OfferErrorCode.RADIUS_TWO_CENTRES);
    const half = words(OfferErrorCode.RADIUS_POINT_INCOMPLETE);
    expect(none.messageIt).toBe('input.coverage.radii.0: scegli il centro del raggio: un comune, oppure un punto (latitudine e longitudine)');
    expect(none.message).not.toMatch(/not both/);
    expect(both.message).toMatch(/one centre/);
    expect(half.messageIt).toMatch(/sia della latitudine sia della longitudine/);
  });

  it('writes the ATECO division-and-section refusal in Italian only, saying what to do', () => {
    const thrown = ((): unknown => {
      try {
        assertAtecoSector('G', '10');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ShopException);
    const [field] = fieldsOf(shopErrorToGraphQL(thrown as ShopException));
    expect(field.messageIt).toBe(
      'input.atecoDivision: la divisione 10 appartiene alla sezione C, non alla G: scegli una divisione della sezione G, oppure cambia sezione',
    );
    expect(field.messageIt.replace('input.atecoDivision: ', '')).not.toMatch(ENGLISH);
    expect(field.message).toBe('input.atecoDivision: division 10 belongs to section C, not G: choose a division of section G, or change the section');
  });

  it('keeps every Italian offer and shop refusal free of English', () => {
    const offer = Object.values(OfferErrorCode).filter((code) => code !== OfferErrorCode.OFFER_NOT_FOUND);
    for (const code of offer) {
      const [field] = fieldsOf(offerErrorToGraphQL(new OfferException(code, 'input.x', 'Z')));
      expect([code, field.messageIt.replace(/^input\.x: /, '')]).toEqual([code, expect.not.stringMatching(ENGLISH)]);
    }
    const shop = [ShopErrorCode.ATECO_UNKNOWN_SECTION, ShopErrorCode.ATECO_UNKNOWN_DIVISION, ShopErrorCode.COORDINATES_INCOMPLETE];
    for (const code of shop) {
      const [field] = fieldsOf(shopErrorToGraphQL(new ShopException(code, 'input.x', 'Z')));
      expect([code, field.messageIt.replace(/^input\.x: /, '')]).toEqual([code, expect.not.stringMatching(ENGLISH)]);
    }
  });
});
