/** The fewest characters a new password has, spaces aside; and the most it may have. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** At least PASSWORD_MIN_LENGTH characters that are not spaces: a passphrase keeps its spaces, twelve spaces are no password. */
export const PASSWORD_CHARACTERS = new RegExp(`^(?:\\s*\\S){${PASSWORD_MIN_LENGTH}}`);

/** Whether a new password follows the rule (the API's inputs and the command line alike). */
export const acceptablePassword = (password: string): boolean =>
  password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH && PASSWORD_CHARACTERS.test(password);
