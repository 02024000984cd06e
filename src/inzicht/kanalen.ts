/** The channels the dashboards count, in display order, with their Dutch labels (see aggregaten/kanaal-sql.ts). */
export const KANALEN = ['online', 'telefoon', 'balie', 'e-mail', 'chat', 'post', 'sociale media', 'onbekend'] as const;
export type Kanaal = (typeof KANALEN)[number];

export const KANAAL_LABELS: Record<Kanaal, string> = {
  online: 'Online',
  telefoon: 'Telefoon',
  balie: 'Balie',
  'e-mail': 'E-mail',
  chat: 'Chat',
  post: 'Post',
  'sociale media': 'Sociale media',
  onbekend: 'Onbekend',
};

/** Where a kennisbank search was done. */
export const ZOEKKANALEN = ['portaal', 'kcc', 'api'] as const;
export type Zoekkanaal = (typeof ZOEKKANALEN)[number];

export const ZOEKKANAAL_LABELS: Record<Zoekkanaal, string> = { portaal: 'Portaal (inwoners)', kcc: 'KCC (medewerkers)', api: 'API (andere toepassingen)' };

/** The label of a channel value, or the value itself when it is not a known one. */
export function kanaalLabel(kanaal: string): string {
  return (KANAAL_LABELS as Record<string, string>)[kanaal] ?? kanaal;
}
