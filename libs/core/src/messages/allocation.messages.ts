import type { AllocationRunStatus, RunFailure } from '../allocation/allocation.types';
import { statusMessages } from './status.messages';
import type { Words } from './words';

/** A failed run never changed anything (it writes in one transaction): what staff read. */
const FAILURES: Readonly<Record<RunFailure, Words>> = {
  RUN_FAILED: {
    en: 'The run could not complete; nothing was changed. See the server log for the request id.',
    it: 'L’esecuzione non è riuscita a terminare; non è cambiato nulla. Il registro del server riporta l’identificativo della richiesta.',
  },
  WORKER_STOPPED: {
    en: 'The worker stopped before the run finished; nothing was changed. Start the run again.',
    it: 'Il processo si è fermato prima della fine dell’esecuzione; non è cambiato nulla. Avviala di nuovo.',
  },
};

/** Allocation runs, started and scheduled by ministry staff. */
export const allocationMessages = {
  runNotFound: (): Words => ({ en: 'No such allocation run', it: 'Esecuzione non trovata' }),
  runAtInPast: (field: string): Words => ({ en: `${field} must be in the future`, it: `${field} deve essere nel futuro` }),
  runAtTooFar: (field: string): Words => ({ en: `${field} must be within a year from now`, it: `${field} deve essere entro un anno da oggi` }),
  notCancellable: (current: AllocationRunStatus): Words => {
    const status = statusMessages.allocationRun(current);
    return {
      en: `The run is ${status.en}: only a scheduled or queued run can be cancelled`,
      it: `L’esecuzione è ${status.it}: si può annullare solo un’esecuzione programmata o in coda`,
    };
  },
  runFailed: (failure: RunFailure): Words => FAILURES[failure],
};
