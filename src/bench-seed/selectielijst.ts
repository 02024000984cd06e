import { allProcestypen, allResultaattypeomschrijvingen, allResultaten } from '../components/referentielijsten/repository.ts';
import { publicSelectielijstUrl } from '../components/catalogi/uitwisseling/selectielijst.ts';
import type { ZaaktypeTemplate } from './zaaktype-templates.ts';

/*
 * Binds the templates to the shipped Selectielijst 2020: the references a seeded catalogue stores are the same
 * public URLs a catalogue exchange file uses, so the Catalogi API validates and presents them like any other.
 */

/** A resultaattype's Selectielijst binding: what the resultaattypen row stores and what closing a zaak derives. */
export interface SelectielijstBinding {
  selectielijstklasse: string;
  resultaattypeomschrijving: string;
  archiefnominatie: 'blijvend_bewaren' | 'vernietigen';
  /** The bewaartermijn (ISO 8601 period) counted from the day the zaak was closed. */
  archiefactietermijn: string;
}

function procestypeOf(template: ZaaktypeTemplate) {
  const procestype = allProcestypen().find((candidate) => candidate.nummer === template.procestype && candidate.jaar === 2020);
  if (!procestype) throw new Error(`Zaaktype template ${template.identificatie}: the Selectielijst 2020 has no procestype ${template.procestype}`);
  return procestype;
}

/** The public URL of the template's Selectielijst procestype. */
export function procestypeUrl(template: ZaaktypeTemplate): string {
  return publicSelectielijstUrl('procestypen', procestypeOf(template).url);
}

/**
 * The Selectielijst references of each of the template's resultaattypen. Throws when a resultaat does not exist,
 * belongs to another procestype, or has a procestermijn other than 'nihil' (which would need another afleidingswijze).
 */
export function bindResultaattypen(template: ZaaktypeTemplate): SelectielijstBinding[] {
  const procestype = procestypeOf(template);
  return template.resultaattypen.map((resultaattype) => {
    const where = `Zaaktype template ${template.identificatie}, resultaat ${resultaattype.volledigNummer}`;
    const resultaat = allResultaten().find((candidate) => candidate.procesType === procestype.url && candidate.volledigNummer === resultaattype.volledigNummer);
    if (!resultaat) throw new Error(`${where}: not in procestype ${procestype.nummer} of the Selectielijst`);
    if (resultaat.procestermijn !== 'nihil') throw new Error(`${where}: procestermijn is ${String(resultaat.procestermijn)}, not nihil`);
    const waardering = resultaat.waardering;
    if (waardering !== 'vernietigen' && waardering !== 'blijvend_bewaren') throw new Error(`${where}: waardering ${String(waardering)}`);
    if (typeof resultaat.bewaartermijn !== 'string' || resultaat.bewaartermijn === '') throw new Error(`${where}: no bewaartermijn`);
    const omschrijving = allResultaattypeomschrijvingen().find((candidate) => candidate.omschrijving === resultaattype.generiek);
    if (!omschrijving) throw new Error(`${where}: no resultaattypeomschrijving ${resultaattype.generiek}`);
    return {
      selectielijstklasse: publicSelectielijstUrl('resultaten', resultaat.url),
      resultaattypeomschrijving: publicSelectielijstUrl('resultaattypeomschrijvingen', omschrijving.url),
      archiefnominatie: waardering,
      archiefactietermijn: resultaat.bewaartermijn,
    };
  });
}
