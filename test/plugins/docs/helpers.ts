/**
 * Helpers for the docs tests: pull the ```ts blocks out of generated Markdown, type-check
 * them against the generated package with the project's TypeScript (`tsc`, on disk in a
 * temp dir of the test run), and check every relative link and anchor.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { Slugger } from '../../../src/plugins/docs/markdown.js';
import { tempDir } from '../../tmp.js';
import { tsc } from '../../tsc.js';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface CodeBlock {
  /** the Markdown file */
  file: string;
  /** 1-based line of the opening fence */
  line: number;
  lang: string;
  code: string;
}

/** Every fenced code block of a Markdown text, with its info string. */
export function codeBlocks(file: string, markdown: string): CodeBlock[] {
  const out: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const t = lines[j].trim();
      if (t.length >= fence.length && t[0] === fence[0] && /^(`+|~+)$/.test(t)) break;
      body.push(lines[j]);
    }
    out.push({ file, line: i + 1, lang: open[2], code: body.join('\n') });
    i = j;
  }
  return out;
}

/** The ```ts blocks of every Markdown file of a package. */
export function tsBlocks(files: Map<string, string>): CodeBlock[] {
  return [...files]
    .filter(([path]) => path.endsWith('.md'))
    .flatMap(([path, content]) => codeBlocks(path, content))
    .filter((b) => b.lang === 'ts' || b.lang === 'typescript' || b.lang === 'tsx');
}

/**
 * `paths` for the package: its name → `src/index.ts`, and each `exports` subpath whose types
 * are `./dist/<x>.d.ts` (`<name>/query`, a plugin's) → `src/<x>.ts`.
 */
function packagePaths(packageName: string, files: Map<string, string>): Record<string, string[]> {
  const paths: Record<string, string[]> = { [packageName]: ['./pkg/src/index.ts'] };
  const exports = (JSON.parse(files.get('package.json') ?? '{}') as { exports?: Record<string, unknown> }).exports ?? {};
  for (const [sub, target] of Object.entries(exports)) {
    const types = typeof target === 'object' && target !== null ? (target as { types?: unknown }).types : undefined;
    const m = typeof types === 'string' && sub.startsWith('./') ? /^\.\/dist\/(.+)\.d\.ts$/.exec(types) : null;
    if (m) paths[`${packageName}/${sub.slice(2)}`] = [`./pkg/src/${m[1]}.ts`];
  }
  return paths;
}

/**
 * The `@tanstack/query-core` a block's program resolves: an app using one TanStack adapter
 * (`@tanstack/vue-query`) has that adapter's copy; the project may hold another copy beside it.
 */
function queryCoreOf(code: string): string | undefined {
  const adapter = /from ["'](@tanstack\/[a-z]+-query)["']/.exec(code)?.[1];
  const nested = adapter && join(ROOT, 'node_modules', adapter, 'node_modules/@tanstack/query-core');
  return nested && existsSync(nested) ? nested : undefined;
}

/**
 * Writes the package and one module per code block, with a tsconfig that maps the package
 * name to its `src/index.ts`, and runs `tsc --noEmit`. Returns the errors, each naming the
 * Markdown file and line of the block it comes from.
 */
export async function typeCheckBlocks(packageName: string, files: Map<string, string>, blocks: CodeBlock[]): Promise<string[]> {
  const dir = tempDir(`${packageName.replace(/[^\w-]/g, '_')}-`);
  try {
    // the examples' own imports (react, zod, msw, @types/node, …) resolve as in an app that installed them
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    for (const [path, content] of files) {
      if (!path.endsWith('.ts') && path !== 'package.json') continue;
      mkdirSync(dirname(join(dir, 'pkg', path)), { recursive: true });
      writeFileSync(join(dir, 'pkg', path), content);
    }
    const where = new Map<string, CodeBlock>();
    mkdirSync(join(dir, 'examples'), { recursive: true });
    // one program per @tanstack/query-core copy the blocks need (almost always one)
    const programs = new Map<string, string[]>();
    blocks.forEach((b, i) => {
      const name = `example-${String(i).padStart(4, '0')}.${b.lang === 'tsx' ? 'tsx' : 'ts'}`;
      where.set(name, b);
      writeFileSync(join(dir, 'examples', name), b.code + '\n');
      const core = queryCoreOf(b.code) ?? '';
      programs.set(core, [...(programs.get(core) ?? []), `examples/${name}`]);
    });
    let output = '';
    for (const [i, [core, names]] of [...programs].entries()) {
      const tsconfig = {
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          jsx: 'react-jsx',
          noEmit: true,
          skipLibCheck: true,
          isolatedModules: true,
          noFallthroughCasesInSwitch: true,
          paths: { ...packagePaths(packageName, files), ...(core ? { '@tanstack/query-core': [core] } : {}) },
        },
        files: names,
      };
      const config = join(dir, `tsconfig-${i}.json`);
      writeFileSync(config, JSON.stringify(tsconfig, null, 2));
      const ran = await tsc(['-p', config, '--pretty', 'false'], dir);
      if (ran.code !== 0 && ran.output.trim() === '') return [`tsc failed (exit ${ran.code}) without printing anything`];
      output += ran.output;
    }
    return output
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const m = /^examples\/(example-\d+\.tsx?)\((\d+),(\d+)\): (.*)$/.exec(l.replace(/\\/g, '/'));
        if (!m) return l;
        const b = where.get(m[1])!;
        return `${b.file}:${b.line + Number(m[2])} (block line ${m[2]}): ${m[4]}\n${b.code}`;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The anchors of a Markdown page, as GitHub computes them from its headings. */
export function anchorsOf(markdown: string): Set<string> {
  return new Set(headingAnchors(markdown).map((h) => h.slug));
}

/** The headings of a Markdown page in order: their anchor and (0-based) line. */
export function headingAnchors(markdown: string): { slug: string; line: number }[] {
  const slugger = new Slugger();
  return headings(markdown).map((h) => ({ slug: slugger.slug(h.text), line: h.line }));
}

function headings(markdown: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fence: string | undefined;
  let paragraph: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const push = (text: string) => out.push({ text, line: i });
    // setext headings: paragraph text underlined with === or ---
    if (/^ {0,3}(=+|-+)[ \t]*$/.test(line) && paragraph.length > 0 && !fence) {
      push(paragraph.join(' ').trim());
      paragraph = [];
      continue;
    }
    const blank = line.trim() === '' || /^ {0,3}(#|>|[-*+] |\d+[.)] |\||`{3,}|~{3,})/.test(line) || /^ {4}/.test(line);
    if (blank || fence) paragraph = [];
    else paragraph.push(line);
    const f = fenceLine(line, fence);
    if (f) {
      if (!fence) fence = f;
      else if (f[0] === fence[0] && f.length >= fence.length && line.trim() === f) fence = undefined;
      continue;
    }
    if (fence) continue;
    const h = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (h) push((h[1] ?? '').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').trim());
  }
  return out;
}

/**
 * Relative links of every Markdown file that point nowhere: a missing page, or an anchor
 * that no heading of the target page produces. Links to other sites, and spec prose links
 * to pages of the API's own site, are not checked.
 */
export function brokenLinks(files: Map<string, string>): string[] {
  const anchors = new Map<string, Set<string>>();
  const anchorsFor = (path: string) => {
    let a = anchors.get(path);
    if (!a) anchors.set(path, (a = anchorsOf(files.get(path) ?? '')));
    return a;
  };
  const broken: string[] = [];
  for (const [path, content] of files) {
    if (!path.endsWith('.md')) continue;
    const text = stripCode(content);
    for (const m of text.matchAll(/\]\(([^)\s]*)\)/g)) {
      const href = m[1];
      // external links, and spec prose linking pages of the API's own site (`/docs/guides/…`,
      // `../admin-api-keys`): the docs' own links all go to a `.md` page or an anchor
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) continue;
      const [file, anchor] = href.split('#') as [string, string | undefined];
      if (file !== '' && !file.endsWith('.md')) continue;
      const target = file === '' ? path : posix.normalize(posix.join(posix.dirname(path), file));
      if (!files.has(target)) {
        broken.push(`${path}: ${href} (no file ${target})`);
        continue;
      }
      if (anchor !== undefined && target.endsWith('.md') && !anchorsFor(target).has(anchor)) {
        broken.push(`${path}: ${href} (no heading #${anchor} in ${target})`);
      }
    }
  }
  return broken;
}

/**
 * The fence a line starts with (``` or ~~~, after at most three spaces), or undefined. As in
 * CommonMark, an opening backtick fence has no backtick in its info string.
 */
function fenceLine(line: string, open: string | undefined): string | undefined {
  const f = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  if (!f || (!open && f[1][0] === '`' && f[2].includes('`'))) return undefined;
  return f[1];
}

/** The text outside fenced blocks (code examples may hold `](…)` legitimately). */
function stripCode(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .filter((line) => {
      const f = fenceLine(line, fence);
      if (f) {
        if (!fence) fence = f;
        else if (f[0] === fence[0] && f.length >= fence.length && line.trim() === f) fence = undefined;
        return false;
      }
      return !fence;
    })
    .join('\n');
}
