import { ProblemError } from '../../../platform/errors/problem.ts';
import { parseExpand as parseCatalogusExpand, type ExpandKind } from '../../catalogi/shared/expand.ts';

/*
 * `expand` on the ZAAK resource (zrc-025..028): a comma list of dot paths (`status.statustype`,
 * `hoofdzaak.deelzaken.status`) parsed into a tree and checked against what each resource on the path can expand.
 * Relations into the Zaken and Catalogi APIs expand (zaken to any depth, zrc-026); relations into other APIs are
 * refused (zrc-025); a name that is no expandable attribute is refused too (zrc-027). From a catalogue type on, the
 * rest of a path is the Catalogi API's own expand (`zaaktype.statustypen`), checked by its rules.
 */

/** The relations to expand, each with the relations to expand within it (the Catalogi API's expand takes the same). */
export type ExpandTree = Map<string, ExpandTree>;

/** What one kind of resource can expand: relation name → the kind of resource it leads to. */
interface ExpandableResource {
  relations: Record<string, ResourceKind | CatalogusKind>;
  /** Attributes that refer into another API: named so the refusal can say why (zrc-025). */
  external: readonly string[];
}

type ResourceKind = 'zaak' | 'status' | 'resultaat' | 'rol' | 'zaakeigenschap' | 'zaakobject' | 'zaakinformatieobject';
/** A Catalogi API resource, as its expand names it. */
type CatalogusKind = { catalogus: ExpandKind };

const catalogus = (kind: ExpandKind): CatalogusKind => ({ catalogus: kind });

const RESOURCES: Record<ResourceKind, ExpandableResource> = {
  zaak: {
    relations: {
      zaaktype: catalogus('zaaktype'),
      hoofdzaak: 'zaak',
      deelzaken: 'zaak',
      relevanteAndereZaken: 'zaak',
      eigenschappen: 'zaakeigenschap',
      rollen: 'rol',
      status: 'status',
      resultaat: 'resultaat',
      zaakinformatieobjecten: 'zaakinformatieobject',
      zaakobjecten: 'zaakobject',
    },
    external: ['communicatiekanaal', 'productenOfDiensten', 'selectielijstklasse'],
  },
  status: { relations: { statustype: catalogus('statustype') }, external: [] },
  resultaat: { relations: { resultaattype: catalogus('resultaattype') }, external: [] },
  rol: { relations: { roltype: catalogus('roltype') }, external: ['betrokkene'] },
  zaakeigenschap: { relations: { eigenschap: catalogus('eigenschap') }, external: [] },
  zaakobject: { relations: { zaakobjecttype: catalogus('zaakobjecttype') }, external: ['object'] },
  zaakinformatieobject: { relations: {}, external: ['informatieobject'] },
};

/** Paths deeper than this are refused: a real client never needs them, and each level costs queries. */
const MAX_DEPTH = 6;

/** The path names of an `expand` value: a comma list (query) or a list of them (search body). */
function pathsOf(value: string | readonly string[] | undefined): string[] {
  const joined = value === undefined ? '' : typeof value === 'string' ? value : value.join(',');
  return [...new Set(joined.split(',').map((path) => path.trim()).filter((path) => path !== ''))];
}

/** Why a path cannot be expanded, or undefined when it can. Adds it to the tree when it can. */
function addPath(tree: ExpandTree, path: string): string | undefined {
  const names = path.split('.');
  if (names.length > MAX_DEPTH) return `${path} is dieper dan ${MAX_DEPTH} niveaus`;
  let kind: ResourceKind = 'zaak';
  let node = tree;
  for (const [index, name] of names.entries()) {
    const resource: ExpandableResource = RESOURCES[kind];
    if (resource.external.includes(name)) return `${path}: ${name} verwijst naar een andere API dan de Zaken en Catalogi API en wordt niet uitgevouwen`;
    const next: ResourceKind | CatalogusKind | undefined = resource.relations[name];
    if (next === undefined) return `${path}: ${name} is geen uit te vouwen attribuut`;
    let child = node.get(name);
    if (!child) {
      child = new Map();
      node.set(name, child);
    }
    node = child;
    if (typeof next === 'object') return addCatalogusPath(node, next.catalogus, names.slice(index + 1).join('.'), path);
    kind = next;
  }
  return undefined;
}

/** The rest of a path below a catalogue type, checked and parsed by the Catalogi API's expand. */
function addCatalogusPath(node: ExpandTree, kind: ExpandKind, rest: string, path: string): string | undefined {
  if (rest === '') return undefined;
  try {
    const below = parseCatalogusExpand(rest, kind);
    mergeInto(node, below);
    return undefined;
  } catch {
    return `${path}: ${rest} is geen uit te vouwen relatie van een ${kind}`;
  }
}

function mergeInto(target: ExpandTree, source: ExpandTree): void {
  for (const [name, child] of source) {
    let existing = target.get(name);
    if (!existing) {
      existing = new Map();
      target.set(name, existing);
    }
    mergeInto(existing, child);
  }
}

/**
 * The expand tree of a zaak request. Every unusable path is listed in one problem: a 400 on `expand` where the
 * operation documents one (list, search), a 404 where it does not (retrieve, as zrc-027 prescribes).
 */
export function parseZaakExpand(value: string | readonly string[] | undefined, refusal: 'invalid' | 'not_found'): ExpandTree {
  const tree: ExpandTree = new Map();
  const reasons = pathsOf(value).flatMap((path) => addPath(tree, path) ?? []);
  if (reasons.length > 0) {
    const detail = `Ongeldige expand: ${reasons.join('; ')}.`;
    if (refusal === 'not_found') throw new ProblemError('not_found', detail);
    throw new ProblemError('invalid', detail, [{ name: 'expand', code: 'invalid', reason: detail }]);
  }
  return tree;
}
