import { emptySecties, type ProductInhoud } from './producten/content.ts';

/** A small valid product text for tests; `overrides` replaces fields. */
export function testInhoud(overrides: Partial<ProductInhoud> = {}): ProductInhoud {
  return {
    uplNaam: 'Testproduct',
    titel: 'Zwembadpas aanvragen',
    samenvatting: 'Met een zwembadpas zwemt u met korting in het gemeentelijke zwembad.',
    doelgroepen: ['inwoner'],
    aanvraagkanalen: ['online'],
    secties: { ...emptySecties(), inleiding: '<p>De zwembadpas geeft korting op elk bezoek aan zwembad De Golfslag.</p>' },
    kostenbedragen: [{ omschrijving: 'Zwembadpas', bedragInCenten: 1250 }],
    vraagAntwoord: [{ vraag: 'Kan ik de pas delen?', antwoord: '<p>Nee, de pas is persoonlijk.</p>' }],
    interneNotitie: '<p>Kassasysteem storing: verwijs naar de receptie van De Golfslag.</p>',
    gerelateerd: [],
    trefwoorden: ['zwemmen'],
    zaaktypeIdentificatie: null,
    publicatiedatum: null,
    reviewVoor: null,
    ...overrides,
  };
}
