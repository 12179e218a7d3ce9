/**
 * The DeepL-compatible test server, for tests. The implementation lives in
 * `src/dev/deepl-server.ts` so that it is also built into `dist/` and can be started by hand
 * (`node dist/dev/deepl-server-cli.js`); see that file for what it supports.
 */
export {
  startDeepLServer,
  fakeTranslate,
  codePoints,
  MAX_TEXTS_PER_REQUEST,
  MAX_REQUEST_BYTES,
  STATS_PATH,
  type DeepLServerOptions,
  type DeepLTestServer,
  type Fault,
  type RecordedRequest,
  type GlossaryRecord,
} from '../../src/dev/deepl-server.js';

/** The key the test server accepts by default. */
export const TEST_AUTH_KEY = 'verso-test-key';
