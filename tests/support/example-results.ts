import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { ROOT } from './sites.ts';

/** The loop's sections of a results file, as its YAML holds them. */
export interface MonthFile {
	slas: Record<string, (number | null)[]>;
	rejections: Record<string, Record<string, number>>;
	stages: Record<string, number>;
}

/** One month of the example's results as the file says it, read apart from the playbook's own reading. */
export const exampleMonthFile = (month: string) =>
	yaml.load(readFileSync(join(ROOT, 'content', 'results', `${month}.yaml`), 'utf8')) as MonthFile;
