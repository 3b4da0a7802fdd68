import { runCli } from './balcao.js';

const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
const status = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  interrupted,
});
process.exit(status);
