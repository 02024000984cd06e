import type { ZaakSectieContext } from '../zaken/zaak-sectie.ts';

/** Why a section offers no changes, in words for the member (a closed zaak, or read-only access). */
export function alleenLezenReden(ctx: ZaakSectieContext): string {
  if (ctx.zaak.afgesloten) return 'Deze zaak is afgesloten: u kunt haar inzien, maar niet meer wijzigen.';
  if (!ctx.magBehandelen) return 'U mag deze zaak inzien, maar niet behandelen.';
  return '';
}
