import type { ZaakSectie } from './zaak-sectie.ts';
import { documentenSectie } from '../zaak-secties/documenten/documenten-sectie.ts';
import { notitiesSectie } from '../zaak-secties/notities/notities-sectie.ts';
import { contactmomentenSectie } from '../zaak-secties/contactmomenten/contactmomenten-sectie.ts';
import { audittrailSectie } from '../zaak-secties/audittrail/audittrail-sectie.ts';

/** The sections below the zaak page's own data, in page order. Each module adds its section here. */
export const ZAAK_SECTIES: ZaakSectie[] = [
  documentenSectie,
  notitiesSectie,
  contactmomentenSectie,
  audittrailSectie,
];
