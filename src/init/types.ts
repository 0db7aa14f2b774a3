/**
 * `oagen init` is a list of steps (./steps.ts), each with its own command-line options: a
 * new part of init (say, a CI workflow) is a new file with one step, and one line in the list.
 */
import type { ParseArgsConfig } from 'node:util';

export interface InitContext {
  /** the project folder (the current folder) */
  readonly cwd: string;
  /** every option given, by name (each step reads its own) */
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  /** the spec as given (file path relative to `cwd`, or URL) */
  readonly spec: string;
  /** the spec's `info.title`, when it could be read */
  readonly title: string | undefined;
  /** the generated client's package name and output folder (relative to `cwd`) */
  readonly name: string;
  readonly output: string;
  /** what a step did, one line each ("wrote oagen.config.ts") */
  done(line: string): void;
  /** a command the user runs next, in order */
  next(command: string): void;
}

export interface InitStep {
  name: string;
  /** the options this step reads (node:util parseArgs form) */
  options?: NonNullable<ParseArgsConfig['options']>;
  /** lines for `oagen init --help` */
  help?: string;
  run(ctx: InitContext): void | Promise<void>;
}
