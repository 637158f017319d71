#!/usr/bin/env node
/**
 * The `playbook` command line: the commands in `COMMANDS` below (build, check, new, codeowners, diff,
 * approvals, export, verify, reassign, reviews, ruleset, edit, results). Each is a thin pipeline
 * over src/; usage errors exit 2, content errors exit 1, and nothing prints a stack trace.
 */
import { runApprovals } from './approvals.ts';
import { runBuild } from './build.ts';
import { runCheck } from './check.ts';
import { runCodeowners } from './codeowners.ts';
import { runDiff } from './diff.ts';
import { runEdit } from './edit.ts';
import { runExport } from './export.ts';
import { runNew } from './new.ts';
import { runReassign } from './reassign.ts';
import { runResults } from './results.ts';
import { runReviews } from './reviews.ts';
import { runRuleset } from './ruleset.ts';
import { runVerify } from './verify.ts';
import { UsageError } from './usage.ts';

const COMMANDS: Record<string, (args: string[]) => number | Promise<number>> = {
	build: runBuild,
	check: runCheck,
	new: runNew,
	codeowners: runCodeowners,
	diff: runDiff,
	approvals: runApprovals,
	export: runExport,
	verify: runVerify,
	reassign: runReassign,
	reviews: runReviews,
	ruleset: runRuleset,
	edit: runEdit,
	results: runResults,
};

const USAGE = `Usage: playbook <command> [options]

Commands:
  build                                                    check the content, build the site, index it for search
  check [--content DIR] [--strict] [--format text|json]   check a content folder
  new <collection> <id> [--content DIR] [--owners a,b]     scaffold a draft definition
  codeowners [--check]                                     write or verify .github/CODEOWNERS
  diff <base> [<head>] [--site URL]                        Markdown of what changed between refs
  approvals --base REF [--head REF] --approved-by a,b [--author h]
            (or --reviews FILE --head-sha SHA)             the sales-and-marketing approval gate
  export [--content DIR] [--out FILE] [--site URL]         every definition as JSON, for CRM checks
  verify <collection>/<id>... [--date D] [--content DIR]   confirm definitions: set reviewed
  reassign --from <id> --to <id> [--collection NAME] [--content DIR]
                                                           move one person's definitions to another
  reviews --plan [--issues FILE] [--format text|json] | --apply [--content DIR] [--site URL]
                                                           one GitHub issue per definition due for review
  ruleset --sales-team SLUG[:ID] --marketing-team SLUG[:ID] [--out FILE]
                                                           a GitHub ruleset: one approval from each team
  edit [--content DIR] [--port N] [--backend-port N]       the site and its editor, saving to local git branches`;

async function main(argv: string[]): Promise<number> {
	const [command, ...args] = argv;
	const run = command ? COMMANDS[command] : undefined;
	if (!run) {
		console.error(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
		return 2;
	}
	try {
		return await run(args);
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`${error.message}\n\n${USAGE}`);
			return 2;
		}
		// An unexpected failure is a bug in the checker, not in the content: say so in one line.
		console.error(
			`playbook ${command} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
		);
		return 1;
	}
}

process.exitCode = await main(process.argv.slice(2));
