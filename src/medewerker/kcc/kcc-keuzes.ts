import type { KccKanaal, KccResultaat } from '../../platform/database/tables/kcc.ts';

/* The choices of the KCC workspace: the channels a contact comes in on and the outcomes it is closed with. */

/** Every channel, in the order the registration form offers them, with the label the agent sees. */
export const KCC_KANALEN: readonly { waarde: KccKanaal; label: string }[] = [
  { waarde: 'telefoon', label: 'Telefoon' },
  { waarde: 'balie', label: 'Balie' },
  { waarde: 'e-mail', label: 'E-mail' },
  { waarde: 'chat', label: 'Chat' },
  { waarde: 'post', label: 'Post' },
  { waarde: 'sociale media', label: 'Sociale media' },
  { waarde: 'website', label: 'Website' },
];

/** Every outcome a contact can be closed with. */
export const KCC_RESULTATEN: readonly { waarde: KccResultaat; label: string }[] = [
  { waarde: 'beantwoord', label: 'Vraag beantwoord' },
  { waarde: 'doorverwezen', label: 'Doorverwezen (naar een andere organisatie of website)' },
  { waarde: 'contactverzoek', label: 'Contactverzoek gemaakt voor de backoffice' },
  { waarde: 'aanvraag', label: 'Aanvraag gestart namens de persoon' },
  { waarde: 'niet-beantwoord', label: 'Niet beantwoord' },
];

export function isKanaal(value: unknown): value is KccKanaal {
  return KCC_KANALEN.some((kanaal) => kanaal.waarde === value);
}

export function isResultaat(value: unknown): value is KccResultaat {
  return KCC_RESULTATEN.some((resultaat) => resultaat.waarde === value);
}

export function kanaalLabel(kanaal: string): string {
  return KCC_KANALEN.find((item) => item.waarde === kanaal)?.label ?? kanaal;
}

export function resultaatLabel(resultaat: string | null): string {
  return KCC_RESULTATEN.find((item) => item.waarde === resultaat)?.label ?? '';
}
