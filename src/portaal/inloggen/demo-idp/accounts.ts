/** A fictional person or business of the demo identity provider. */
export interface DemoAccount {
  /** The subject the provider issues. */
  sub: string;
  soort: 'bsn' | 'kvk';
  /** BSN (passes the 11-proef, from the range reserved for tests) or KvK number. */
  identificatie: string;
  naam: string;
  email: string;
  /** One line that helps a demo user pick an account. */
  toelichting: string;
}

/**
 * The demo's residents and businesses. Fictional: the BSNs are from the 99999xxxx range that the Dutch government
 * keeps for testing, the KvK numbers are made up, the addresses are @example.org.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { sub: 'demo-suzanne', soort: 'bsn', identificatie: '999993653', naam: 'Suzanne Moulin', email: 'suzanne.moulin@example.org', toelichting: 'Woont aan de Kerkstraat, heeft een lopende melding' },
  { sub: 'demo-mehmet', soort: 'bsn', identificatie: '999990019', naam: 'Mehmet Yilmaz', email: 'mehmet.yilmaz@example.org', toelichting: 'Gaat verhuizen binnen de gemeente' },
  { sub: 'demo-anouk', soort: 'bsn', identificatie: '999991115', naam: 'Anouk de Vries', email: 'anouk.devries@example.org', toelichting: 'Heeft een auto en zoekt een parkeervergunning' },
  { sub: 'demo-bakkerij', soort: 'kvk', identificatie: '69599084', naam: 'Bakkerij Het Zuiden B.V.', email: 'info@bakkerij-hetzuiden.example.org', toelichting: 'Organiseert een braderie' },
  { sub: 'demo-stichting', soort: 'kvk', identificatie: '41200345', naam: 'Stichting Buurtfeest Voorbeeld', email: 'bestuur@buurtfeest.example.org', toelichting: 'Vraagt een evenementenvergunning aan' },
];

/** The claims the demo provider releases for an account: the shape a DigiD/eHerkenning broker gives. */
export function demoClaims(account: DemoAccount): Record<string, string> {
  return {
    sub: account.sub,
    ...(account.soort === 'bsn' ? { bsn: account.identificatie } : { kvk: account.identificatie }),
    name: account.naam,
    email: account.email,
    acr: 'demo',
  };
}
