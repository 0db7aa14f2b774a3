// Fallback measurement when GNU time is unavailable: run a Node CLI script in this process
// and write process.resourceUsage() (CPU in µs, maxRSS in KiB) to the stats file on exit.
// usage: node time-wrapper.mjs STATS_FILE SCRIPT [ARGS...]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [statsFile, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  writeFileSync(statsFile, JSON.stringify(process.resourceUsage()));
});
await import(pathToFileURL(resolve(script)).href);
