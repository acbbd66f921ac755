import { ShopErrorCode, ShopException } from '../shop.exception';
import { sectionOfDivision, validateAtecoSector } from './ateco';

/** Throws a ShopException naming the field when the section/division pair is not ATECO 2025. */
export function assertAtecoSector(section: string, division: string, prefix = 'input'): void {
  const result = validateAtecoSector({ section, division });
  if (result.ok) return;
  switch (result.reason) {
    case 'UNKNOWN_SECTION':
      throw new ShopException(ShopErrorCode.ATECO_UNKNOWN_SECTION, `${prefix}.atecoSection`, section);
    case 'UNKNOWN_DIVISION':
      throw new ShopException(ShopErrorCode.ATECO_UNKNOWN_DIVISION, `${prefix}.atecoDivision`, division);
    case 'DIVISION_NOT_IN_SECTION':
      throw new ShopException(ShopErrorCode.ATECO_DIVISION_NOT_IN_SECTION, `${prefix}.atecoDivision`, division, {
        section,
        divisionSection: sectionOfDivision(division)?.code ?? '',
      });
  }
}
