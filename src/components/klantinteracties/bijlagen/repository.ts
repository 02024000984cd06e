import { byUuid, type FilterSet } from '../shared/filters.ts';
import { objectIdentificatorFilters } from '../shared/object-identificator-filters.ts';

/** The filters of `bijlagenList`. */
export const BIJLAGE_FILTERS: FilterSet = {
  ...objectIdentificatorFilters('bijlageidentificator'),
  klantcontact__uuid: byUuid('klantcontact_uuid'),
};
