/** Where the inzicht pages live in the staff workspace. */
export const INZICHT_PAD = '/medewerker/inzicht';

export const DASHBOARDS = ['kanalen', 'dienstverlening', 'kcc', 'kennisbank', 'volwassenheid'] as const;
export type DashboardNaam = (typeof DASHBOARDS)[number];

export const INZICHT_PADEN = {
  index: INZICHT_PAD,
  dashboard: (naam: DashboardNaam | ':dashboard') => `${INZICHT_PAD}/${naam}`,
  csv: (naam: DashboardNaam | ':dashboard') => `${INZICHT_PAD}/${naam}/csv`,
  openDataCsv: `${INZICHT_PAD}/open-data.csv`,
  openDataJson: `${INZICHT_PAD}/open-data.json`,
} as const;
