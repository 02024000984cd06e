/** Where the controller's and the college's finance pages live in the staff workspace. */
export const FINANCIEN_PATH = '/medewerker/financien';

export const FINANCIEN_PATHS = {
  overzicht: FINANCIEN_PATH,
  export: `${FINANCIEN_PATH}/export.csv`,
  importeren: `${FINANCIEN_PATH}/importeren`,
  importJob: (uuid: string) => `${FINANCIEN_PATH}/importen/${uuid}`,
  importStatus: (uuid: string) => `${FINANCIEN_PATH}/importen/${uuid}/status`,
  risicos: `${FINANCIEN_PATH}/risicos`,
  risico: (uuid: string) => `${FINANCIEN_PATH}/risicos/${uuid}`,
  capaciteit: `${FINANCIEN_PATH}/weerstandscapaciteit`,
  kengetalInvoer: `${FINANCIEN_PATH}/kengetallen/invoer`,
  kengetalImport: `${FINANCIEN_PATH}/kengetallen/importeren`,
  instellingen: `${FINANCIEN_PATH}/signaalwaarden`,
  signaalbanden: `${FINANCIEN_PATH}/signaalwaarden/kengetallen`,
  signaalbandenStandaard: `${FINANCIEN_PATH}/signaalwaarden/kengetallen/standaard`,
  ratioKlassen: `${FINANCIEN_PATH}/signaalwaarden/weerstandsratio`,
  ratioKlassenStandaard: `${FINANCIEN_PATH}/signaalwaarden/weerstandsratio/standaard`,
  weerstandsvermogen: `${FINANCIEN_PATH}/weerstandsvermogen`,
  partijen: `${FINANCIEN_PATH}/verbonden-partijen`,
  partij: (uuid: string) => `${FINANCIEN_PATH}/verbonden-partijen/${uuid}`,
  maatregelen: `${FINANCIEN_PATH}/maatregelen`,
  maatregel: (uuid: string) => `${FINANCIEN_PATH}/maatregelen/${uuid}`,
} as const;
