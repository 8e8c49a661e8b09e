/** Entry point of `npm start` (bundled to dist/server.js). */
import { describeStartupError } from './errors';
import { startServer } from './serve';

startServer().catch((e: unknown) => {
  console.error(describeStartupError(e));
  process.exit(1);
});
