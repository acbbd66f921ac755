import { useFormErrors, type FormErrorState } from '../../errors/use-form-errors';
import {
  HelpRequestDocument,
  MyHelpRequestsDocument,
  MyMatchesDocument,
  MyOffersDocument,
  OfferRecommendationsDocument,
  OfferUsageDocument,
  ProviderApplicationsDocument,
  UnreadNotificationCountDocument,
} from '../../gql/generated';

/** Lists a match step changes: refetched when shown, so counts and states stay true. */
export const AFTER_MATCH_STEP = [
  MyMatchesDocument,
  ProviderApplicationsDocument,
  MyHelpRequestsDocument,
  HelpRequestDocument,
  OfferRecommendationsDocument,
  MyOffersDocument,
  OfferUsageDocument,
  UnreadNotificationCountDocument,
];

type StepResult =
  | { __typename: 'Match' }
  | { __typename: 'InvalidMatchTransitionError' | 'ProviderNotApprovedError'; code: string; message: string; messageIt: string; field?: string | null };

export interface MatchStep extends FormErrorState {
  /** Runs the mutation; true when the match moved on, else the failure is shown. */
  run(step: () => Promise<StepResult | undefined>): Promise<boolean>;
}

/** A match step whose business refusal or bad input shows in the form's error summary. */
export function useMatchStep(labels: Record<string, string> = {}): MatchStep {
  const state = useFormErrors(labels);
  return { ...state, run: async (step) => (await state.send('Match', step)) !== null };
}
