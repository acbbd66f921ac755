import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions, TextField } from '../../components/fields';
import { byId, useFocusAfter } from '../../components/use-focus-after';
import { useFormErrors } from '../../errors/use-form-errors';
import { UpdateHelpRequestDescriptionDocument, type HelpRequestFieldsFragment } from '../../gql/generated';

/** An open request's description, changed in place: what the providers it applies to will read. */
export function EditRequestDescription({ request, onDone }: { request: HelpRequestFieldsFragment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [update, { loading }] = useMutation(UpdateHelpRequestDescriptionDocument);
  const labels = { description: t('request.description') };
  const { errors, attempt, send, changed, clear } = useFormErrors(labels);
  // The form takes the button's place: the focus goes to its field, and back to the button on cancel.
  const focusAfter = useFocusAfter();
  if (request.status !== 'OPEN') return null;
  const prefix = `request-${request.id}`;
  const buttonId = `${prefix}-edit`;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await send('HelpRequest', async () => (await update({ variables: { input: { id: request.id, description: text } } })).data?.updateHelpRequest)) {
      focusAfter(byId(buttonId));
      setOpen(false);
      onDone(t('request.saved'));
    }
  };

  if (!open) {
    return (
      <button
        id={buttonId}
        type="button"
        className="btn btn-outline-primary"
        onClick={() => {
          setText(request.description ?? '');
          clear();
          focusAfter(byId(`${prefix}-description`));
          setOpen(true);
        }}
      >
        {t('request.edit')}
      </button>
    );
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="decision-form w-100 mb-3" aria-label={t('request.edit')}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
      <TextField
        id={`${prefix}-description`}
        label={labels.description}
        hint={t('request.editHint')}
        required
        multiline
        value={text}
        onChange={changed('description', setText)}
        error={errors.fields.description}
      />
      <FormActions busy={loading} submitLabel={t('request.save')} onCancel={() => {
          focusAfter(byId(buttonId));
          setOpen(false);
        }}
      />
    </form>
  );
}
