import { PRIVACY_NOTICE_VERSION } from './privacy-notice';

describe('the privacy notice in force', () => {
  it('is dated on a real day, not after today: people accept it as of that date', () => {
    expect(PRIVACY_NOTICE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${PRIVACY_NOTICE_VERSION}T00:00:00Z`).toISOString().slice(0, 10)).toBe(PRIVACY_NOTICE_VERSION);
    const todayInItaly = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    expect(PRIVACY_NOTICE_VERSION <= todayInItaly).toBe(true);
  });
});
