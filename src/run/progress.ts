/**
 * What a long run shows while it works: on a terminal, one line rewritten in place (the
 * client, its stage and its counts); nothing in CI, when output is not a terminal, or with
 * `--quiet`. With `--timings`, each client's stage times once it is done.
 */
export interface ProgressOptions {
  quiet?: boolean;
  timings?: boolean;
  /** default: standard error is a terminal and CI is unset */
  live?: boolean;
  write?: (text: string) => void;
}

const LABEL: Record<string, string> = { load: 'reading the spec', name: 'naming', render: 'rendering', judge: 'comparing with the previous package', verify: 'type-checking', write: 'writing' };

export class Progress {
  private readonly live: boolean;
  private readonly timings: boolean;
  private readonly write: (text: string) => void;
  private prefix = '';
  private counts = '';
  private stage: string | undefined;
  private stageStart = 0;
  private spent = new Map<string, number>();
  private shown = false;

  constructor(options: ProgressOptions = {}) {
    this.write = options.write ?? ((t) => process.stderr.write(t));
    this.live = !options.quiet && (options.live ?? (process.stderr.isTTY === true && !process.env.CI));
    this.timings = options.timings === true;
  }

  /** a client starts: the `index`th (from 1) of `total` */
  client(index: number, total: number, name: string): void {
    this.prefix = total > 1 ? `[${index}/${total}] ${name}` : name;
    this.counts = '';
    this.stage = undefined;
    this.spent = new Map();
  }

  /** a stage of the current client starts (generate.ts `OnStage`) */
  readonly onStage = (stage: string, counts?: { operations: number; schemas: number }): void => {
    this.close();
    this.stage = stage;
    this.stageStart = performance.now();
    if (counts) this.counts = ` (${counts.operations} operations, ${counts.schemas} models)`;
    if (this.live) {
      this.write(`\r\x1b[2K${this.prefix}: ${LABEL[stage] ?? stage}…${this.counts}`);
      this.shown = true;
    }
  };

  /** the client is done: the line is cleared (before its summary prints), and its timings printed when asked */
  done(): void {
    this.close();
    this.stage = undefined;
    this.clear();
    if (this.timings && this.spent.size > 0) {
      const parts = [...this.spent].map(([s, ms]) => `${s} ${Math.round(ms)} ms`);
      this.write(`${this.prefix}: ${parts.join(', ')}\n`);
    }
  }

  /** the live line, cleared (before anything else prints) */
  clear(): void {
    if (this.shown) this.write('\r\x1b[2K');
    this.shown = false;
  }

  private close(): void {
    if (this.stage === undefined) return;
    this.spent.set(this.stage, (this.spent.get(this.stage) ?? 0) + performance.now() - this.stageStart);
  }
}
