// `npm run build`: builds the web app and the server into dist/.
import { buildAll } from './build-lib.mjs';

await buildAll();
