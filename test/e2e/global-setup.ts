// Builds the app once before the browser tests, if it is not built or is stale.
// @ts-expect-error plain JS module of the build scripts
import { buildAll, isBuildCurrent } from '../../scripts/build-lib.mjs';

export default async function setup() {
  if (!isBuildCurrent()) await buildAll({ quiet: true });
}
