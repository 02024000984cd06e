import { VERTROUWELIJKHEIDAANDUIDINGEN, type Autorisatie, type AutorisatieComponent, type Vertrouwelijkheidaanduiding } from '../../platform/auth/autorisaties.ts';
import { CliError } from '../cli-error.ts';

/*
 * `--autorisatie "COMPONENT;SCOPE,SCOPE[;TYPE_URL;MAX_VERTROUWELIJKHEID]"`: one autorisatie as the Autorisaties API
 * models it. For zrc, drc and brc the scopes reach one zaaktype / informatieobjecttype / besluittype up to a maximum
 * vertrouwelijkheidaanduiding, so both are required there; other components take scopes only.
 */

const COMPONENTS: readonly AutorisatieComponent[] = ['ac', 'nrc', 'zrc', 'ztc', 'drc', 'brc', 'cmc', 'kc', 'vrc'];
const TYPED = { zrc: 'zaaktype', drc: 'informatieobjecttype', brc: 'besluittype' } as const;
const SCOPE = /^[a-z0-9][a-z0-9._-]*$/i;

export const AUTORISATIE_OPTION_HELP = `"COMPONENT;SCOPE,SCOPE[;TYPE_URL;MAX_VERTROUWELIJKHEID]", e.g.
                        "zrc;zaken.lezen,zaken.aanmaken;https://…/catalogi/api/v1/zaaktypen/<uuid>;vertrouwelijk"
                        (the type and maximum are required for zrc, drc and brc)`;

function isTypedComponent(component: AutorisatieComponent): component is keyof typeof TYPED {
  return component in TYPED;
}

/** Parses one `--autorisatie` value; a CliError names what is wrong. */
export function parseAutorisatieOption(value: string): Autorisatie {
  const [componentText = '', scopesText = '', typeUrl, maximum, ...rest] = value.split(';').map((part) => part.trim());
  const fail = (why: string) => new CliError(`--autorisatie "${value}": ${why}`);
  if (rest.length > 0) throw fail('expected at most four parts separated by ";".');
  const component = COMPONENTS.find((known) => known === componentText);
  if (!component) throw fail(`the component must be one of ${COMPONENTS.join(', ')}.`);
  const scopes = [...new Set(scopesText.split(',').map((scope) => scope.trim()).filter((scope) => scope !== ''))];
  if (scopes.length === 0) throw fail('name at least one scope.');
  const badScope = scopes.find((scope) => !SCOPE.test(scope));
  if (badScope !== undefined) throw fail(`"${badScope}" is not a scope name.`);
  const autorisatie: Autorisatie = { component, scopes, zaaktype: null, informatieobjecttype: null, besluittype: null, maxVertrouwelijkheidaanduiding: null };
  if (!isTypedComponent(component)) {
    if (typeUrl !== undefined) throw fail(`component ${component} takes no type or maximum vertrouwelijkheidaanduiding.`);
    return autorisatie;
  }
  const field = TYPED[component];
  if (typeUrl === undefined || maximum === undefined) throw fail(`component ${component} needs the ${field} URL and a maximum vertrouwelijkheidaanduiding.`);
  try {
    const url = new URL(typeUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw fail(`"${typeUrl}" is not an http(s) URL of a ${field}.`);
  }
  const max = VERTROUWELIJKHEIDAANDUIDINGEN.find((known) => known === maximum) as Vertrouwelijkheidaanduiding | undefined;
  if (!max) throw fail(`the maximum vertrouwelijkheidaanduiding must be one of ${VERTROUWELIJKHEIDAANDUIDINGEN.join(', ')}.`);
  return { ...autorisatie, [field]: typeUrl, maxVertrouwelijkheidaanduiding: max };
}
