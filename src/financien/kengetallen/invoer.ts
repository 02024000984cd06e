/**
 * The figures the kengetallen need beyond the begrotingsregels, per year, in cents: balance positions (begin of year
 * for t−1 from the jaarrekening, estimated for the budget years) and the woonlasten for the belastingcapaciteit.
 */
export const KENGETAL_INVOER = {
  vasteSchulden: 'Vaste schulden (A)',
  nettoVlottendeSchuld: 'Netto vlottende schuld (B)',
  overlopendePassiva: 'Overlopende passiva (C)',
  financieleActiva: 'Financiële activa zonder verstrekte leningen (D)',
  verstrekteLeningen: 'Verstrekte leningen (voor de gecorrigeerde netto schuldquote)',
  uitzettingenKorterDanJaar: 'Uitzettingen korter dan één jaar (E)',
  liquideMiddelen: 'Liquide middelen (F)',
  overlopendeActiva: 'Overlopende activa (G)',
  eigenVermogen: 'Eigen vermogen',
  balanstotaal: 'Balanstotaal',
  nietInExploitatieGenomenGronden: 'Niet in exploitatie genomen bouwgronden',
  bouwgrondenInExploitatie: 'Bouwgronden in exploitatie',
  woonlasten: 'Woonlasten meerpersoonshuishouden (OZB, riool- en afvalheffing, min heffingskorting)',
  landelijkeWoonlastenVorigJaar: 'Landelijk gemiddelde woonlasten meerpersoonshuishouden, vorig jaar',
} as const;

export type KengetalVeld = keyof typeof KENGETAL_INVOER;

export const KENGETAL_VELDEN = Object.keys(KENGETAL_INVOER) as KengetalVeld[];

export type KengetalInvoer = Partial<Record<KengetalVeld, number>>;
