import { both, html, plain, subject } from './mail-template';
import type { Words } from './words';

/** What the invitation names: the facilitator, the link to answer it, and until when it works. */
export interface DelegationInvitationMail {
  facilitator: string;
  link: string;
  /** The date in each language's words (the e-mail has both). */
  validUntil: Words;
}

/** What the claim e-mail names: the facilitator, the shop it registered, the date of the paper consent, the link. */
export interface ShopClaimMail {
  facilitator: string;
  shop: string;
  declaredOn: Words;
  link: string;
  validUntil: Words;
}

/** What the notice of a handover names: who registered the shop, who acts for it now, the consent's date, and until when the owner's link works (null: it no longer does). */
export interface ShopHandedOverMail {
  from: string;
  to: string;
  shop: string;
  declaredOn: Words;
  linkUntil: Words | null;
  /** The receiving organisation's contact address, to write to it (the platform's own e-mails are not read). */
  toEmail: string;
  /** The platform's contacts page, to write to the Department. */
  contactsUrl: string;
}

/** The e-mails of delegations, as Handlebars templates in each language (subject, text, HTML). */
export const delegationMailMessages = {
  invitationSubject: both(subject('{{facilitator}} offers to follow your shop on Vicini e connessi'), subject('{{facilitator}} si offre di seguire la tua attività su Vicini e connessi')) as (
    v: DelegationInvitationMail,
  ) => Words,
  invitationText: both(
    plain(
      [
        'Hello,',
        '',
        '{{facilitator}} invites you to let it act for your shop on Vicini e connessi, the programme of free digital services for neighbourhood shops:',
        'manage your profile and your requests, apply to offers and confirm services on your behalf. Everything it does is shown to you, and you can revoke it at any time.',
        '',
        'Accept or decline (the link works once, until {{validUntil}}): {{link}}',
        '',
        'If you do not know {{facilitator}}, ignore this message.',
      ].join('\n'),
    ),
    plain(
      [
        'Buongiorno,',
        '',
        '{{facilitator}} ti invita a consentirle di operare per la tua attività su Vicini e connessi, il programma di servizi digitali gratuiti per i negozi di prossimità:',
        'gestire il profilo e le richieste, candidarsi alle offerte e confermare i servizi per tuo conto. Vedrai tutto ciò che fa e potrai revocare il consenso in qualsiasi momento.',
        '',
        'Accetta o rifiuta (il link vale una volta, fino {{datePhrase "al" validUntil}}): {{link}}',
        '',
        'Se non conosci {{facilitator}}, ignora questo messaggio.',
      ].join('\n'),
    ),
  ) as (v: DelegationInvitationMail) => Words,
  invitationHtml: both(
    html(
      [
        '<p>Hello,</p>',
        '<p><strong>{{facilitator}}</strong> invites you to let it act for your shop on Vicini e connessi: manage your profile and your requests, apply to offers and confirm services on your behalf. Everything it does is shown to you, and you can revoke it at any time.</p>',
        '<p><a href="{{link}}">Accept or decline</a> (the link works once, until {{validUntil}}).</p>',
        '<p>If you do not know {{facilitator}}, ignore this message.</p>',
      ].join('\n'),
    ),
    html(
      [
        '<p>Buongiorno,</p>',
        '<p><strong>{{facilitator}}</strong> ti invita a consentirle di operare per la tua attività su Vicini e connessi: gestire il profilo e le richieste, candidarsi alle offerte e confermare i servizi per tuo conto. Vedrai tutto ciò che fa e potrai revocare il consenso in qualsiasi momento.</p>',
        '<p><a href="{{link}}">Accetta o rifiuta</a> (il link vale una volta, fino {{datePhrase "al" validUntil}}).</p>',
        '<p>Se non conosci {{facilitator}}, ignora questo messaggio.</p>',
      ].join('\n'),
    ),
  ) as (v: DelegationInvitationMail) => Words,
  claimSubject: both(subject('Your shop {{shop}} is on Vicini e connessi: take it over'), subject('La tua attività {{shop}} è su Vicini e connessi: prendine il controllo')) as (
    v: ShopClaimMail,
  ) => Words,
  claimText: both(
    plain(
      [
        'Hello,',
        '',
        '{{facilitator}} registered {{shop}} on Vicini e connessi under the paper consent you signed on {{declaredOn}}, and acts for it.',
        'Take your shop over with your own account (the link works once, until {{validUntil}}): {{link}}',
        'From then on your consent is given in the platform, you see everything done on your behalf and you can revoke it at any time.',
      ].join('\n'),
    ),
    plain(
      [
        'Buongiorno,',
        '',
        '{{facilitator}} ha registrato {{shop}} su Vicini e connessi in base al consenso su carta che hai firmato {{datePhrase "il" declaredOn}}, e opera per suo conto.',
        'Prendi il controllo della tua attività con un tuo account (il link vale una volta, fino {{datePhrase "al" validUntil}}): {{link}}',
        'Da allora il consenso sarà dato nella piattaforma, vedrai tutto ciò che viene fatto per tuo conto e potrai revocarlo in qualsiasi momento.',
      ].join('\n'),
    ),
  ) as (v: ShopClaimMail) => Words,
  claimHtml: both(
    html(
      [
        '<p>Hello,</p>',
        '<p><strong>{{facilitator}}</strong> registered <strong>{{shop}}</strong> on Vicini e connessi under the paper consent you signed on {{declaredOn}}, and acts for it.</p>',
        '<p><a href="{{link}}">Take your shop over</a> with your own account (the link works once, until {{validUntil}}). From then on you see everything done on your behalf and can revoke it at any time.</p>',
      ].join('\n'),
    ),
    html(
      [
        '<p>Buongiorno,</p>',
        '<p><strong>{{facilitator}}</strong> ha registrato <strong>{{shop}}</strong> su Vicini e connessi in base al consenso su carta che hai firmato {{datePhrase "il" declaredOn}}, e opera per suo conto.</p>',
        '<p><a href="{{link}}">Prendi il controllo della tua attività</a> con un tuo account (il link vale una volta, fino {{datePhrase "al" validUntil}}). Da allora vedrai tutto ciò che viene fatto per tuo conto e potrai revocarlo in qualsiasi momento.</p>',
      ].join('\n'),
    ),
  ) as (v: ShopClaimMail) => Words,
  handedOverSubject: both(subject('{{to}} now acts for {{shop}} on Vicini e connessi'), subject('{{to}} opera ora per {{shop}} su Vicini e connessi')) as (v: ShopHandedOverMail) => Words,
  handedOverText: both(
    plain(
      [
        'Hello,',
        '',
        '{{from}} registered {{shop}} on Vicini e connessi under the paper consent you signed on {{declaredOn}}. It has handed the shop over: {{to}} now acts for it in its place, under the same consent, and {{from}} no longer does.',
        '{{#if linkUntil}}The link you received to take your shop over still works, until {{linkUntil}}: with your own account you see everything done on your behalf and can revoke it, or choose another facilitator.{{else}}To take your shop over with your own account, and see or revoke what is done on your behalf, ask {{to}} for a new link.{{/if}}',
        'If you did not agree to this, write to {{to}} ({{toEmail}}) or to the Department ({{contactsUrl}}).',
      ].join('\n'),
    ),
    plain(
      [
        'Buongiorno,',
        '',
        '{{from}} ha registrato {{shop}} su Vicini e connessi in base al consenso su carta che hai firmato {{datePhrase "il" declaredOn}}. Ha passato l’attività a un’altra organizzazione: ora opera per suo conto {{to}}, con lo stesso consenso, e {{from}} non più.',
        '{{#if linkUntil}}Il link che hai ricevuto per prendere il controllo della tua attività vale ancora, fino {{datePhrase "al" linkUntil}}: con un tuo account vedrai tutto ciò che viene fatto per tuo conto e potrai revocarlo, o scegliere un altro facilitatore.{{else}}Per prendere il controllo della tua attività con un tuo account, e vedere o revocare ciò che viene fatto per tuo conto, chiedi un nuovo link all’organizzazione {{to}}.{{/if}}',
        'Se non eri d’accordo, scrivi all’organizzazione {{to}} ({{toEmail}}) o al Dipartimento ({{contactsUrl}}).',
      ].join('\n'),
    ),
  ) as (v: ShopHandedOverMail) => Words,
  handedOverHtml: both(
    html(
      [
        '<p>Hello,</p>',
        '<p><strong>{{from}}</strong> registered <strong>{{shop}}</strong> on Vicini e connessi under the paper consent you signed on {{declaredOn}}. It has handed the shop over: <strong>{{to}}</strong> now acts for it in its place, under the same consent, and {{from}} no longer does.</p>',
        '<p>{{#if linkUntil}}The link you received to take your shop over still works, until {{linkUntil}}: with your own account you see everything done on your behalf and can revoke it, or choose another facilitator.{{else}}To take your shop over with your own account, and see or revoke what is done on your behalf, ask {{to}} for a new link.{{/if}}</p>',
        '<p>If you did not agree to this, write to {{to}} (<a href="mailto:{{toEmail}}">{{toEmail}}</a>) or to the <a href="{{contactsUrl}}">Department</a>.</p>',
      ].join('\n'),
    ),
    html(
      [
        '<p>Buongiorno,</p>',
        '<p><strong>{{from}}</strong> ha registrato <strong>{{shop}}</strong> su Vicini e connessi in base al consenso su carta che hai firmato {{datePhrase "il" declaredOn}}. Ha passato l’attività a un’altra organizzazione: ora opera per suo conto <strong>{{to}}</strong>, con lo stesso consenso, e {{from}} non più.</p>',
        '<p>{{#if linkUntil}}Il link che hai ricevuto per prendere il controllo della tua attività vale ancora, fino {{datePhrase "al" linkUntil}}: con un tuo account vedrai tutto ciò che viene fatto per tuo conto e potrai revocarlo, o scegliere un altro facilitatore.{{else}}Per prendere il controllo della tua attività con un tuo account, e vedere o revocare ciò che viene fatto per tuo conto, chiedi un nuovo link all’organizzazione {{to}}.{{/if}}</p>',
        '<p>Se non eri d’accordo, scrivi all’organizzazione {{to}} (<a href="mailto:{{toEmail}}">{{toEmail}}</a>) o al <a href="{{contactsUrl}}">Dipartimento</a>.</p>',
      ].join('\n'),
    ),
  ) as (v: ShopHandedOverMail) => Words,
};
