import { PATHS } from '../../routes';

/**
 * Who is looking at the calls pages: ministry staff (every call) or an authorised organisation
 * (the calls it runs). The same pages serve both; only paths, words and what may be done differ.
 */
export type CallScope = 'staff' | 'organisation';

export const callPathFor = (scope: CallScope): string => (scope === 'staff' ? PATHS.staffCall : PATHS.facilitatorCall);
