import { both, html, plain, subject, type Template } from './mail-template';
import type { Words } from './words';

/** A link that proves an address: the sign-up verification or a new address to confirm. */
export interface EmailLinkMail {
  /** The address being confirmed. */
  email: string;
  link: string;
  /** How long the link works. */
  hours: number;
}

/** A password-reset link. */
export interface PasswordResetMail {
  link: string;
  minutes: number;
}

/** The notice to the old address that the account's address changed. */
export interface EmailChangedMail {
  oldEmail: string;
  newEmail: string;
  /** The web app's contacts page: where to write if the change was not the account's. */
  contactsUrl: string;
}

/** The notice to the account that its password changed: in its account page, or through a reset link. */
export interface PasswordChangedMail {
  email: string;
  how: 'changed' | 'reset';
  /** Where to reset the password at once if the change was not the account's. */
  resetUrl: string;
  contactsUrl: string;
}

// Typed by the values each kind names.
const bothOf = <V extends object>(en: Template, it: Template) => both(en, it) as (values: V) => Words;
const lines = (...parts: string[]): string => parts.join('\n');

/**
 * The bodies of the e-mails about the account itself (renderMail frames them with the platform's
 * name and the legal footer): verifying the address, resetting the password, changing
 * the address. They are sent whatever the person's e-mail preferences: they are how the account
 * stays theirs.
 */
export const accountMailMessages = {
  emailVerificationSubject: bothOf<EmailLinkMail>(subject('Confirm your e-mail address for Vicini e connessi'), subject('Conferma il tuo indirizzo e-mail per Vicini e connessi')),
  emailVerificationText: bothOf<EmailLinkMail>(
    plain(
      lines(
        'Hello,',
        '',
        'To finish signing up to Vicini e connessi, confirm that {{email}} is your address by opening this link:',
        '{{link}}',
        '',
        'The link works for {{hours}} hours. Until then you can sign in, but what involves others waits for it: applying to offers and calls (for your business, or for the shops you act for) and publishing offers.',
        'If you did not sign up, ignore this message.',
      ),
    ),
    plain(
      lines(
        'Buongiorno,',
        '',
        'per completare la registrazione a Vicini e connessi, conferma che {{email}} è il tuo indirizzo aprendo questo collegamento:',
        '{{link}}',
        '',
        'Il collegamento vale {{hours}} ore. Fino ad allora puoi accedere, ma ciò che coinvolge altri attende la conferma: candidarsi alle offerte e ai bandi (per la tua attività o per i negozi per cui operi) e pubblicare offerte.',
        'Se non ti sei registrato, ignora questo messaggio.',
      ),
    ),
  ),
  emailVerificationHtml: bothOf<EmailLinkMail>(
    html(
      lines(
        '<p>Hello,</p>',
        '<p>To finish signing up to Vicini e connessi, confirm that <strong>{{email}}</strong> is your address.</p>',
        '<p><a href="{{link}}">Confirm my e-mail address</a></p>',
        '<p>The link works for {{hours}} hours. Until then you can sign in, but what involves others waits for it: applying to offers and calls (for your business, or for the shops you act for) and publishing offers. If you did not sign up, ignore this message.</p>',
      ),
    ),
    html(
      lines(
        '<p>Buongiorno,</p>',
        '<p>per completare la registrazione a Vicini e connessi, conferma che <strong>{{email}}</strong> è il tuo indirizzo.</p>',
        '<p><a href="{{link}}">Conferma il mio indirizzo e-mail</a></p>',
        '<p>Il collegamento vale {{hours}} ore. Fino ad allora puoi accedere, ma ciò che coinvolge altri attende la conferma: candidarsi alle offerte e ai bandi (per la tua attività o per i negozi per cui operi) e pubblicare offerte. Se non ti sei registrato, ignora questo messaggio.</p>',
      ),
    ),
  ),
  passwordResetSubject: bothOf<PasswordResetMail>(subject('Reset your Vicini e connessi password'), subject('Reimposta la password di Vicini e connessi')),
  passwordResetText: bothOf<PasswordResetMail>(
    plain(
      lines(
        'Hello,',
        '',
        'Someone asked to reset the password of your Vicini e connessi account. To choose a new one, open this link:',
        '{{link}}',
        '',
        'The link works once, for {{minutes}} minutes. Setting a new password signs you out everywhere.',
        'If you did not ask, ignore this message: your password stays as it is.',
      ),
    ),
    plain(
      lines(
        'Buongiorno,',
        '',
        'è stato chiesto di reimpostare la password del tuo account Vicini e connessi. Per sceglierne una nuova, apri questo collegamento:',
        '{{link}}',
        '',
        'Il collegamento vale una sola volta, per {{minutes}} minuti. Con la nuova password tutte le sessioni aperte vengono chiuse.',
        'Se non l’hai chiesto tu, ignora questo messaggio: la password resta quella di prima.',
      ),
    ),
  ),
  passwordResetHtml: bothOf<PasswordResetMail>(
    html(
      lines(
        '<p>Hello,</p>',
        '<p>Someone asked to reset the password of your Vicini e connessi account.</p>',
        '<p><a href="{{link}}">Choose a new password</a></p>',
        '<p>The link works once, for {{minutes}} minutes. Setting a new password signs you out everywhere. If you did not ask, ignore this message: your password stays as it is.</p>',
      ),
    ),
    html(
      lines(
        '<p>Buongiorno,</p>',
        '<p>è stato chiesto di reimpostare la password del tuo account Vicini e connessi.</p>',
        '<p><a href="{{link}}">Scegli una nuova password</a></p>',
        '<p>Il collegamento vale una sola volta, per {{minutes}} minuti. Con la nuova password tutte le sessioni aperte vengono chiuse. Se non l’hai chiesto tu, ignora questo messaggio: la password resta quella di prima.</p>',
      ),
    ),
  ),
  emailChangeSubject: bothOf<EmailLinkMail>(subject('Confirm your new e-mail address for Vicini e connessi'), subject('Conferma il nuovo indirizzo e-mail per Vicini e connessi')),
  emailChangeText: bothOf<EmailLinkMail>(
    plain(
      lines(
        'Hello,',
        '',
        'You asked to use {{email}} for your Vicini e connessi account. To confirm, open this link:',
        '{{link}}',
        '',
        'The link works for {{hours}} hours; until you open it, your account keeps its current address.',
        'If you did not ask, ignore this message.',
      ),
    ),
    plain(
      lines(
        'Buongiorno,',
        '',
        'hai chiesto di usare {{email}} per il tuo account Vicini e connessi. Per confermare, apri questo collegamento:',
        '{{link}}',
        '',
        'Il collegamento vale {{hours}} ore; finché non lo apri, l’account mantiene l’indirizzo attuale.',
        'Se non l’hai chiesto tu, ignora questo messaggio.',
      ),
    ),
  ),
  emailChangeHtml: bothOf<EmailLinkMail>(
    html(
      lines(
        '<p>Hello,</p>',
        '<p>You asked to use <strong>{{email}}</strong> for your Vicini e connessi account.</p>',
        '<p><a href="{{link}}">Confirm my new e-mail address</a></p>',
        '<p>The link works for {{hours}} hours; until you open it, your account keeps its current address. If you did not ask, ignore this message.</p>',
      ),
    ),
    html(
      lines(
        '<p>Buongiorno,</p>',
        '<p>hai chiesto di usare <strong>{{email}}</strong> per il tuo account Vicini e connessi.</p>',
        '<p><a href="{{link}}">Conferma il nuovo indirizzo e-mail</a></p>',
        '<p>Il collegamento vale {{hours}} ore; finché non lo apri, l’account mantiene l’indirizzo attuale. Se non l’hai chiesto tu, ignora questo messaggio.</p>',
      ),
    ),
  ),
  emailChangedSubject: bothOf<EmailChangedMail>(subject('The e-mail address of your Vicini e connessi account changed'), subject('L’indirizzo e-mail del tuo account Vicini e connessi è cambiato')),
  emailChangedText: bothOf<EmailChangedMail>(
    plain(
      lines(
        'Hello,',
        '',
        'The Vicini e connessi account that used {{oldEmail}} now uses {{newEmail}}: messages and sign-in go to the new address.',
        '',
        'If you did not make this change, write at once to the platform’s support ({{contactsUrl}}): someone else may have your password.',
      ),
    ),
    plain(
      lines(
        'Buongiorno,',
        '',
        'l’account Vicini e connessi che usava {{oldEmail}} ora usa {{newEmail}}: i messaggi e l’accesso passano al nuovo indirizzo.',
        '',
        'Se non hai fatto tu questa modifica, scrivi subito all’assistenza della piattaforma ({{contactsUrl}}): qualcun altro potrebbe avere la tua password.',
      ),
    ),
  ),
  emailChangedHtml: bothOf<EmailChangedMail>(
    html(
      lines(
        '<p>Hello,</p>',
        '<p>The Vicini e connessi account that used <strong>{{oldEmail}}</strong> now uses <strong>{{newEmail}}</strong>: messages and sign-in go to the new address.</p>',
        '<p>If you did not make this change, write at once to <a href="{{contactsUrl}}">the platform’s support</a>: someone else may have your password.</p>',
      ),
    ),
    html(
      lines(
        '<p>Buongiorno,</p>',
        '<p>l’account Vicini e connessi che usava <strong>{{oldEmail}}</strong> ora usa <strong>{{newEmail}}</strong>: i messaggi e l’accesso passano al nuovo indirizzo.</p>',
        '<p>Se non hai fatto tu questa modifica, scrivi subito all’<a href="{{contactsUrl}}">assistenza della piattaforma</a>: qualcun altro potrebbe avere la tua password.</p>',
      ),
    ),
  ),
  passwordChangedSubject: bothOf<PasswordChangedMail>(subject('The password of your Vicini e connessi account changed'), subject('La password del tuo account Vicini e connessi è cambiata')),
  passwordChangedText: (values: PasswordChangedMail): Words =>
    bothOf<PasswordChangedMail>(
      plain(
        lines(
          'Hello,',
          '',
          values.how === 'reset'
            ? 'the password of the Vicini e connessi account {{email}} was reset through the link e-mailed to this address: every session of the account has ended.'
            : 'the password of the Vicini e connessi account {{email}} was changed from the account page: its other sessions have ended.',
          '',
          'If you did not make this change, choose a new password at once ({{resetUrl}}) and write to the platform’s support ({{contactsUrl}}).',
        ),
      ),
      plain(
        lines(
          'Buongiorno,',
          '',
          values.how === 'reset'
            ? 'la password dell’account Vicini e connessi {{email}} è stata reimpostata con il collegamento inviato a questo indirizzo: tutte le sessioni dell’account sono state chiuse.'
            : 'la password dell’account Vicini e connessi {{email}} è stata cambiata dalla pagina dell’account: le altre sessioni sono state chiuse.',
          '',
          'Se non hai fatto tu questa modifica, scegli subito una nuova password ({{resetUrl}}) e scrivi all’assistenza della piattaforma ({{contactsUrl}}).',
        ),
      ),
    )(values),
  passwordChangedHtml: (values: PasswordChangedMail): Words =>
    bothOf<PasswordChangedMail>(
      html(
        lines(
          '<p>Hello,</p>',
          values.how === 'reset'
            ? '<p>the password of the Vicini e connessi account <strong>{{email}}</strong> was reset through the link e-mailed to this address: every session of the account has ended.</p>'
            : '<p>the password of the Vicini e connessi account <strong>{{email}}</strong> was changed from the account page: its other sessions have ended.</p>',
          '<p>If you did not make this change, <a href="{{resetUrl}}">choose a new password at once</a> and write to <a href="{{contactsUrl}}">the platform’s support</a>.</p>',
        ),
      ),
      html(
        lines(
          '<p>Buongiorno,</p>',
          values.how === 'reset'
            ? '<p>la password dell’account Vicini e connessi <strong>{{email}}</strong> è stata reimpostata con il collegamento inviato a questo indirizzo: tutte le sessioni dell’account sono state chiuse.</p>'
            : '<p>la password dell’account Vicini e connessi <strong>{{email}}</strong> è stata cambiata dalla pagina dell’account: le altre sessioni sono state chiuse.</p>',
          '<p>Se non hai fatto tu questa modifica, <a href="{{resetUrl}}">scegli subito una nuova password</a> e scrivi all’<a href="{{contactsUrl}}">assistenza della piattaforma</a>.</p>',
        ),
      ),
    )(values),
};
