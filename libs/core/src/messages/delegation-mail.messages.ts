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
};
