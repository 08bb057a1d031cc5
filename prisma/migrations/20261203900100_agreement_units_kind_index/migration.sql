-- The agreement page lists every variation with a submitted annotation: the
-- distinct variations of the 'rated' units, read from this index alone (an
-- index-only scan of one entry per labelled transcript) instead of a scan of
-- every unit (agreement_units holds about nine rows per labelled transcript).
CREATE INDEX "agreement_units_kind_variation_id_idx" ON "agreement_units"("kind", "variation_id");
