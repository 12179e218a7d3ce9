/**
 * Starts the DeepL-compatible test server by hand, for trying `verso translate` without a DeepL
 * account:
 *
 *   npm run build
 *   node dist/dev/deepl-server-cli.js [--port 8787] [--latency 100] [--limit 500000] [--key KEY]
 *
 * It prints the two environment variables to set in another shell, and serves until Ctrl-C.
 * The "translations" are the source text with a `⟦TARGET⟧` prefix: see `fakeTranslate`.
 */
import { parseArgs } from 'node:util';
import { startDeepLServer } from './deepl-server.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      latency: { type: 'string', default: '0' },
      limit: { type: 'string', default: '500000' },
      key: { type: 'string', default: 'verso-test-key' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: node dist/dev/deepl-server-cli.js [--port N] [--latency MS] [--limit CHARS] [--key KEY]\n');
    return 0;
  }
  const numbers = { port: Number(values.port), latency: Number(values.latency), limit: Number(values.limit) };
  for (const [name, value] of Object.entries(numbers)) {
    if (!Number.isInteger(value) || value < 0) {
      process.stderr.write(`deepl-server: --${name} must be a non-negative integer\n`);
      return 2;
    }
  }
  const server = await startDeepLServer({
    port: numbers.port,
    latencyMs: numbers.latency,
    characterLimit: numbers.limit,
    authKeys: [values.key],
  });
  process.stdout.write(
    `DeepL-compatible test server listening on ${server.url}\n` +
      `In another shell:\n` +
      `  export DEEPL_SERVER_URL=${server.url}\n` +
      `  export DEEPL_AUTH_KEY=${values.key}\n` +
      `Press Ctrl-C to stop.\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  process.stdout.write(`Stopped after ${server.requests.length} requests, ${server.characterCount} characters billed.\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`deepl-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
