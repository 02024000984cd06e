import { leesDatum, toonDatum } from '../../formulieren/dagen.ts';
import { normaliseTelefoon } from '../../formulieren/invoer-formaten.ts';
import { isMailAddress } from '../../platform/mail/mail-address.ts';

/*
 * The hand-over form's fields, checked all at once so every problem shows beside its field. Pure: the page and the
 * tests use it the same way; who may receive it (teams, staff of the tenant) is given by the caller.
 */

export const INVOER_VELDEN = ['gevraagdeHandeling', 'vraag', 'naam', 'telefoon', 'email', 'voorkeur', 'deadline', 'ontvanger'] as const;
export type InvoerVeld = (typeof INVOER_VELDEN)[number];
export type ContactverzoekInvoer = Record<InvoerVeld, string>;

/** Where it goes: one team or one staff member, written `team:<id>` or `medewerker:<id>` in the form. */
export type Ontvanger = { soort: 'team'; id: string } | { soort: 'medewerker'; id: string };

export interface GecontroleerdContactverzoek {
  gevraagdeHandeling: string;
  vraag: string;
  naam: string;
  telefoon: string;
  email: string;
  voorkeur: string;
  deadline: string;
  ontvanger: Ontvanger;
}

/** A problem with one field; `bereikbaarheid` concerns phone and e-mail together. */
export type InvoerFouten = Partial<Record<InvoerVeld | 'bereikbaarheid', string>>;

export type Controle = { contactverzoek: GecontroleerdContactverzoek; fouten?: undefined } | { contactverzoek?: undefined; fouten: InvoerFouten };

const MAX = { gevraagdeHandeling: 200, vraag: 1000, naam: 200, voorkeur: 200 } as const;

/** `team:<uuid>` or `medewerker:<uuid>`. */
export function leesOntvanger(value: string): Ontvanger | undefined {
  const match = /^(team|medewerker):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  return { soort: match[1] as Ontvanger['soort'], id: match[2] };
}

/**
 * Checks the form: a question, a name, a phone number or an e-mail address (or both) that can be used, a deadline
 * today or later, and a recipient among `toegestaan` (the tenant's teams and staff).
 */
export function controleerContactverzoek(invoer: ContactverzoekInvoer, context: { today: string; toegestaan: ReadonlySet<string> }): Controle {
  const fouten: InvoerFouten = {};
  const gevraagdeHandeling = invoer.gevraagdeHandeling.trim();
  const vraag = invoer.vraag.trim();
  const naam = invoer.naam.trim();
  const voorkeur = invoer.voorkeur.trim();
  if (gevraagdeHandeling === '') fouten.gevraagdeHandeling = 'Vul in wat de behandelaar moet doen, bijvoorbeeld terugbellen.';
  else if (gevraagdeHandeling.length > MAX.gevraagdeHandeling) fouten.gevraagdeHandeling = `Gebruik hooguit ${MAX.gevraagdeHandeling} tekens.`;
  if (vraag === '') fouten.vraag = 'Vul de vraag van de klant in.';
  else if (vraag.length > MAX.vraag) fouten.vraag = `Gebruik hooguit ${MAX.vraag} tekens; nu zijn het er ${vraag.length}.`;
  if (naam === '') fouten.naam = 'Vul de naam in van wie teruggebeld of gemaild wil worden.';
  else if (naam.length > MAX.naam) fouten.naam = `Gebruik hooguit ${MAX.naam} tekens.`;
  if (voorkeur.length > MAX.voorkeur) fouten.voorkeur = `Gebruik hooguit ${MAX.voorkeur} tekens.`;

  const telefoonInvoer = invoer.telefoon.trim();
  const emailInvoer = invoer.email.trim();
  const telefoon = telefoonInvoer === '' ? '' : normaliseTelefoon(telefoonInvoer);
  if (telefoon === undefined) fouten.telefoon = 'Dit is geen telefoonnummer. Vul 10 cijfers in, zoals 0612345678, of met +31.';
  if (emailInvoer !== '' && (emailInvoer.length > 254 || !isMailAddress(emailInvoer))) fouten.email = 'Dit is geen e-mailadres. Vul een adres in zoals naam@voorbeeld.nl.';
  if (telefoonInvoer === '' && emailInvoer === '') fouten.bereikbaarheid = 'Vul een telefoonnummer of een e-mailadres in, zodat de behandelaar contact kan opnemen.';

  const deadline = leesDatum(invoer.deadline);
  if (invoer.deadline.trim() === '') fouten.deadline = 'Vul de datum in waarop het contactverzoek uiterlijk is afgehandeld.';
  else if (deadline === undefined) fouten.deadline = 'Dit is geen datum. Vul een datum in zoals 27-11-2026.';
  else if (deadline < context.today) fouten.deadline = `De deadline ligt in het verleden. Kies ${toonDatum(context.today)} of later.`;

  const ontvanger = leesOntvanger(invoer.ontvanger);
  if (invoer.ontvanger === '') fouten.ontvanger = 'Kies een team of een medewerker.';
  else if (!ontvanger || !context.toegestaan.has(invoer.ontvanger)) fouten.ontvanger = 'Kies een team of een medewerker uit de lijst.';

  if (Object.keys(fouten).length > 0 || telefoon === undefined || deadline === undefined || !ontvanger) return { fouten };
  return { contactverzoek: { gevraagdeHandeling, vraag, naam, telefoon, email: emailInvoer, voorkeur, deadline, ontvanger } };
}
