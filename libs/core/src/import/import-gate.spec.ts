import { ImportErrorCode } from './import.exception';
import { IMPORT_RETRY_SECONDS, ImportGate, MAX_RUNNING_IMPORTS } from './import-gate';

describe('the gate of the imports one process runs', () => {
  it('lets one import per account and MAX_RUNNING_IMPORTS in all run, refusing the others at once, and opens again as they leave', () => {
    const gate = new ImportGate();
    const leaves = Array.from({ length: MAX_RUNNING_IMPORTS }, (_, i) => gate.enter(`account-${i}`));
    expect(() => gate.enter('account-0')).toThrow(expect.objectContaining({ code: ImportErrorCode.ALREADY_RUNNING }));
    expect(() => gate.enter('another')).toThrow(expect.objectContaining({ code: ImportErrorCode.BUSY, detail: { limit: IMPORT_RETRY_SECONDS } }));
    leaves[0]();
    const again = gate.enter('account-0');
    expect(() => gate.enter('another')).toThrow(expect.objectContaining({ code: ImportErrorCode.BUSY }));
    again();
    leaves[1]();
    expect(() => gate.enter('another')).not.toThrow();
  });
});
