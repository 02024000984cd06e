import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { JaarSaldo } from '../begroting/saldo.ts';
import { KENGETAL_INVOER, type KengetalVeld } from '../kengetallen/invoer.ts';
import type { KengetallenJaar } from '../kengetallen/service.ts';
import type { KengetalNaam, Signaalbanden } from '../kengetallen/signaalwaarden.ts';
import { KENGETAL_NAMEN } from './kengetal-namen.ts';
import { euroTekst, klasseLabel, procentTekst } from './opmaak.ts';

const SALDO_REGELS: readonly [keyof Omit<JaarSaldo, 'jaar'>, string, boolean][] = [
  ['saldoBatenLasten', 'Saldo van baten en lasten', false],
  ['saldoReserves', '+ Saldo mutaties reserves', false],
  ['saldoNaBestemming', '= Begrotingssaldo na bestemming', true],
  ['saldoIncidenteel', '− Saldo incidentele baten en lasten', false],
  ['structureelSaldo', '= Structureel begrotingssaldo', true],
];

/** The structural balance in the BBV's standard presentation, one column per jaarschijf. */
export function saldoTabel(options: { id: string; caption: string; saldi: readonly JaarSaldo[] }): SafeHtml {
  return html`<div class="loket-table-scroll" role="region" aria-labelledby="${options.id}" tabindex="0">
<table class="financien-tabel">
<caption id="${options.id}">${options.caption}</caption>
<thead><tr><th scope="col">Bedragen in euro (positief is voordelig)</th>${options.saldi.map((saldo) => html`<th scope="col" class="financien-bedrag">${saldo.jaar}</th>`)}</tr></thead>
<tbody>${SALDO_REGELS.map(
    ([key, label, totaal]) => html`<tr${totaal ? html` class="financien-totaal"` : ''}><th scope="row">${label}</th>${options.saldi.map((saldo) => html`<td class="financien-bedrag">${euroTekst(saldo[key])}</td>`)}</tr>`,
  )}</tbody>
</table>
</div>`;
}

function grens(value: number): string {
  return `${String(value).replace('.', ',').replace('-', '\u2212')}%`;
}

/** A band in words, as the table beside the figures shows it. */
export function bandUitleg(naam: KengetalNaam, banden: Signaalbanden): string {
  const band = banden[naam];
  const [laag, hoog] = band.grenzen.map(grens);
  if (band.grenzen[0] === band.grenzen[1]) return band.richting === 'lager-beter' ? `A onder ${laag}, B gelijk aan ${laag}, C boven ${laag}` : `A boven ${laag}, B gelijk aan ${laag}, C onder ${laag}`;
  return band.richting === 'lager-beter' ? `A onder ${laag}, B ${laag} tot en met ${hoog}, C boven ${hoog}` : `A boven ${hoog}, B ${laag} tot en met ${hoog}, C onder ${laag}`;
}

const KLASSE_UITLEG: Record<string, string> = { A: 'minst risicovol', B: 'neutraal', C: 'meest risicovol' };

/** The kengetallen t−1 … t+3 with their signal class in the given bands; a missing input is named, not computed as zero. */
export function kengetallenTabel(options: { id: string; caption: string; jaren: readonly KengetallenJaar[]; banden: Signaalbanden }): SafeHtml {
  const namen = (options.jaren[0]?.kengetallen ?? []).map((kengetal) => kengetal.naam);
  const ontbrekend = new Set<string>();
  for (const jaar of options.jaren) for (const kengetal of jaar.kengetallen) for (const veld of kengetal.ontbreekt) ontbrekend.add(`${jaar.jaar}: ${KENGETAL_INVOER[veld as KengetalVeld] ?? veld}`);
  return html`<div class="loket-table-scroll" role="region" aria-labelledby="${options.id}" tabindex="0">
<table class="financien-tabel">
<caption id="${options.id}">${options.caption}</caption>
<thead><tr><th scope="col">Kengetal</th>${options.jaren.map((jaar) => html`<th scope="col" class="financien-bedrag">${jaar.jaar}${jaar.bron === 'jaarrekening' ? html`<br><span class="financien-bron">rekening</span>` : ''}</th>`)}<th scope="col">Signaalwaarden</th></tr></thead>
<tbody>${namen.map(
    (naam) => html`<tr><th scope="row">${KENGETAL_NAMEN[naam]}</th>${options.jaren.map((jaar) => {
      const kengetal = jaar.kengetallen.find((item) => item.naam === naam);
      return html`<td class="financien-bedrag">${procentTekst(kengetal?.waarde ?? null)} ${klasseLabel(kengetal?.klasse ?? null, KLASSE_UITLEG[kengetal?.klasse ?? ''] ?? '')}</td>`;
    })}<td>${bandUitleg(naam, options.banden)}</td></tr>`,
  )}</tbody>
</table>
</div>
${ontbrekend.size > 0 ? html`<p class="utrecht-paragraph">Niet ingevoerd, daarom niet berekend: ${[...ontbrekend].join('; ')}.</p>` : ''}`;
}
