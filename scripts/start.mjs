// `npm start`: builds what is missing or out of date, then runs the server.
import { buildAll, isBuildCurrent } from './build-lib.mjs';

if (!isBuildCurrent()) {
  console.log('Đang dựng ứng dụng / building the app…');
  await buildAll({ quiet: true });
}
await import('../dist/server.js');
