/*
 * GeoJSON geometry (RFC 7946) as the Zaken API exchanges it: `zaakgeometrie` on a zaak and `zaakgeometrie.within`
 * in `POST /zaken/_zoek`. Checked here for shape; stored as JSON with its bounding box, so a `within` search narrows
 * on the box in SQL before the exact test (migrations/0013).
 */

/** A GeoJSON geometry object. */
export interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: unknown;
}

export interface BoundingBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

type Position = [number, number];

function isPosition(value: unknown): value is Position {
  // The spec's Point2D: exactly two numbers.
  return Array.isArray(value) && value.length === 2 && value.every((number) => typeof number === 'number' && Number.isFinite(number));
}

function isPositions(value: unknown, min: number): value is Position[] {
  return Array.isArray(value) && value.length >= min && value.every(isPosition);
}

function isRing(value: unknown): value is Position[] {
  if (!isPositions(value, 4)) return false;
  const first = value[0];
  const last = value[value.length - 1];
  return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
}

function isPolygonCoordinates(value: unknown): value is Position[][] {
  return Array.isArray(value) && value.length >= 1 && value.every(isRing);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Why a value is no valid GeoJSON geometry, or undefined when it is one: positions of two finite numbers, lines of at
 * least two positions, polygon rings closed and of at least four, collections of valid geometries.
 */
export function geometryProblem(value: unknown): string | undefined {
  if (!isObject(value) || typeof value.type !== 'string') return 'Geen GeoJSON-geometrie: een object met `type` is vereist.';
  const coordinates = value.coordinates;
  switch (value.type) {
    case 'Point':
      return isPosition(coordinates) ? undefined : 'Een Point heeft als coordinates één positie van twee getallen.';
    case 'MultiPoint':
      return isPositions(coordinates, 1) ? undefined : 'Een MultiPoint heeft als coordinates een lijst van posities.';
    case 'LineString':
      return isPositions(coordinates, 2) ? undefined : 'Een LineString heeft minstens twee posities.';
    case 'MultiLineString':
      return Array.isArray(coordinates) && coordinates.length >= 1 && coordinates.every((line) => isPositions(line, 2))
        ? undefined
        : 'Een MultiLineString is een lijst van lijnen van minstens twee posities.';
    case 'Polygon':
      return isPolygonCoordinates(coordinates) ? undefined : 'Een Polygon bestaat uit gesloten ringen van minstens vier posities.';
    case 'MultiPolygon':
      return Array.isArray(coordinates) && coordinates.length >= 1 && coordinates.every(isPolygonCoordinates)
        ? undefined
        : 'Een MultiPolygon is een lijst van polygonen met gesloten ringen van minstens vier posities.';
    case 'GeometryCollection': {
      const members = value.geometries;
      if (!Array.isArray(members) || members.length === 0) return 'Een GeometryCollection heeft een niet-lege lijst `geometries`.';
      return members.map(geometryProblem).find((problem) => problem !== undefined);
    }
    default:
      return `Onbekend geometrietype '${value.type}'.`;
  }
}

function positionsOf(geometry: Geometry): Position[] {
  const coordinates = geometry.coordinates;
  switch (geometry.type) {
    case 'Point':
      return [coordinates as Position];
    case 'MultiPoint':
    case 'LineString':
      return coordinates as Position[];
    case 'MultiLineString':
    case 'Polygon':
      return (coordinates as Position[][]).flat();
    case 'MultiPolygon':
      return (coordinates as Position[][][]).flat(2);
    case 'GeometryCollection':
      return (geometry.geometries as Geometry[]).flatMap(positionsOf);
    default:
      return [];
  }
}

/** The bounding box of a valid geometry (see {@link geometryProblem}). */
export function boundingBox(geometry: Geometry): BoundingBox {
  // A loop rather than Math.min(...positions): a detailed polygon can have more positions than a call takes arguments.
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of positionsOf(geometry)) {
    box.minX = Math.min(box.minX, x);
    box.minY = Math.min(box.minY, y);
    box.maxX = Math.max(box.maxX, x);
    box.maxY = Math.max(box.maxY, y);
  }
  return box;
}
