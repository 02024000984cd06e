import type { Tenant } from '../../platform/database/schema.ts';
import type { ResidentIdentity } from '../../platform/auth/resident-session.ts';
import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { Antwoorden, Bestand, FormulierDefinitie, Stap } from '../../formulieren/definitie.ts';
import type { VeldFout } from '../../formulieren/antwoorden-controle.ts';
import { samenvatting } from '../../formulieren/samenvatting.ts';
import { zichtbareVelden } from '../../formulieren/voorwaarden.ts';
import { portaalPage } from '../portaal-page.ts';
import { productPath } from '../paths.ts';
import { veldAnker, veldHtml } from './velden-html.ts';

/* The pages of an e-form: start, one page per step, saved, summary and confirmation. */

/** Where the form of a product lives. */
export function aanvraagPath(slug: string, rest = ''): string {
  return `${productPath(slug)}/aanvragen${rest}`;
}

export interface FormulierContext {
  tenant: Tenant;
  resident: ResidentIdentity;
  slug: string;
  definitie: FormulierDefinitie;
}

const DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });

function errorSummary(fouten: readonly VeldFout[]): SafeHtml {
  if (fouten.length === 0) return html``;
  return html`<div class="utrecht-alert utrecht-alert--error portaal-foutsamenvatting" id="foutsamenvatting" role="alert" tabindex="-1" autofocus aria-labelledby="foutsamenvatting-kop">
<h2 class="utrecht-heading-2" id="foutsamenvatting-kop">Er ${fouten.length === 1 ? 'is 1 fout' : `zijn ${fouten.length} fouten`} gevonden. Pas dit aan om verder te gaan:</h2>
<ul class="utrecht-unordered-list">
${fouten.map((fout) => html`<li><a class="utrecht-link" href="#${veldAnker(fout.veld)}">${fout.melding}</a></li>
`)}</ul>
</div>`;
}

function stepProgress(stappen: readonly Stap[], current: Stap): SafeHtml {
  const index = stappen.findIndex((stap) => stap.id === current.id);
  return html`<p class="utrecht-paragraph portaal-stapnummer">Stap ${index + 1} van ${stappen.length + 1}</p>`;
}

/** The start page: what the form is for, and start or continue a draft. */
export function startPage(context: FormulierContext, draft: { verlooptOp: Date; eersteStap: string } | undefined): SafeHtml {
  const { definitie, slug, resident } = context;
  return portaalPage({
    tenant: context.tenant,
    resident,
    title: definitie.titel,
    body: html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${productPath(slug)}">Terug naar de productpagina</a></p>
<h1 class="utrecht-heading-1">${definitie.titel}</h1>
${definitie.inleiding === '' ? '' : html`<p class="utrecht-paragraph">${definitie.inleiding}</p>`}
<p class="utrecht-paragraph">U kunt tussendoor stoppen en later verder gaan: kies dan 'Opslaan en later verder'. Wij bewaren uw antwoorden 30 dagen.</p>
${draft
  ? html`<section class="portaal-regel" aria-labelledby="concept-kop">
<h2 class="utrecht-heading-2" id="concept-kop">U was al begonnen</h2>
<p class="utrecht-paragraph">Uw antwoorden zijn bewaard tot ${DATE.format(draft.verlooptOp)}.</p>
<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="${aanvraagPath(slug, `/stap/${draft.eersteStap}`)}">Ga verder waar u was</a></p>
<form method="post" action="${aanvraagPath(slug, '/start')}">${csrfField(resident.csrfToken)}
<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="opnieuw" value="ja">Begin opnieuw (uw antwoorden worden gewist)</button>
</form>
</section>`
  : html`<form method="post" action="${aanvraagPath(slug, '/start')}">${csrfField(resident.csrfToken)}
<button class="utrecht-button utrecht-button--primary-action" type="submit">Start</button>
</form>`}`,
  });
}

export interface StapView {
  stappen: readonly Stap[];
  stap: Stap;
  antwoorden: Antwoorden;
  bestanden: readonly Bestand[];
  fouten: readonly VeldFout[];
  /** Came from the summary's "wijzigen": Next goes back there. */
  terugNaarControle: boolean;
  /** Shown above the fields (e.g. new questions appeared after an answer). */
  melding?: string;
}

/** One step of the form. */
export function stapPage(context: FormulierContext, view: StapView): SafeHtml {
  const { definitie, slug, resident } = context;
  const { stap, fouten } = view;
  const zichtbaar = zichtbareVelden(definitie, view.antwoorden);
  const velden = stap.velden.filter((veld) => zichtbaar.has(veld.id));
  const upload = velden.some((veld) => veld.type === 'bestand');
  const first = view.stappen[0]?.id === stap.id;
  const errors = new Map(fouten.map((fout) => [fout.veld.id, fout.melding]));
  return portaalPage({
    tenant: context.tenant,
    resident,
    title: `${fouten.length > 0 ? 'Fout: ' : ''}${stap.titel} - ${definitie.titel}`,
    body: html`${errorSummary(fouten)}
<p class="utrecht-paragraph portaal-formuliernaam">${definitie.titel}</p>
${stepProgress(view.stappen, stap)}
<h1 class="utrecht-heading-1">${stap.titel}</h1>
${stap.uitleg ? html`<p class="utrecht-paragraph">${stap.uitleg}</p>` : ''}
${view.melding ? html`<div class="utrecht-alert utrecht-alert--info" role="status"><p class="utrecht-paragraph">${view.melding}</p></div>` : ''}
<form class="portaal-formulier" method="post" action="${aanvraagPath(slug, `/stap/${stap.id}`)}"${upload ? html` enctype="multipart/form-data"` : ''} novalidate>
${csrfField(resident.csrfToken)}
${view.terugNaarControle ? html`<input type="hidden" name="terug" value="controleren">` : ''}
${velden.map((veld) => veldHtml(veld, view.antwoorden[veld.id], errors.get(veld.id), view.bestanden.find((bestand) => bestand.veld === veld.id)))}
<div class="portaal-knoppen">
<button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="volgende">${view.terugNaarControle ? 'Opslaan en terug naar controleren' : 'Volgende'}</button>
<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="vorige">${first ? 'Terug naar de start' : 'Vorige'}</button>
<button class="utrecht-button utrecht-button--subtle" type="submit" name="actie" value="opslaan">Opslaan en later verder</button>
</div>
</form>`,
  });
}

/** After "Opslaan en later verder". */
export function opgeslagenPage(context: FormulierContext, verlooptOp: Date): SafeHtml {
  const { definitie, slug } = context;
  return portaalPage({
    tenant: context.tenant,
    resident: context.resident,
    title: `Opgeslagen - ${definitie.titel}`,
    body: html`<h1 class="utrecht-heading-1">Uw antwoorden zijn opgeslagen</h1>
<p class="utrecht-paragraph portaal-bedankt" role="status">Wij bewaren uw antwoorden tot ${DATE.format(verlooptOp)}. Daarna worden ze gewist.</p>
<p class="utrecht-paragraph">Ga later verder via de pagina <a class="utrecht-link" href="${aanvraagPath(slug)}">${definitie.titel}</a>. U logt dan opnieuw in.</p>`,
  });
}

/** The summary: every answer, with a link to change it, and the button that sends the form. */
export function controlePage(context: FormulierContext, antwoorden: Antwoorden, bestanden: readonly Bestand[], conceptUuid: string): SafeHtml {
  const { definitie, slug, resident } = context;
  const stappen = samenvatting(definitie, antwoorden, bestanden);
  return portaalPage({
    tenant: context.tenant,
    resident,
    title: `Controleer uw antwoorden - ${definitie.titel}`,
    body: html`<p class="utrecht-paragraph portaal-formuliernaam">${definitie.titel}</p>
<h1 class="utrecht-heading-1">Controleer uw antwoorden</h1>
${stappen.map(
  ({ stap, regels }) => html`<section class="portaal-controle" aria-labelledby="controle-${stap.id}">
<h2 class="utrecht-heading-2" id="controle-${stap.id}">${stap.titel}</h2>
<dl class="portaal-antwoorden">
${regels.map(
  (regel) => html`<div class="portaal-antwoord"><dt>${regel.veld.label}</dt><dd>${regel.waarde === '' ? html`<span class="portaal-niet-ingevuld">Niet ingevuld</span>` : regel.waarde}</dd>
<dd class="portaal-wijzigen"><a class="utrecht-link" href="${aanvraagPath(slug, `/stap/${stap.id}?terug=controleren#veld-${regel.veld.id}`)}">Wijzig<span class="loket-visually-hidden"> ${regel.veld.label}</span></a></dd></div>
`,
)}</dl>
</section>`,
)}
<form method="post" action="${aanvraagPath(slug, '/versturen')}">
${csrfField(resident.csrfToken)}
<input type="hidden" name="concept" value="${conceptUuid}">
<p class="utrecht-paragraph">Als u op 'Versturen' klikt, maken wij uw aanvraag aan. U krijgt direct een zaaknummer.</p>
<button class="utrecht-button utrecht-button--primary-action" type="submit">Versturen</button>
</form>`,
  });
}

/** The confirmation with the zaak number. */
export function ontvangenPage(context: Omit<FormulierContext, 'definitie'> & { titel: string }, zaakIdentificatie: string): SafeHtml {
  return portaalPage({
    tenant: context.tenant,
    resident: context.resident,
    title: `Verstuurd - ${context.titel}`,
    body: html`<h1 class="utrecht-heading-1">Uw aanvraag is verstuurd</h1>
<div class="portaal-bedankt" role="status">
<p class="utrecht-paragraph">Wij hebben uw aanvraag ontvangen. Uw zaaknummer is:</p>
<p class="utrecht-paragraph portaal-zaaknummer"><strong>${zaakIdentificatie}</strong></p>
</div>
<h2 class="utrecht-heading-2">Wat gebeurt er nu?</h2>
<p class="utrecht-paragraph">Wij gaan met uw aanvraag aan de slag. Heeft u een e-mailadres gegeven? Dan krijgt u bericht als er iets verandert. Noem uw zaaknummer als u contact met ons opneemt.</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/">Naar de startpagina</a></p>`,
  });
}
