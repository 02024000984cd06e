import type { ZaakSectie } from './zaak-sectie.ts';

/** The sections below the zaak page's own data, in page order. Each module adds its section here. */
export const ZAAK_SECTIES: ZaakSectie[] = [];
