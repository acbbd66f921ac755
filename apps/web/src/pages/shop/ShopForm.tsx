import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ComuneAutocomplete, type ComuneChoice } from '../../components/ComuneAutocomplete';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions, SelectField, TextField } from '../../components/fields';
import { useFormErrors, type LocalProblems } from '../../errors/use-form-errors';
import { MyShopDocument, RegisterShopDocument, UpdateShopDocument, type ShopFieldsFragment, type UpdateShopInput } from '../../gql/generated';
import { currentLanguage } from '../../i18n';
import { atecoDivisions, atecoSections } from './ateco';

interface Values {
  legalName: string;
  tradingName: string;
  partitaIva: string;
  atecoSection: string;
  atecoDivision: string;
  comune: ComuneChoice | null;
  address: string;
  employees: string;
  contactEmail: string;
  contactPhone: string;
}

/** The form field each value is checked as (the API's name for it). */
const FIELD_OF: Partial<Record<keyof Values, string>> = { comune: 'comuneCode' };

/**
 * A number of employees that cannot be read is sent as this, which the API refuses (at least 0)
 * together with every other field's problem: all the messages arrive at once, and nothing is saved.
 */
const UNREADABLE_EMPLOYEES = -1;

const EMPTY: Values = {
  legalName: '',
  tradingName: '',
  partitaIva: '',
  atecoSection: '',
  atecoDivision: '',
  comune: null,
  address: '',
  employees: '',
  contactEmail: '',
  contactPhone: '',
};

function valuesOf(shop: ShopFieldsFragment): Values {
  return {
    legalName: shop.legalName,
    tradingName: shop.tradingName ?? '',
    partitaIva: shop.partitaIva,
    atecoSection: shop.atecoSection,
    atecoDivision: shop.atecoDivision,
    comune: { code: shop.comune.code, name: shop.comune.name, sigla: shop.comune.province.sigla },
    address: shop.address,
    employees: String(shop.employees),
    contactEmail: shop.contactEmail,
    contactPhone: shop.contactPhone ?? '',
  };
}

/** Only what changed: the API updates just the fields given (and moves the shop only on a new comune). */
function changes(before: Values, after: Values, employees: number): UpdateShopInput {
  const input: UpdateShopInput = {};
  if (after.legalName !== before.legalName) input.legalName = after.legalName;
  if (after.tradingName !== before.tradingName) input.tradingName = after.tradingName || null;
  if (after.atecoSection !== before.atecoSection) input.atecoSection = after.atecoSection;
  if (after.atecoDivision !== before.atecoDivision) input.atecoDivision = after.atecoDivision;
  if (after.comune?.code !== before.comune?.code) input.comuneCode = after.comune?.code ?? '';
  if (after.address !== before.address) input.address = after.address;
  if (after.employees !== before.employees) input.employees = employees;
  if (after.contactEmail !== before.contactEmail) input.contactEmail = after.contactEmail;
  if (after.contactPhone !== before.contactPhone) input.contactPhone = after.contactPhone || null;
  return input;
}

interface Props {
  shop: ShopFieldsFragment | null;
  onDone: (message: string) => void;
  onCancel?: () => void;
}

export function ShopForm({ shop, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const initial = shop ? valuesOf(shop) : EMPTY;
  const [values, setValues] = useState<Values>(initial);
  const [registerShop, registering] = useMutation(RegisterShopDocument, { refetchQueries: [MyShopDocument], awaitRefetchQueries: true });
  const [updateShop, updating] = useMutation(UpdateShopDocument);
  const busy = registering.loading || updating.loading;

  const labels: Record<string, string> = {
    legalName: t('shop.fields.legalName'),
    tradingName: t('shop.fields.tradingName'),
    partitaIva: t('shop.fields.partitaIva'),
    atecoSection: t('shop.fields.atecoSection'),
    atecoDivision: t('shop.fields.atecoDivision'),
    employees: t('shop.fields.employees'),
    comuneCode: t('shop.fields.comune'),
    address: t('shop.fields.address'),
    contactEmail: t('shop.fields.contactEmail'),
    contactPhone: t('shop.fields.contactPhone'),
  };
  const { errors, attempt, dismiss, send } = useFormErrors(labels);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      dismiss(FIELD_OF[key] ?? key);
    };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // The one check made here: a number field the API cannot even receive when it is not a number.
    const readable = /^\d{1,6}$/.test(values.employees.trim());
    const local: LocalProblems = readable ? {} : { employees: () => t('shop.employeesNotNumber') };
    const employees = readable ? Number(values.employees.trim()) : UNREADABLE_EMPLOYEES;
    if (shop) {
      const input = changes(initial, values, employees);
      if (await send('Shop', async () => (await updateShop({ variables: { input } })).data?.updateShop, local)) onDone(t('shop.updated'));
      return;
    }
    const input = {
      legalName: values.legalName,
      tradingName: values.tradingName || undefined,
      partitaIva: values.partitaIva,
      atecoSection: values.atecoSection,
      atecoDivision: values.atecoDivision,
      comuneCode: values.comune?.code ?? '',
      address: values.address,
      employees,
      contactEmail: values.contactEmail,
      contactPhone: values.contactPhone || undefined,
    };
    if (await send('Shop', async () => (await registerShop({ variables: { input } })).data?.registerShop, local)) onDone(t('shop.registered'));
  };

  const id = (field: string): string => `shop-${field}`;
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="shop" />
      <fieldset className="mt-4">
        <legend className="h4">{t('shop.sections.business')}</legend>
        <TextField id={id('legalName')} label={labels.legalName} required autoComplete="organization" value={values.legalName} onChange={set('legalName')} error={errors.fields.legalName} />
        <TextField id={id('tradingName')} label={labels.tradingName} hint={t('shop.hints.tradingName')} value={values.tradingName} onChange={set('tradingName')} error={errors.fields.tradingName} />
        {shop ? null : (
          <TextField
            id={id('partitaIva')}
            label={labels.partitaIva}
            hint={t('shop.hints.partitaIva')}
            required
            inputMode="numeric"
            value={values.partitaIva}
            onChange={set('partitaIva')}
            error={errors.fields.partitaIva}
          />
        )}
        <SelectField
          id={id('atecoSection')}
          label={labels.atecoSection}
          required
          placeholder={t('shop.choose')}
          options={atecoSections(language)}
          value={values.atecoSection}
          onChange={(section) => {
            setValues((v) => ({ ...v, atecoSection: section, atecoDivision: '' }));
            dismiss('atecoSection');
          }}
          error={errors.fields.atecoSection}
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
          error={errors.fields.atecoDivision}
        />
        <TextField id={id('employees')} label={labels.employees} required inputMode="numeric" value={values.employees} onChange={set('employees')} error={errors.fields.employees} />
      </fieldset>
      <fieldset className="mt-2">
        <legend className="h4">{t('shop.sections.place')}</legend>
        <ComuneAutocomplete
          id={id('comuneCode')}
          label={labels.comuneCode}
          hint={t('shop.hints.comune')}
          required
          value={values.comune}
          onChange={set('comune')}
          error={errors.fields.comuneCode}
        />
        <TextField id={id('address')} label={labels.address} required autoComplete="street-address" value={values.address} onChange={set('address')} error={errors.fields.address} />
      </fieldset>
      <fieldset className="mt-2">
        <legend className="h4">{t('shop.sections.contacts')}</legend>
        <TextField id={id('contactEmail')} label={labels.contactEmail} type="email" required autoComplete="email" value={values.contactEmail} onChange={set('contactEmail')} error={errors.fields.contactEmail} />
        <TextField id={id('contactPhone')} label={labels.contactPhone} type="tel" autoComplete="tel" value={values.contactPhone} onChange={set('contactPhone')} error={errors.fields.contactPhone} />
      </fieldset>
      <FormActions busy={busy} submitLabel={shop ? t('common.saveChanges') : t('shop.submitRegister')} onCancel={onCancel} />
    </form>
  );
}
