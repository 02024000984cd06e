import { describe, expect, it } from 'vitest';
import { boundingBox, geometryProblem } from './geometry.ts';

describe('zaakgeometrie (GeoJSON)', () => {
  it('accepts every geometry type with well-formed coordinates', () => {
    const valid = [
      { type: 'Point', coordinates: [5.12, 52.09] },
      { type: 'MultiPoint', coordinates: [[5.12, 52.09]] },
      { type: 'LineString', coordinates: [[5.1, 52.0], [5.2, 52.1]] },
      { type: 'MultiLineString', coordinates: [[[5.1, 52.0], [5.2, 52.1]]] },
      { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] },
      { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }] },
    ];
    for (const geometry of valid) expect(geometryProblem(geometry), geometry.type).toBeUndefined();
  });

  it('names what is wrong with a malformed geometry', () => {
    expect(geometryProblem({ type: 'Point', coordinates: [5.12] })).toMatch(/Point/);
    expect(geometryProblem({ type: 'Point', coordinates: [5.12, 52.09, 3] })).toMatch(/Point/);
    expect(geometryProblem({ type: 'LineString', coordinates: [[5.1, 52.0]] })).toMatch(/LineString/);
    expect(geometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })).toMatch(/gesloten/);
    expect(geometryProblem({ type: 'GeometryCollection', geometries: [] })).toMatch(/GeometryCollection/);
    expect(geometryProblem({ type: 'Circle', coordinates: [0, 0] })).toMatch(/Circle/);
    expect(geometryProblem('POINT(5 52)')).toMatch(/GeoJSON/);
    expect(geometryProblem({ type: 'Point', coordinates: [Number.NaN, 1] })).toMatch(/Point/);
  });

  it('computes the bounding box over every position, collections included', () => {
    expect(boundingBox({ type: 'Point', coordinates: [5, 52] })).toEqual({ minX: 5, minY: 52, maxX: 5, maxY: 52 });
    const collection = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'LineString', coordinates: [[1, 5], [3, 2]] },
        { type: 'MultiPolygon', coordinates: [[[[-1, 0], [0, 0], [0, 9], [-1, 0]]]] },
      ],
    };
    expect(boundingBox(collection)).toEqual({ minX: -1, minY: 0, maxX: 3, maxY: 9 });
  });
});
