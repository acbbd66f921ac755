import { useTranslation } from 'react-i18next';
import { ComuneAutocomplete, type ComuneChoice } from '../../components/ComuneAutocomplete';
import { SelectField, TextField } from '../../components/fields';
import { currentLanguage } from '../../i18n';
import { atecoDivisions, atecoSections } from './ateco';

/** A shop's details as a form holds them. */
export interface ShopValues {
  legalName: string;
  tradingName: string;
  partitaIva: string;
  atecoSection: string;
  atecoDivision: string;
  comune: ComuneChoice | null;
  /** What is written in the comune's field, chosen from the list or not. */
  comuneTyped: string;
  address: string;
  employees: string;
  contactEmail: string;
  contactPhone: string;
}

export const EMPTY_SHOP: ShopValues = {
  legalName: '',
  tradingName: '',
  partitaIva: '',
  atecoSection: '',
  atecoDivision: '',
  comune: null,
  comuneTyped: '',
  address: '',
  employees: '',
  contactEmail: '',
  contactPhone: '',
};

/** A comune's name written but never chosen from the list (the key of its message under `shop.`), or null. */
export const comuneProblem = (values: Pick<ShopValues, 'comune' | 'comuneTyped'>): 'comuneNotChosen' | null =>
  values.comune === null && values.comuneTyped.trim() !== '' ? 'comuneNotChosen' : null;

/** Whole numbers of employees the forms send; anything else is refused before sending. */
export const readableEmployees = (text: string): number | null => (employeesProblem(text) === null ? Number(text.trim()) : null);

/** Why a number of employees cannot be sent (the key of its message under `shop.`), or null when it can: the API takes 0 or more. */
export function employeesProblem(text: string): 'employeesRequired' | 'employeesNegative' | 'employeesNotNumber' | null {
  const value = text.trim();
  if (!value) return 'employeesRequired';
  if (/^-\d{1,6}$/.test(value)) return 'employeesNegative';
  return /^\d{1,6}$/.test(value) ? null : 'employeesNotNumber';
}

interface Props {
  values: ShopValues;
  set: <K extends keyof ShopValues>(key: K) => (value: ShopValues[K]) => void;
  /** The message next to a field, if any. */
  error: (key: keyof ShopValues) => string | undefined;
  labels: Record<keyof ShopValues, string>;
  /** Put before each field's name to make its id (the error summary's links point there). */
  idPrefix: string;
  withPartitaIva: boolean;
}

/** The fieldsets of a shop's details (business, place, contacts): the shop's own form and a facilitator's registration on paper. */
export function ShopFields({ values, set, error, labels, idPrefix, withPartitaIva }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = (field: string): string => `${idPrefix}${field}`;
  return (
    <>
      <fieldset className="mt-4">
        <legend className="h4">{t('shop.sections.business')}</legend>
        <TextField id={id('legalName')} label={labels.legalName} required autoComplete="organization" value={values.legalName} onChange={set('legalName')} error={error('legalName')} />
        <TextField id={id('tradingName')} label={labels.tradingName} hint={t('shop.hints.tradingName')} value={values.tradingName} onChange={set('tradingName')} error={error('tradingName')} />
        {withPartitaIva ? (
          <TextField
            id={id('partitaIva')}
            label={labels.partitaIva}
            hint={t('shop.hints.partitaIva')}
            required
            inputMode="numeric"
            value={values.partitaIva}
            onChange={set('partitaIva')}
            error={error('partitaIva')}
          />
        ) : null}
        <SelectField
          id={id('atecoSection')}
          label={labels.atecoSection}
          required
          placeholder={t('shop.choose')}
          options={atecoSections(language)}
          value={values.atecoSection}
          onChange={(section) => {
            set('atecoSection')(section);
            // A division belongs to its section: a chosen one goes with the old section (an empty one keeps its message).
            if (values.atecoDivision !== '') set('atecoDivision')('');
          }}
          error={error('atecoSection')}
        />
        <SelectField
          id={id('atecoDivision')}
          label={labels.atecoDivision}
          hint={values.atecoSection ? undefined : t('shop.hints.atecoDivision')}
          required
          placeholder={t('shop.choose')}
          options={atecoDivisions(values.atecoSection, language)}
          value={values.atecoDivision}
          onChange={set('atecoDivision')}
          error={error('atecoDivision')}
        />
        <TextField id={id('employees')} label={labels.employees} required inputMode="numeric" value={values.employees} onChange={set('employees')} error={error('employees')} />
      </fieldset>
      <fieldset className="mt-2">
        <legend className="h4">{t('shop.sections.place')}</legend>
        <ComuneAutocomplete
          id={id('comuneCode')}
          label={labels.comune}
          hint={t('shop.hints.comune')}
          required
          value={values.comune}
          onChange={set('comune')}
          onTextChange={set('comuneTyped')}
          error={error('comune')}
        />
        <TextField id={id('address')} label={labels.address} required autoComplete="street-address" value={values.address} onChange={set('address')} error={error('address')} />
      </fieldset>
      <fieldset className="mt-2">
        <legend className="h4">{t('shop.sections.contacts')}</legend>
        <TextField id={id('contactEmail')} label={labels.contactEmail} type="email" required autoComplete="email" value={values.contactEmail} onChange={set('contactEmail')} error={error('contactEmail')} />
        <TextField id={id('contactPhone')} label={labels.contactPhone} type="tel" autoComplete="tel" value={values.contactPhone} onChange={set('contactPhone')} error={error('contactPhone')} />
      </fieldset>
    </>
  );
}
