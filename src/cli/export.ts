import { writeFileSync } from 'node:fs';
import { checkContent } from '../checks/index.ts';
import { formatProblem, plural } from '../checks/problems/reporters.ts';
import { exportJson, playbookExport } from '../site/export.ts';
import { settings } from '../schemas/settings.ts';
import { parseOptions, today } from './usage.ts';

/**
 * `playbook export [--content DIR] [--out FILE] [--site URL]`: the same data as the site's
 * /playbook.json, without building the site. Refuses a playbook with errors (exit 1).
 */
export function runExport(args: string[]): number {
	// 1. Read the options.
	const { values } = parseOptions(args, {
		content: { type: 'string', default: 'content' },
		out: { type: 'string' },
		site: { type: 'string', default: settings().site },
	});

	// 2. Check first: an export of a broken playbook would spread its mistakes to the CRM.
	const report = checkContent(values.content);
	if (report.errorCount > 0) {
		for (const problem of report.problems.filter((p) => p.severity === 'error'))
			console.error(formatProblem(problem));
		console.error(
			`Not exported: ${plural(report.errorCount, 'error')}. Fix them, then export again.`,
		);
		return 1;
	}

	// 3. Write the JSON.
	const json = exportJson(playbookExport(report.playbook, values.site, today()));
	if (values.out) writeFileSync(values.out, json);
	else process.stdout.write(json);
	return 0;
}
