import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useShopVoice } from '../auth/acting-for';
import { PersonalDataPanel } from '../pages/account/PersonalDataPanel';
import { LoadFailed, Loading } from './Loading';
import { PageTitle } from './PageTitle';
import { SignUpSteps } from './SignUpSteps';
import { StatusNotice, useNotice } from './StatusNotice';
import { ProfileList } from './ProfileList';
import { byId, useFocusAfter } from './use-focus-after';

/** The profile's edit button and the edit form's heading: the focus moves between them as the form opens and closes. */
const EDIT_BUTTON_ID = 'profile-edit';
const EDIT_TITLE_ID = 'profile-edit-title';

/** Reports that a form was sent, with the message to show. */
export type FormDone = (message: string) => void;

export interface NextLink {
  to: string;
  label: string;
}

interface Props<T> {
  /** i18n namespace of the page: its title, registerLead, editTitle, nextTitle and nextText. */
  ns: 'shop' | 'provider' | 'facilitator';
  /** Undefined until the first answer (a refetch keeps the form and its errors on screen), null when there is none. */
  entity: T | null | undefined;
  failed: boolean;
  /** The registration form (entity null) or the edit form. */
  form: (entity: T | null, onDone: FormDone, onCancel?: () => void) => ReactNode;
  profile: (entity: T, onEdit: () => void) => ReactNode;
  /** Where to go next once registered; the first is the main action. */
  next: readonly NextLink[];
}

/**
 * The page of the signed-in user's own organisation (a shop or a provider): the registration
 * form until there is one, then its profile with an edit form and the next steps.
 */
export function AccountPage<T>({ ns, entity, failed, form, profile, next }: Props<T>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { notice, announce, clear } = useNotice();
  const voice = useShopVoice();
  const title = ns === 'shop' ? voice : {};
  const focusAfter = useFocusAfter();
  const done: FormDone = (message) => {
    setEditing(false);
    announce(message);
  };

  let body;
  if (entity === undefined) body = failed ? <LoadFailed /> : <Loading />;
  else if (!entity) {
    body = (
      <>
        <SignUpSteps current={2} role={ns === 'shop' ? 'SHOP' : ns === 'provider' ? 'PROVIDER' : 'FACILITATOR'} />
        <p className="lead">{t(`${ns}.registerLead`)}</p>
        {form(null, done)}
        <PersonalDataPanel />
      </>
    );
  } else if (editing) {
    body = (
      <>
        <h2 id={EDIT_TITLE_ID} className="h3" tabIndex={-1}>
          {t(`${ns}.editTitle`)}
        </h2>
        {form(entity, done, () => {
          focusAfter(byId(EDIT_BUTTON_ID));
          setEditing(false);
        })}
      </>
    );
  } else {
    const edit = (): void => {
      clear();
      focusAfter(byId(EDIT_TITLE_ID));
      setEditing(true);
    };
    body = (
      <>
        {profile(entity, edit)}
        {next.length > 0 ? (
        <div className="next-card mt-5">
          <h2 className="h4">{t(`${ns}.nextTitle`)}</h2>
          <p>{t(`${ns}.nextText`)}</p>
          <div className="d-flex flex-wrap gap-3">
            {next.map((link, i) => (
              <Link key={link.to} className={i === 0 ? 'btn btn-primary' : 'btn btn-outline-primary'} to={link.to}>
                {link.label}
              </Link>
            ))}
          </div>
        </div>
        ) : null}
        <PersonalDataPanel />
      </>
    );
  }

  return (
    <>
      <PageTitle title={t(`${ns}.title`, title)}>{t(`${ns}.title`, title)}</PageTitle>
      <StatusNotice {...notice} />
      {body}
    </>
  );
}

interface ProfileCardProps {
  id: string;
  title: string;
  rows: readonly (readonly [string, ReactNode])[];
  editLabel: string;
  onEdit: () => void;
}

/** An organisation's details as a definition list, with the button that opens the edit form. */
export function ProfileCard({ id, title, rows, editLabel, onEdit }: ProfileCardProps) {
  return (
    <section className="profile-card" aria-labelledby={id}>
      <h2 id={id} className="h3">
        {title}
      </h2>
      <ProfileList rows={rows} />
      <button id={EDIT_BUTTON_ID} type="button" className="btn btn-outline-primary" onClick={onEdit}>
        {editLabel}
      </button>
    </section>
  );
}

interface RequireAccountProps<T> {
  /** Undefined until the first answer, null when there is none. */
  entity: T | null | undefined;
  failed: boolean;
  /** Why the page needs the organisation, and the link to its registration page. */
  message: string;
  registerLabel: string;
  registerPath: string;
  children: (entity: T) => ReactNode;
}

/** A page that needs the user's organisation registered: until then, the way to register it. */
export function RequireAccount<T>({ entity, failed, message, registerLabel, registerPath, children }: RequireAccountProps<T>) {
  if (entity === undefined) return failed ? <LoadFailed /> : <Loading />;
  if (!entity) {
    return (
      <div className="next-card">
        <p>{message}</p>
        <Link className="btn btn-primary" to={registerPath}>
          {registerLabel}
        </Link>
      </div>
    );
  }
  return children(entity);
}
