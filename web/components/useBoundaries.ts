/**
 * The real province boundaries of a map layout, when an administrator has
 * imported them for every province of it (`/boundaries`); null otherwise, and
 * the map draws its tiles. Fetched once per page load and layout.
 */
import { useEffect, useState } from 'react';
import type { BoundaryCollection, BoundaryLayout } from '../../src/contracts/boundary';
import { apiGet } from '../api/client';
import type { GeoFeatureCollection } from './TileMap';

const cache = new Map<BoundaryLayout, Promise<BoundaryCollection | null>>();

/** Forgets what was fetched (after an import or a removal). */
export function forgetBoundaries(): void {
  cache.clear();
}

export function fetchBoundaries(layout: BoundaryLayout): Promise<BoundaryCollection | null> {
  let p = cache.get(layout);
  if (!p) {
    p = apiGet<BoundaryCollection>(`/api/boundaries/${layout}`).catch(() => null);
    cache.set(layout, p);
  }
  return p;
}

export function useBoundaries(layout: BoundaryLayout): GeoFeatureCollection | null {
  const [value, setValue] = useState<GeoFeatureCollection | null>(null);
  useEffect(() => {
    let live = true;
    setValue(null);
    void fetchBoundaries(layout).then((c) => {
      if (live) setValue(c?.complete ? (c as unknown as GeoFeatureCollection) : null);
    });
    return () => {
      live = false;
    };
  }, [layout]);
  return value;
}
