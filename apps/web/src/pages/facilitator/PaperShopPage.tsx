import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxGroup, FormActions, TextField } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFormErrors, type LocalProblems } from '../../errors/use-form-errors';
import { DelegatedShopsDocument, MyFacilitatorDocument, RegisterShopOnPaperDocument, type DelegationFieldsFragment } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { PATHS } from '../../routes';
import { comuneProblem, employeesProblem, EMPTY_SHOP, readableEmployees, ShopFields, type ShopValues } from '../shop/ShopFields';

/** A declaration date in the future, which registerShopOnPaper refuses before writing anything. */
const NEVER_DECLARED = '2999-12-31';

/** Sent for a number of employees that cannot be read: the API refuses it with every other field's problem at once. */
const UNREADABLE_EMPLOYEES = -1;

function Registered({ delegation, email, onAnother }: { delegation: DelegationFieldsFragment; email: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  // The form gives way to this: the focus comes to its heading, so that it is read at once.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="alert alert-success" aria-labelledby="paper-done-title">
      <h2 id="paper-done-title" className="h4" tabIndex={-1} ref={heading}>
        {t('paperShop.done.title', { shop: delegation.shopName ?? '' })}
      </h2>
      <p>{t('paperShop.done.consent', { date: delegation.paperDeclaredOn ? date(delegation.paperDeclaredOn) : '' })}</p>
      <p>{t('paperShop.done.invitation', { email })}</p>
      <div className="d-flex flex-wrap gap-3">
        <Link className="btn btn-primary" to={PATHS.facilitatorDesk}>
          {t('shopImport.back')}
        </Link>
        <button type="button" className="btn btn-outline-primary" onClick={onAnother}>
          {t('paperShop.done.another')}
        </button>
      </div>
    </section>
  );
}

function PaperShopForm({ onRegistered }: { onRegistered: (delegation: DelegationFieldsFragment, email: string) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ShopValues>(EMPTY_SHOP);
  const [ownerEmail, setOwnerEmail] = useState('');
  // Left empty: the date a paper declaration was signed is recorded for good, so it is typed from the paper, never assumed.
  const [declaredOn, setDeclaredOn] = useState('');
  const [signed, setSigned] = useState(false);
  const [register, { loading }] = useMutation(RegisterShopOnPaperDocument, { refetchQueries: [DelegatedShopsDocument] });

  // Keyed as the API names the fields (without `input.`), in the order of the form.
  const labels: Record<string, string> = {
    'shop.legalName': t('shop.fields.legalName'),
    'shop.tradingName': t('shop.fields.tradingName'),
    'shop.partitaIva': t('shop.fields.partitaIva'),
    'shop.atecoSection': t('shop.fields.atecoSection'),
    'shop.atecoDivision': t('shop.fields.atecoDivision'),
    'shop.employees': t('shop.fields.employees'),
    'shop.comuneCode': t('shop.fields.comune'),
    'shop.address': t('shop.fields.address'),
    'shop.contactEmail': t('shop.fields.contactEmail'),
    'shop.contactPhone': t('shop.fields.contactPhone'),
    ownerEmail: t('paperShop.fields.ownerEmail'),
    signed: t('paperShop.fields.consent'),
    declaredOn: t('paperShop.fields.declaredOn'),
  };
  const { errors, attempt, dismiss, send } = useFormErrors(labels);
  const fieldOf = (key: keyof ShopValues): string => `shop.${key === 'comune' ? 'comuneCode' : key}`;
  const set =
    <K extends keyof ShopValues>(key: K) =>
    (value: ShopValues[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      dismiss(fieldOf(key));
    };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const readable = readableEmployees(values.employees);
    const problem = employeesProblem(values.employees);
    const comune = comuneProblem(values);
    const local: LocalProblems = {
      ...(problem === null ? {} : { 'shop.employees': (t) => t(`shop.${problem}`) }),
      ...(comune === null ? {} : { 'shop.comuneCode': (t) => t(`shop.${comune}`) }),
      ...(signed ? {} : { signed: (t) => t('paperShop.consentRequired') }),
      ...(declaredOn ? {} : { declaredOn: (t) => t('paperShop.declaredOnRequired') }),
    };
    const dated = signed && declaredOn !== '';
    const input = {
      shop: {
        legalName: values.legalName,
        tradingName: values.tradingName || undefined,
        partitaIva: values.partitaIva,
        atecoSection: values.atecoSection,
        atecoDivision: values.atecoDivision,
        comuneCode: values.comune?.code ?? '',
        address: values.address,
        employees: readable ?? UNREADABLE_EMPLOYEES,
        contactEmail: values.contactEmail,
        contactPhone: values.contactPhone || undefined,
      },
      ownerEmail,
      // Not confirmed as signed, or with no date: a date the API is sure to refuse (it checks it before writing
      // anything), so that every other field's message comes back with the box's at once.
      declaredOn: dated ? declaredOn : NEVER_DECLARED,
    };
    const done = await send('Delegation', async () => (await register({ variables: { input } })).data?.registerShopOnPaper, local, signed || !declaredOn ? [] : ['declaredOn']);
    if (done) onRegistered(done, ownerEmail.trim().toLowerCase());
  };

  const shopLabels = Object.fromEntries((Object.keys(EMPTY_SHOP) as (keyof ShopValues)[]).map((key) => [key, labels[fieldOf(key)]])) as Record<keyof ShopValues, string>;
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="paper" />
      <ShopFields values={values} set={set} error={(key) => errors.fields[fieldOf(key)]} labels={shopLabels} idPrefix="paper-shop." withPartitaIva />
      <fieldset className="mt-2">
        <legend className="h4">{t('paperShop.sections.consent')}</legend>
        <p>{t('paperShop.consentLead')}</p>
        <TextField
          id="paper-ownerEmail"
          label={labels.ownerEmail}
          hint={t('paperShop.hints.ownerEmail')}
          type="email"
          required
          autoComplete="off"
          value={ownerEmail}
          onChange={(value) => {
            setOwnerEmail(value);
            dismiss('ownerEmail');
          }}
          error={errors.fields.ownerEmail}
        />
        <CheckboxGroup
          id="paper-signed"
          legend={labels.signed}
          required
          options={[{ value: 'signed', label: t('paperShop.consentStatement') }]}
          value={signed ? ['signed'] : []}
          onChange={(chosen) => {
            setSigned(chosen.includes('signed'));
            dismiss('signed');
          }}
          error={errors.fields.signed}
        />
        <TextField
          id="paper-declaredOn"
          label={labels.declaredOn}
          hint={t('paperShop.hints.declaredOn')}
          type="date"
          required
          value={declaredOn}
          onChange={(value) => {
            setDeclaredOn(value);
            dismiss('declaredOn');
          }}
          error={errors.fields.declaredOn}
        />
      </fieldset>
      <FormActions busy={loading} submitLabel={t('paperShop.submit')} />
    </form>
  );
}

/** "Registra un negozio su consenso cartaceo": a business without an account, registered by the facilitator under the paper declaration its owner signed. */
export function PaperShopPage() {
  const { t } = useTranslation();
  const mine = useQuery(MyFacilitatorDocument);
  const facilitator = mine.data?.myFacilitator;
  const [registered, setRegistered] = useState<{ delegation: DelegationFieldsFragment; email: string } | null>(null);
  const [round, setRound] = useState(0);
  if (mine.data && !facilitator) return <Navigate to={PATHS.facilitator} replace />;
  return (
    <>
      <PageTitle title={t('paperShop.title')}>{t('paperShop.title')}</PageTitle>
      <p className="lead">{t('paperShop.lead')}</p>
      <p>
        <Link to={PATHS.facilitatorDesk}>{t('shopImport.back')}</Link>
      </p>
      {!facilitator ? (
        <Loading />
      ) : facilitator.verificationStatus !== 'APPROVED' ? (
        <p className="alert alert-info">
          {t('shopImport.notApproved')} <Link to={PATHS.facilitator}>{t('nav.facilitator')}</Link>
        </p>
      ) : registered ? (
        <Registered
          delegation={registered.delegation}
          email={registered.email}
          onAnother={() => {
            setRegistered(null);
            setRound(round + 1);
          }}
        />
      ) : (
        <PaperShopForm key={round} onRegistered={(delegation, email) => setRegistered({ delegation, email })} />
      )}
    </>
  );
}
