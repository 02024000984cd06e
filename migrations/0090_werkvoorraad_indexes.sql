-- The werkvoorraad lists open zaken (no einddatum) ordered by their decision deadline, the Zaken API's
-- uiterlijke_einddatum_afdoening, which the workspace keeps up to date on opschorting and verlenging. Two orders:
-- over all zaaktypen in reach (zaaktype and vertrouwelijkheid included, so the access filter needs no heap visit),
-- and within one zaaktype (the zaaktype filter), each walked in deadline order and stopped after one page.
CREATE INDEX zaken_werkvoorraad_termijn ON zaken (tenant_id, uiterlijke_einddatum_afdoening, uuid)
  INCLUDE (zaaktype_uuid, vertrouwelijkheid_rank) WHERE einddatum IS NULL;
CREATE INDEX zaken_werkvoorraad_zaaktype_termijn ON zaken (tenant_id, zaaktype_uuid, uiterlijke_einddatum_afdoening, uuid)
  INCLUDE (vertrouwelijkheid_rank) WHERE einddatum IS NULL;
