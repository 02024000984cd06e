import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { sendPortaalPage } from '../../portaal/portaal-page.ts';
import { begrotingInBeeld, type BegrotingInBeeld } from './cijfers.ts';
import { BEGROTING_CSV_PATH, BEGROTING_IN_BEELD_PATH, BEGROTING_JSON_PATH, begrotingInBeeldPage, perInwoner } from './pagina.ts';

const PUBLIC = { public: true } as const;
const NO_QUERY = { querystring: { type: 'object', additionalProperties: false, properties: {} } } as const;

function euroCel(centen: number): string {
  const sign = centen < 0 ? '-' : '';
  const absolute = Math.abs(Math.round(centen));
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`;
}

/** The downloadable rows: one per hoofdtaakveld and year, in euro. */
function rijen(cijfers: BegrotingInBeeld) {
  return cijfers.taakvelden.map((item) => {
    const inwoners = cijfers.jaren.find((jaar) => jaar.jaar === item.jaar)?.inwoners ?? null;
    const perHoofd = perInwoner(item.lastenCenten, inwoners);
    return {
      jaar: item.jaar,
      bron: cijfers.jaren.find((jaar) => jaar.jaar === item.jaar)?.bron ?? 'begroting',
      taakveld: item.hoofdtaakveld,
      naam: item.naam,
      lasten: item.lastenCenten / 100,
      baten: item.batenCenten / 100,
      inwoners,
      lastenPerInwoner: perHoofd === null ? null : perHoofd / 100,
    };
  });
}

/** "Begroting in beeld" on the tenant's public host: the page and its figures as CSV and JSON. */
export function registerBegrotingInBeeld(app: FastifyInstance, db: Kysely<Database>): void {
  app.get(BEGROTING_IN_BEELD_PATH, { config: PUBLIC, schema: NO_QUERY }, async (request, reply) =>
    sendPortaalPage(reply, 200, begrotingInBeeldPage(request.tenant, await begrotingInBeeld(db, request.tenant.id))),
  );

  app.get(BEGROTING_JSON_PATH, { config: PUBLIC, schema: NO_QUERY }, async (request, reply) => {
    const cijfers = await begrotingInBeeld(db, request.tenant.id);
    return reply
      .header('Cache-Control', 'no-cache')
      .send({ gemeente: request.tenant.name, begrotingsjaar: cijfers?.begrotingsjaar ?? null, eenheid: 'euro', rijen: cijfers ? rijen(cijfers) : [] });
  });

  app.get(BEGROTING_CSV_PATH, { config: PUBLIC, schema: NO_QUERY }, async (request, reply) => {
    const cijfers = await begrotingInBeeld(db, request.tenant.id);
    const lines = ['jaar;bron;taakveld;naam;lasten;baten;inwoners;lasten_per_inwoner'];
    for (const rij of cijfers ? rijen(cijfers) : []) {
      lines.push([rij.jaar, rij.bron, rij.taakveld, `"${rij.naam.replace(/"/g, '""')}"`, euroCel(rij.lasten * 100), euroCel(rij.baten * 100), rij.inwoners ?? '', rij.lastenPerInwoner === null ? '' : euroCel(rij.lastenPerInwoner * 100)].join(';'));
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="begroting-in-beeld-${cijfers?.begrotingsjaar ?? 'leeg'}.csv"`)
      .header('Cache-Control', 'no-cache')
      .send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });
}
