/**
 * The `playbook` commands, each with how it is called and what it does: the usage text and
 * `--help` are made from this table, and each command's code is imported only when it runs, so
 * `npm run check` never loads the editor or the build. Every command has an npm script of the
 * same name (tests/cli.test.ts holds the two lists together).
 */

/** What a command runs: its arguments in, its exit code out. */
export type Run = (args: string[]) => number | Promise<number>;

/** One `playbook` command. */
export interface Command {
	/** What follows `playbook <name>`: one line, or several for a long or an alternative form. */
	usage: string | string[];
	/** What the command does, in a few words, for the list of commands. */
	summary: string;
	/** The command's code, imported when it runs. */
	load: () => Promise<Run>;
}

export const COMMANDS = {
	build: {
		usage: '',
		summary: 'check the content, build the site, index it for search',
		load: () => import('./build.ts').then((m) => m.runBuild),
	},
	check: {
		usage: '[--content DIR] [--strict] [--format text|json]',
		summary: 'check a content folder',
		load: () => import('./check.ts').then((m) => m.runCheck),
	},
	new: {
		usage: '<collection> <id> [--content DIR] [--owners a,b]',
		summary: 'scaffold a draft definition',
		load: () => import('./new.ts').then((m) => m.runNew),
	},
	init: {
		usage: [
			'[--company NAME] [--title TEXT] [--lifecycle waterfall|hubspot|minimal]',
			'[--person "Name, Title, department[, github]"]... [--yes] [--force] [--content DIR]',
		],
		summary: "replace the example with your team's own starter playbook",
		load: () => import('./init.ts').then((m) => m.runInit),
	},
	codeowners: {
		usage: '[--check] [--content DIR] [--out FILE]',
		summary: 'write or verify .github/CODEOWNERS',
		load: () => import('./codeowners.ts').then((m) => m.runCodeowners),
	},
	diff: {
		usage: [
			'<base> [<head>] [--content DIR] [--site URL]',
			'[--max-length N] [--summary FILE] [--run-url URL]',
		],
		summary: 'Markdown of what changed between refs',
		load: () => import('./diff.ts').then((m) => m.runDiff),
	},
	approvals: {
		usage: [
			'--base REF [--head REF] --approved-by a,b [--author h]',
			'(or --reviews FILE --head-sha SHA) [--content DIR]',
		],
		summary: 'the sales-and-marketing approval gate',
		load: () => import('./approvals.ts').then((m) => m.runApprovals),
	},
	export: {
		usage: '[--content DIR] [--out FILE] [--site URL]',
		summary: 'every definition as JSON, for CRM checks',
		load: () => import('./export.ts').then((m) => m.runExport),
	},
	verify: {
		usage: '<collection>/<id>... [--date D] [--content DIR]',
		summary: 'confirm definitions: set reviewed',
		load: () => import('./verify.ts').then((m) => m.runVerify),
	},
	reassign: {
		usage: '--from <id> --to <id> [--collection NAME] [--content DIR]',
		summary: "move one person's definitions to another",
		load: () => import('./reassign.ts').then((m) => m.runReassign),
	},
	reviews: {
		usage: [
			'--plan [--issues FILE] [--format text|json]',
			'| --apply [--content DIR] [--site URL]',
		],
		summary: 'one GitHub issue per definition due for review',
		load: () => import('./reviews.ts').then((m) => m.runReviews),
	},
	ruleset: {
		usage: ['--sales-team SLUG[:ID] --marketing-team SLUG[:ID]', '[--out FILE] [--content DIR]'],
		summary: 'a GitHub ruleset: one approval from each team',
		load: () => import('./ruleset.ts').then((m) => m.runRuleset),
	},
	edit: {
		usage: '[--content DIR] [--port N] [--backend-port N]',
		summary: 'the site and its editor, saving to local git branches',
		load: () => import('./edit.ts').then((m) => m.runEdit),
	},
	results: {
		usage: [
			'import FILE.csv --month YYYY-MM [--source TEXT] [--replace]',
			'[--kind metrics|slas|rejections|stages] [--content DIR]',
			'[--metric-column NAME] [--value-column NAME]   (--kind metrics, the default)',
			'columns: --kind slas: SLA, Commitment (1, 2… or its words), Value;',
			'--kind rejections: Stage, Reason, Count; --kind stages: Stage, Count',
		],
		summary: "a CRM report (CSV) becomes a month's results",
		load: () => import('./results.ts').then((m) => m.runResults),
	},
	crm: {
		usage: [
			'export --to hubspot|salesforce|csv [--out DIR]',
			'| drift --from hubspot|salesforce [--file PATH] [--strict] [--format text|json]',
			'| apply --to hubspot [--yes] [--allow-hide]',
			'| issues --from hubspot|salesforce [--file PATH] [--github-issues FILE] [--apply]',
			'[--content DIR] [--hubspot-reasons NAME] [--salesforce-reasons NAME__c]',
		],
		summary: 'lead stages to HubSpot and Salesforce: export, drift, apply',
		load: () => import('./crm.ts').then((m) => m.runCrm),
	},
	mcp: {
		usage: '[--content DIR]',
		summary: 'the playbook as a local MCP server, for assistants',
		load: () => import('./mcp.ts').then((m) => m.runMcp),
	},
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;

export function isCommandName(name: string): name is CommandName {
	return Object.hasOwn(COMMANDS, name);
}

/** Where summaries start in the list of commands: usages longer than this get a line of their own. */
const COLUMN = 58;

function usageLines(name: CommandName): string[] {
	const { usage }: Command = COMMANDS[name];
	const [first = '', ...rest] = typeof usage === 'string' ? [usage] : usage;
	const indent = ' '.repeat(name.length + 1);
	return [`${name} ${first}`.trimEnd(), ...rest.map((line) => indent + line)];
}

/** `playbook --help`: every command, its usage and its summary. */
export function helpText(): string {
	const rows = (Object.keys(COMMANDS) as CommandName[]).flatMap((name) => {
		const lines = usageLines(name).map((line) => `  ${line}`);
		const summary = COMMANDS[name].summary;
		const last = lines.at(-1)!;
		return lines.length === 1 && last.length < COLUMN - 1
			? [`${last.padEnd(COLUMN)}${summary}`]
			: [...lines, `${' '.repeat(COLUMN)}${summary}`];
	});
	return [
		'Usage: playbook <command> [options]',
		'',
		'Commands:',
		...rows,
		'',
		'Each runs as npm run <command> -- [options]; playbook <command> --help shows one.',
	].join('\n');
}

/** `playbook <command> --help`: the command's usage and summary. */
export function commandHelp(name: CommandName): string {
	const [first, ...rest] = usageLines(name);
	return [
		`Usage: playbook ${first}`,
		...rest.map((line) => `                ${line}`),
		'',
		COMMANDS[name].summary,
	].join('\n');
}
