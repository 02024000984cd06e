import { presentCatalogus } from '../catalogussen/present.ts';
import { catalogusRelations, findCatalogi } from '../catalogussen/repository.ts';
import { registerExpandable, urlList } from './expand.ts';

/*
 * The catalogus as a target of `expand` (`zaaktype?expand=catalogus`) and, one level down, its own lists. Imported
 * for this effect by the services of the types that relate to a catalogus.
 */
registerExpandable('catalogus', {
  relations: {
    zaaktypen: { target: 'zaaktype', many: true, urls: urlList('zaaktypen') },
    besluittypen: { target: 'besluittype', many: true, urls: urlList('besluittypen') },
    informatieobjecttypen: { target: 'informatieobjecttype', many: true, urls: urlList('informatieobjecttypen') },
  },
  async load(context, uuids) {
    const rows = await findCatalogi(context.db, context.tenantId, uuids);
    const relations = await catalogusRelations(context.db, context.tenantId, rows.map((row) => row.uuid));
    const presented = new Map<string, Record<string, unknown>>();
    for (const row of rows) {
      const own = relations.get(row.uuid);
      if (own) presented.set(row.uuid, { ...presentCatalogus(row, own, context.base) });
    }
    return presented;
  },
});
