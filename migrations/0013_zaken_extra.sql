-- Zaken API 1.7, the ZAAK resource: what its list filters, `_zoek` and audit trail need beyond 0010.

-- Page 1 of `?zaaktype=` and of a client authorised for some zaaktypen walks one index range per zaaktype in list
-- order. With the vertrouwelijkheid rank in the index, "at most this aanduiding" is checked inside the index, so
-- both the page and its exact count stay index-only, however many zaken the zaaktype holds.
DROP INDEX zaken_zaaktype_order;
CREATE INDEX zaken_zaaktype_order ON zaken (tenant_id, zaaktype_uuid, created_at DESC, uuid DESC) INCLUDE (vertrouwelijkheid_rank);

-- Archiving selections (`archiefnominatie=vernietigen&archiefactiedatum__lt=…`, `einddatum__isnull=false`) look at
-- closed zaken only, a small part of all zaken: partial indexes keep them cheap without slowing every insert much.
CREATE INDEX zaken_archiefactiedatum ON zaken (tenant_id, archiefactiedatum) WHERE archiefactiedatum IS NOT NULL;
CREATE INDEX zaken_einddatum ON zaken (tenant_id, einddatum) WHERE einddatum IS NOT NULL;

-- A zaak's audit trail is found by the zaak's uuid, whichever host name the records were written under: the
-- hoofdObject URL ends in that uuid.
CREATE INDEX audittrail_hoofd_object_uuid ON audittrail (tenant_id, right(hoofd_object, 36));

-- `POST /zaken/_zoek` with `zaakgeometrie.within`: the zaken whose geometry lies within a (multi)polygon. The
-- query first narrows on the stored bounding box (an index range), then decides exactly with the functions below,
-- in plain PL/pgSQL on the GeoJSON (no PostGIS). Coordinates are planar WGS84 degrees, as GeoJSON exchanges them.

-- Where a point lies relative to one closed ring: 1 inside, 0 on its boundary, -1 outside (ray casting).
CREATE FUNCTION loket_ring_location(x double precision, y double precision, ring jsonb) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  n integer := jsonb_array_length(ring);
  inside boolean := false;
  x1 double precision; y1 double precision; x2 double precision; y2 double precision;
BEGIN
  FOR i IN 0 .. n - 1 LOOP
    x1 := (ring -> i ->> 0)::double precision;
    y1 := (ring -> i ->> 1)::double precision;
    x2 := (ring -> ((i + 1) % n) ->> 0)::double precision;
    y2 := (ring -> ((i + 1) % n) ->> 1)::double precision;
    IF (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) = 0
       AND x BETWEEN least(x1, x2) AND greatest(x1, x2) AND y BETWEEN least(y1, y2) AND greatest(y1, y2) THEN
      RETURN 0;
    END IF;
    IF (y1 > y) <> (y2 > y) AND x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 THEN
      inside := NOT inside;
    END IF;
  END LOOP;
  RETURN CASE WHEN inside THEN 1 ELSE -1 END;
END $$;

-- Where a point lies relative to a polygon (its rings: the outer ring, then its holes): 1, 0 or -1 as above.
CREATE FUNCTION loket_polygon_location(x double precision, y double precision, rings jsonb) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  location integer := loket_ring_location(x, y, rings -> 0);
  hole integer;
BEGIN
  IF location <= 0 THEN RETURN location; END IF;
  FOR i IN 1 .. jsonb_array_length(rings) - 1 LOOP
    hole := loket_ring_location(x, y, rings -> i);
    IF hole = 0 THEN RETURN 0; END IF;
    IF hole = 1 THEN RETURN -1; END IF;
  END LOOP;
  RETURN 1;
END $$;

-- Whether segment a-b crosses segment c-d at a single point inside both (touching at an end does not count).
CREATE FUNCTION loket_segments_cross(ax double precision, ay double precision, bx double precision, by_ double precision,
                                     cx double precision, cy double precision, dx double precision, dy double precision) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ((bx - ax) * (cy - ay) - (by_ - ay) * (cx - ax)) * ((bx - ax) * (dy - ay) - (by_ - ay) * (dx - ax)) < 0
     AND ((dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)) * ((dx - cx) * (by_ - cy) - (dy - cy) * (bx - cx)) < 0
$$;

-- Whether a path (an array of positions: a line, or a ring) lies within a polygon: no vertex and no segment midpoint
-- outside it, no segment crossing one of its rings, and (like ST_Within) at least one such point strictly inside.
CREATE FUNCTION loket_path_within(path jsonb, rings jsonb) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  n integer := jsonb_array_length(path);
  some_inside boolean := false;
  location integer;
  ax double precision; ay double precision; bx double precision; by_ double precision;
  ring jsonb;
  m integer;
BEGIN
  FOR i IN 0 .. n - 1 LOOP
    ax := (path -> i ->> 0)::double precision;
    ay := (path -> i ->> 1)::double precision;
    location := loket_polygon_location(ax, ay, rings);
    IF location < 0 THEN RETURN false; END IF;
    some_inside := some_inside OR location = 1;
    CONTINUE WHEN i = n - 1;
    bx := (path -> (i + 1) ->> 0)::double precision;
    by_ := (path -> (i + 1) ->> 1)::double precision;
    location := loket_polygon_location((ax + bx) / 2, (ay + by_) / 2, rings);
    IF location < 0 THEN RETURN false; END IF;
    some_inside := some_inside OR location = 1;
    FOR r IN 0 .. jsonb_array_length(rings) - 1 LOOP
      ring := rings -> r;
      m := jsonb_array_length(ring);
      FOR j IN 0 .. m - 1 LOOP
        IF loket_segments_cross(ax, ay, bx, by_,
             (ring -> j ->> 0)::double precision, (ring -> j ->> 1)::double precision,
             (ring -> ((j + 1) % m) ->> 0)::double precision, (ring -> ((j + 1) % m) ->> 1)::double precision) THEN
          RETURN false;
        END IF;
      END LOOP;
    END LOOP;
  END LOOP;
  RETURN some_inside;
END $$;

-- Whether one simple part of a geometry (Point, LineString or Polygon coordinates) lies within a polygon. A polygon
-- part must also not enclose one of the container's holes.
CREATE FUNCTION loket_part_within(part_type text, coordinates jsonb, rings jsonb) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  hole jsonb;
BEGIN
  IF part_type = 'Point' THEN
    RETURN loket_polygon_location((coordinates ->> 0)::double precision, (coordinates ->> 1)::double precision, rings) = 1;
  ELSIF part_type = 'LineString' THEN
    RETURN loket_path_within(coordinates, rings);
  ELSIF part_type = 'Polygon' THEN
    IF NOT loket_path_within(coordinates -> 0, rings) THEN RETURN false; END IF;
    FOR i IN 1 .. jsonb_array_length(rings) - 1 LOOP
      hole := rings -> i;
      FOR j IN 0 .. jsonb_array_length(hole) - 1 LOOP
        IF loket_polygon_location((hole -> j ->> 0)::double precision, (hole -> j ->> 1)::double precision, coordinates) = 1 THEN
          RETURN false;
        END IF;
      END LOOP;
    END LOOP;
    RETURN true;
  END IF;
  RETURN false;
END $$;

-- Whether a GeoJSON geometry (any type, collections included) lies within a GeoJSON Polygon or MultiPolygon: every
-- simple part of it within one of the container's polygons.
CREATE FUNCTION loket_geometry_within(geometry jsonb, container jsonb) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  polygons jsonb;
  parts jsonb;
  part_type text;
  part jsonb;
  matched boolean;
BEGIN
  polygons := CASE container ->> 'type'
    WHEN 'Polygon' THEN jsonb_build_array(container -> 'coordinates')
    WHEN 'MultiPolygon' THEN container -> 'coordinates'
  END;
  IF polygons IS NULL OR jsonb_array_length(polygons) = 0 THEN RETURN false; END IF;

  IF geometry ->> 'type' = 'GeometryCollection' THEN
    IF jsonb_array_length(geometry -> 'geometries') = 0 THEN RETURN false; END IF;
    FOR i IN 0 .. jsonb_array_length(geometry -> 'geometries') - 1 LOOP
      IF NOT loket_geometry_within(geometry -> 'geometries' -> i, container) THEN RETURN false; END IF;
    END LOOP;
    RETURN true;
  END IF;

  -- The simple parts: a Multi* geometry's members, or the geometry itself.
  part_type := regexp_replace(geometry ->> 'type', '^Multi', '');
  parts := CASE WHEN geometry ->> 'type' LIKE 'Multi%' THEN geometry -> 'coordinates' ELSE jsonb_build_array(geometry -> 'coordinates') END;
  IF parts IS NULL OR jsonb_array_length(parts) = 0 THEN RETURN false; END IF;
  FOR i IN 0 .. jsonb_array_length(parts) - 1 LOOP
    part := parts -> i;
    matched := false;
    FOR j IN 0 .. jsonb_array_length(polygons) - 1 LOOP
      IF loket_part_within(part_type, part, polygons -> j) THEN matched := true; EXIT; END IF;
    END LOOP;
    IF NOT matched THEN RETURN false; END IF;
  END LOOP;
  RETURN true;
END $$;
