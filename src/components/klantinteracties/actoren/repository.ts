import { flag, text, type FilterSet } from '../shared/filters.ts';
import { objectIdentificatorFilters } from '../shared/object-identificator-filters.ts';

/** The filters of `actorenList`. */
export const ACTOR_FILTERS: FilterSet = {
  ...objectIdentificatorFilters('actoridentificator'),
  indicatieActief: flag('indicatie_actief'),
  naam: text('naam'),
  soortActor: text('soort_actor', { type: 'string', enum: ['geautomatiseerde_actor', 'medewerker', 'organisatorische_eenheid'] }),
};
