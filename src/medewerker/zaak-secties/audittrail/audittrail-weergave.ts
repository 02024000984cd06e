import type { AuditTrailJson } from '../../../platform/audit/present.ts';
import { html, type SafeHtml } from '../../../platform/http/html.ts';
import { zaakPagePath } from '../sectie-zaak.ts';
import { isoMoment, momentWeergave } from '../weergave.ts';
import { actieWeergave, doorWeergave, resourceWeergave, veldWijzigingen } from './audit-wijzigingen.ts';
import type { AuditPagina } from './zaak-audittrail.ts';

/** The path of the full audit trail page of a zaak. */
export function audittrailPad(zaakUuid: string, pagina?: number): string {
  return `${zaakPagePath(zaakUuid)}/audittrail${pagina === undefined || pagina === 1 ? '' : `?pagina=${pagina}`}`;
}

function wijzigingen(record: AuditTrailJson): SafeHtml {
  if (record.actie === 'destroy') return html`—`;
  const velden = veldWijzigingen(record);
  if (velden.length === 0) return html`Geen velden gewijzigd`;
  const lijst = html`<ul class="loket-wijzigingen">${velden.map(
    (veld) => html`<li><strong>${veld.veld}</strong>: ${veld.oud === undefined ? veld.nieuw : html`${veld.oud} <span aria-hidden="true">→</span><span class="loket-visually-hidden"> werd </span> ${veld.nieuw}`}</li>`,
  )}</ul>`;
  // A new object has many fields: folded away, so the table stays readable.
  if (record.actie === 'create') return html`<details><summary>${String(velden.length)} ${velden.length === 1 ? 'veld' : 'velden'}</summary>${lijst}</details>`;
  return lijst;
}

function rij(record: AuditTrailJson): SafeHtml {
  const door = doorWeergave(record);
  return html`<tr>
<td><time datetime="${isoMoment(record.aanmaakdatum)}">${momentWeergave(record.aanmaakdatum)}</time></td>
<td>${door.wie}${door.via === '' ? '' : html`<br><span class="loket-meta">via ${door.via}</span>`}</td>
<td>${actieWeergave(record)}</td>
<td>${resourceWeergave(record)}</td>
<td>${wijzigingen(record)}</td>
</tr>`;
}

/** The audit trail table of one page. */
export function auditTabel(identificatie: string, records: readonly AuditTrailJson[], bijschrift: string): SafeHtml {
  if (records.length === 0) return html`<p class="utrecht-paragraph">Er is nog niets vastgelegd in de audittrail van deze zaak.</p>`;
  return html`<div class="loket-table-scroll" role="region" aria-labelledby="audittrail-tabel-titel" tabindex="0">
<table>
<caption id="audittrail-tabel-titel">${bijschrift} (zaak ${identificatie})</caption>
<thead><tr><th scope="col">Wanneer</th><th scope="col">Wie</th><th scope="col">Actie</th><th scope="col">Onderdeel</th><th scope="col">Wijzigingen</th></tr></thead>
<tbody>${records.map(rij)}</tbody>
</table>
</div>`;
}

/** Links to the other pages of the full audit trail. */
export function paginering(zaakUuid: string, pagina: AuditPagina): SafeHtml {
  if (pagina.paginas <= 1) return html``;
  return html`<nav aria-label="Pagina's van de audittrail"><ul class="loket-paginering">
${pagina.pagina > 1 ? html`<li><a href="${audittrailPad(zaakUuid, pagina.pagina - 1)}">Vorige pagina (nieuwer)</a></li>` : ''}
<li aria-current="page">Pagina ${String(pagina.pagina)} van ${String(pagina.paginas)}</li>
${pagina.pagina < pagina.paginas ? html`<li><a href="${audittrailPad(zaakUuid, pagina.pagina + 1)}">Volgende pagina (ouder)</a></li>` : ''}
</ul></nav>`;
}
