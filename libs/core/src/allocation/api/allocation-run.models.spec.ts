import { failureFields } from './allocation-run.models';

describe('why an allocation run failed, as the API gives it', () => {
  it('words each stored code in English and Italian', () => {
    expect(failureFields('WORKER_STOPPED')).toEqual({
      failureCode: 'WORKER_STOPPED',
      failure: 'The worker stopped before the run finished; nothing was changed. Start the run again.',
      failureIt: 'Il processo si è fermato prima della fine dell’esecuzione; non è cambiato nulla. Avviala di nuovo.',
    });
    expect(failureFields('RUN_FAILED').failureIt).toContain('non è cambiato nulla');
    expect(failureFields(null)).toEqual({ failureCode: null, failure: null, failureIt: null });
  });

  it('reads a run that failed before codes were stored as its code', () => {
    expect(failureFields('The run could not complete; nothing was changed. See the server log for the request id.').failureCode).toBe('RUN_FAILED');
    expect(failureFields('something else entirely').failureCode).toBe('RUN_FAILED');
  });
});
