/** The languages the platform writes to a person in (e-mails); Italian unless the person chose English. */
export enum UserLanguage {
  IT = 'it',
  EN = 'en',
}

export const DEFAULT_LANGUAGE = UserLanguage.IT;
