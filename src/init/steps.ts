/** The steps of `oagen init`, in order (see ./types.ts). */
import { configStep } from './config-file.js';
import { scriptStep } from './package-json.js';
import type { InitStep } from './types.js';

export const INIT_STEPS: readonly InitStep[] = [configStep, scriptStep];
