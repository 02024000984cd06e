import type { Autorisatie } from '../../platform/auth/autorisaties.ts';
import type { ApplicatieRecord } from './repository.ts';

/** `componentWeergave`: the standard's explanation of each component code. */
const COMPONENT_WEERGAVE: Record<string, string> = {
  ac: 'Autorisaties API',
  nrc: 'Notificaties API',
  zrc: 'Zaken API',
  ztc: 'Catalogi API',
  drc: 'Documenten API',
  brc: 'Besluiten API',
};

/** An `Autorisatie` as the API shows it: the fields of its component only. */
export interface AutorisatieJson {
  component: string;
  componentWeergave: string;
  scopes: string[];
  zaaktype?: string;
  informatieobjecttype?: string;
  besluittype?: string;
  maxVertrouwelijkheidaanduiding?: string;
}

/** The `Applicatie` resource (autorisaties-1.1.0.yaml). */
export interface ApplicatieJson {
  url: string;
  clientIds: string[];
  label: string;
  heeftAlleAutorisaties: boolean;
  alleenIsGereedVoorPublicatie: boolean;
  autorisaties: AutorisatieJson[];
}

function presentAutorisatie(autorisatie: Autorisatie): AutorisatieJson {
  const json: AutorisatieJson = { component: autorisatie.component, componentWeergave: COMPONENT_WEERGAVE[autorisatie.component] ?? autorisatie.component, scopes: autorisatie.scopes };
  if (autorisatie.component === 'zrc' && autorisatie.zaaktype) json.zaaktype = autorisatie.zaaktype;
  if (autorisatie.component === 'drc' && autorisatie.informatieobjecttype) json.informatieobjecttype = autorisatie.informatieobjecttype;
  if (autorisatie.component === 'brc' && autorisatie.besluittype) json.besluittype = autorisatie.besluittype;
  if (autorisatie.maxVertrouwelijkheidaanduiding) json.maxVertrouwelijkheidaanduiding = autorisatie.maxVertrouwelijkheidaanduiding;
  return json;
}

/** The absolute URL of one applicatie. */
export function applicatieUrl(base: string, uuid: string): string {
  return `${base}/applicaties/${uuid}`;
}

export function presentApplicatie(record: ApplicatieRecord, base: string): ApplicatieJson {
  return {
    url: applicatieUrl(base, record.row.uuid),
    clientIds: record.clientIds,
    label: record.row.label,
    heeftAlleAutorisaties: record.row.heeft_alle_autorisaties,
    alleenIsGereedVoorPublicatie: record.row.alleen_is_gereed_voor_publicatie,
    autorisaties: record.autorisaties.map(presentAutorisatie),
  };
}
