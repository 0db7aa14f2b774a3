/**
 * `oagen generate --watch`: one run, then a run again whenever something it read changes:
 * a spec file or a file its `$ref`s point to, an overlay, the config file, a local plugin
 * module, a user template folder; a spec given as a URL is asked every `fetch.poll` ms
 * (conditional requests: src/load/remote/) whether it changed. Changes are debounced (a
 * burst of saves is one run), a run never overlaps another, and a run that fails prints its
 * diagnostics and leaves the last good package in place (nothing is written unless the
 * whole package rendered). Ctrl-C stops after the run under way, if any.
 */
import { type FSWatcher, watch as fsWatch, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { ClientConfig } from '../config.js';
import { isUrl } from '../config/fetch.js';
import { findConfigFile } from '../config/file.js';
import { EXIT_OK, formatDiagnostic, OagenError } from '../diagnostics.js';
import { optionsFor, revalidate } from '../load/remote/fetch.js';
import { resolveClients, usage, type ClientFlags } from '../run/clients.js';
import { generateOnce, type RunFlags } from '../run/once.js';
import { Progress } from '../run/progress.js';

/** ms of quiet after a change before the run starts */
export const DEBOUNCE_MS = 150;
const DEFAULT_POLL_MS = 2000;

export async function watch(flags: ClientFlags & RunFlags): Promise<number> {
  if (flags.spec === '-') throw usage('--watch cannot watch standard input: give the spec as a file or URL');
  if (flags['dry-run']) throw usage('--watch writes the package on every change: leave out --dry-run');
  const progress = new Progress(flags);
  const log = (text: string) => {
    if (!flags.quiet) process.stderr.write(`${text}\n`);
  };

  let files = new Set<string>(); // local files and folders watched
  let urls = new Map<string, ClientConfig['fetch']>();
  let pollMs = DEFAULT_POLL_MS;
  const watchers = new Map<string, FSWatcher>();
  let pollTimer: NodeJS.Timeout | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const pollErrors = new Map<string, string>();

  const runOnce = async (): Promise<void> => {
    let inputs: Set<string> | undefined;
    let configFile: string | undefined;
    let clients: readonly ClientConfig[] = [];
    try {
      const resolved = await resolveClients(flags);
      configFile = resolved.configFile;
      clients = resolved.clients;
      inputs = (await generateOnce(clients, flags, progress)).inputs;
    } catch (e) {
      progress.clear();
      if (e instanceof OagenError) for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
      else process.stderr.write(`oagen: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    }
    const next = new Set<string>();
    const nextUrls = new Map<string, ClientConfig['fetch']>();
    // a failed run keeps watching what the last good one read (and the config)
    for (const f of inputs ?? files) if (!isUrl(f)) next.add(resolve(f));
    const remote = clients.filter((c) => isUrl(c.spec));
    for (const c of remote) nextUrls.set(c.spec, c.fetch);
    // the files a URL spec's `$ref`s pointed to are polled too, with their spec's headers
    for (const f of inputs ?? []) {
      if (isUrl(f) && !nextUrls.has(f)) {
        const owner = remote.find((c) => new URL(f).origin === new URL(c.spec).origin) ?? remote[0];
        nextUrls.set(f, owner ? optionsFor(f, owner.spec, owner.fetch) : {});
      }
    }
    if (remote.length > 0) pollMs = Math.min(...remote.map((c) => c.fetch?.poll ?? DEFAULT_POLL_MS));
    // (a config that failed to load is watched too: its repair is a change)
    configFile ??= flags.config ? resolve(flags.config) : flags.spec ? undefined : findConfigFile();
    if (configFile) next.add(configFile);
    files = next;
    if (inputs) urls = nextUrls;
    else for (const [u, o] of nextUrls) urls.set(u, o);
    rewatch();
    log(`oagen: watching ${files.size} file${files.size === 1 ? '' : 's'}${urls.size ? ` and ${urls.size} URL${urls.size === 1 ? '' : 's'} (every ${pollMs} ms)` : ''} for changes (Ctrl-C to stop)`);
  };

  const schedule = (): void => {
    if (stopped) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      if (running) {
        again = true;
        return;
      }
      running = runOnce().finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          schedule();
        }
      });
    }, DEBOUNCE_MS);
  };

  /** One watcher per folder (editors save by replacing the file), filtered to the files read; a watched folder is watched whole. */
  const rewatch = (): void => {
    const byDir = new Map<string, { names: Set<string>; recursive: boolean }>();
    for (const f of files) {
      let isDir = false;
      try {
        isDir = statSync(f).isDirectory();
      } catch {
        // missing now (deleted, or being replaced): its folder is watched for its return
      }
      const dir = isDir ? f : dirname(f);
      const entry = byDir.get(dir) ?? { names: new Set<string>(), recursive: false };
      if (isDir) entry.recursive = true;
      else entry.names.add(basename(f));
      byDir.set(dir, entry);
    }
    for (const [dir, w] of watchers) {
      if (!byDir.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const [dir, want] of byDir) {
      watchers.get(dir)?.close();
      try {
        const w = fsWatch(dir, { recursive: want.recursive }, (_event, name) => {
          if (want.recursive || name === null || want.names.has(basename(String(name)))) schedule();
        });
        w.on('error', () => w.close());
        watchers.set(dir, w);
      } catch {
        // a folder that does not exist: nothing to watch there
      }
    }
    clearInterval(pollTimer);
    pollTimer = urls.size > 0 ? setInterval(poll, pollMs) : undefined;
  };

  let polling = false;
  const poll = async (): Promise<void> => {
    if (polling || running || stopped) return;
    polling = true;
    try {
      for (const [url, options] of urls) {
        try {
          const r = await revalidate(url, options ?? {});
          if (pollErrors.delete(url)) log(`oagen: ${url} is reachable again`);
          if (r.how === 'fetched') {
            schedule();
            break;
          }
        } catch (e) {
          const message = e instanceof OagenError ? e.diagnostics.map((d) => d.message).join('; ') : String(e);
          if (pollErrors.get(url) !== message) process.stderr.write(`oagen: ${message} (still watching)\n`);
          pollErrors.set(url, message);
        }
      }
    } finally {
      polling = false;
    }
  };

  running = runOnce().finally(() => {
    running = undefined;
  });

  return new Promise<number>((done) => {
    const stop = (): void => {
      if (stopped) {
        process.exit(130); // a second Ctrl-C: at once
      }
      stopped = true;
      clearTimeout(debounce);
      clearInterval(pollTimer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void Promise.resolve(running).then(() => {
        progress.clear();
        log('oagen: stopped watching');
        done(EXIT_OK);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
