// `npm run build`: builds the web app, the server and the initial embedded
// database into dist/. With --if-stale (the `prepare` step of `npm ci`) it
// does nothing when dist/ is current.
import { buildAll, isBuildCurrent } from './build-lib.mjs';

if (process.argv.includes('--if-stale') && isBuildCurrent()) {
  console.log('dist/ đã cập nhật / is up to date');
} else {
  await buildAll();
}
