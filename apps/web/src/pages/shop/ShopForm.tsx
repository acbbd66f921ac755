import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions } from '../../components/fields';
import { useFormErrors, type LocalProblems } from '../../errors/use-form-errors';
import { MyShopDocument, RegisterShopDocument, UpdateShopDocument, type ShopFieldsFragment, type UpdateShopInput } from '../../gql/generated';
import { comuneProblem, employeesProblem, EMPTY_SHOP, readableEmployees, ShopFields, type ShopValues } from './ShopFields';

type Values = ShopValues;

/** The form field each value is checked as (the API's name for it). */
const FIELD_OF: Partial<Record<keyof Values, string>> = { comune: 'comuneCode' };

/**
 * A number of employees that cannot be read is sent as this, which the API refuses (at least 0)
 * together with every other field's problem: all the messages arrive at once, and nothing is saved.
 */
const UNREADABLE_EMPLOYEES = -1;

function valuesOf(shop: ShopFieldsFragment): Values {
  return {
    legalName: shop.legalName,
    tradingName: shop.tradingName ?? '',
    partitaIva: shop.partitaIva,
    atecoSection: shop.atecoSection,
    atecoDivision: shop.atecoDivision,
    comune: { code: shop.comune.code, name: shop.comune.name, sigla: shop.comune.province.sigla },
    comuneTyped: '',
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
  const initial = shop ? valuesOf(shop) : EMPTY_SHOP;
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
    const readable = readableEmployees(values.employees);
    const problem = employeesProblem(values.employees);
    const comune = comuneProblem(values);
    const local: LocalProblems = {
      ...(problem === null ? {} : { employees: (t) => t(`shop.${problem}`) }),
      ...(comune === null ? {} : { comuneCode: (t) => t(`shop.${comune}`) }),
    };
    const employees = readable ?? UNREADABLE_EMPLOYEES;
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

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="shop" />
      <ShopFields
        values={values}
        set={set}
        error={(key) => errors.fields[FIELD_OF[key] ?? key]}
        labels={{ ...labels, comune: labels.comuneCode } as Record<keyof Values, string>}
        idPrefix="shop-"
        withPartitaIva={!shop}
      />
      <FormActions busy={busy} submitLabel={shop ? t('common.saveChanges') : t('shop.submitRegister')} onCancel={onCancel} />
    </form>
  );
}
