import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

type Role = 'SHOP' | 'PROVIDER' | 'FACILITATOR';

/**
 * Signing up takes two steps: the account, then the business (or organisation) it is for. Both
 * pages show where the reader is, in the Bootstrap Italia stepper (on phones, the current step and
 * "1/2").
 */
export function SignUpSteps({ current, role }: { current: 1 | 2; role: Role | '' }) {
  const { t } = useTranslation();
  const steps = [t('signUp.steps.account'), t(`signUp.steps.${role || 'either'}`)];
  return (
    <div className="steppers mb-4" data-testid="sign-up-steps">
      <div className="steppers-header">
        <ul aria-label={t('signUp.progress', { current, total: steps.length })}>
          {steps.map((label, index) => {
            const number = index + 1;
            const state = number < current ? 'confirmed' : number === current ? 'active' : undefined;
            return (
              <li key={label} className={state} aria-current={state === 'active' ? 'step' : undefined}>
                {state === 'confirmed' ? <Icon name="it-check" /> : null}
                <span className="steppers-number">{number}</span>
                {label}
                {state === 'confirmed' ? <span className="visually-hidden"> ({t('signUp.done')})</span> : null}
              </li>
            );
          })}
        </ul>
        <span className="steppers-index" aria-hidden="true">
          {current}/{steps.length}
        </span>
      </div>
    </div>
  );
}
