import { MAX_PAGE_SIZE } from '../../../platform/zgw/pagination.ts';
import { createZaaknotitie, listZaaknotitiePage } from '../../../components/zaken/zaaknotities/service.ts';
import type { ZaaknotitieJson } from '../../../components/zaken/zaaknotities/present.ts';
import { zakenBaseUrl } from '../../../components/zaken/shared/urls.ts';
import type { ZaakSectieContext } from '../../zaken/zaak-sectie.ts';
import { assertMagWijzigen } from '../sectie-zaak.ts';

/*
 * Internal notes on a zaak, kept as ZAAKNOTITIEs of the Zaken API (1.7) so external tools see the same notes. A note
 * made here is `intern` and `definitief`: the API then refuses any change to it, and the page offers no deletion.
 */

/** The longest subject and text a note may have (the subject's limit is the API's). */
export const MAX_ONDERWERP = 255;
export const MAX_TEKST = 5000;

/** The zaak's notes the member may read, newest first. */
export async function listZaakNotities(ctx: ZaakSectieContext): Promise<ZaaknotitieJson[]> {
  const db = ctx.context.database.db;
  const base = zakenBaseUrl(ctx.request);
  const notities: ZaaknotitieJson[] = [];
  for (let page = 1; ; page += 1) {
    const found = await listZaaknotitiePage(db, ctx.zaken.caller, base, { gerelateerdAan: ctx.zaak.url, page, pageSize: MAX_PAGE_SIZE });
    notities.push(...found.results);
    if (found.next === null || found.results.length === 0) break;
  }
  return notities.reverse();
}

/** The problems with a new note, by field. */
export function notitieFouten(invoer: { onderwerp: string; tekst: string }): Partial<Record<'onderwerp' | 'tekst', string>> {
  const fouten: Partial<Record<'onderwerp' | 'tekst', string>> = {};
  if (invoer.onderwerp === '') fouten.onderwerp = 'Vul een onderwerp in.';
  else if (invoer.onderwerp.length > MAX_ONDERWERP) fouten.onderwerp = `Het onderwerp is te lang: hoogstens ${MAX_ONDERWERP} tekens.`;
  if (invoer.tekst === '') fouten.tekst = 'Vul de notitie in.';
  else if (invoer.tekst.length > MAX_TEKST) fouten.tekst = `De notitie is te lang: hoogstens ${MAX_TEKST} tekens (nu ${invoer.tekst.length}).`;
  return fouten;
}

/** Adds a note in the member's name, through the Zaken service (audited, notified). */
export async function voegNotitieToe(ctx: ZaakSectieContext, invoer: { onderwerp: string; tekst: string }): Promise<ZaaknotitieJson> {
  assertMagWijzigen(ctx);
  const auteur = ctx.request.staff?.displayName ?? 'Medewerker';
  return createZaaknotitie(ctx.context.database.db, ctx.zaken.caller, zakenBaseUrl(ctx.request), {
    gerelateerdAan: ctx.zaak.url,
    onderwerp: invoer.onderwerp,
    tekst: invoer.tekst,
    aangemaaktDoor: auteur.slice(0, 255),
    notitieType: 'intern',
    status: 'definitief',
  });
}
