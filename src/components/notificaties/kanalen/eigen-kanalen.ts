import { createHash } from 'node:crypto';

/** A kanaal as the services see it, whether Loket's own or registered by a publisher. */
export interface KanaalRecord {
  uuid: string;
  naam: string;
  documentatieLink: string;
  filters: string[];
}

const DOCUMENTATIE = 'https://vng-realisatie.github.io/gemma-zaken/standaard';

/** A stable uuid for one of Loket's own kanalen (the same in every tenant; the host tells the tenants apart). */
function eigenKanaalUuid(naam: string): string {
  const hex = createHash('sha1').update(`loket:kanaal:${naam}`).digest('hex');
  // Shaped as a name-based (version 5, RFC 4122 variant) uuid, so it passes every uuid check.
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

function eigen(naam: string, component: string, filters: string[]): KanaalRecord {
  return { uuid: eigenKanaalUuid(naam), naam, documentatieLink: `${DOCUMENTATIE}/${component}/`, filters };
}

/**
 * The kanalen Loket itself publishes on, with the kenmerken its notifications carry (see the `…Kenmerken`
 * functions of the components). They exist for every tenant without being stored, so a municipality's
 * applications can subscribe to Loket's events from its first day; a publisher cannot register their names.
 */
export const EIGEN_KANALEN: readonly KanaalRecord[] = [
  eigen('autorisaties', 'autorisaties', []),
  eigen('besluiten', 'besluiten', ['verantwoordelijkeOrganisatie', 'besluittype']),
  eigen('besluittypen', 'catalogi', ['catalogus']),
  eigen('catalogussen', 'catalogi', []),
  eigen('documenten', 'documenten', ['bronorganisatie', 'informatieobjecttype', 'vertrouwelijkheidaanduiding']),
  eigen('informatieobjecttypen', 'catalogi', ['catalogus']),
  eigen('zaaktypen', 'catalogi', ['catalogus']),
  eigen('zaken', 'zaken', ['bronorganisatie', 'zaaktype', 'vertrouwelijkheidaanduiding']),
];

/** One of Loket's own kanalen by name. */
export function eigenKanaalByNaam(naam: string): KanaalRecord | undefined {
  return EIGEN_KANALEN.find((kanaal) => kanaal.naam === naam);
}

/** One of Loket's own kanalen by uuid. */
export function eigenKanaalByUuid(uuid: string): KanaalRecord | undefined {
  const lower = uuid.toLowerCase();
  return EIGEN_KANALEN.find((kanaal) => kanaal.uuid === lower);
}
