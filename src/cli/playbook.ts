#!/usr/bin/env node
/**
 * The `playbook` command line: the commands of commands.ts, each a thin pipeline over src/.
 * Usage errors and bad settings exit 2, content errors exit 1, and nothing prints a stack trace.
 */
import { settings, SettingsError } from '../schemas/settings.ts';
import { commandHelp, COMMANDS, helpText, isCommandName } from './commands.ts';
import { UsageError } from './usage.ts';

const HELP = ['--help', '-h'];

/** Runs one command line (the arguments after `playbook`) and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
	// 1. The command: asked for help, or unknown, the list of commands answers.
	const [name, ...args] = argv;
	if (name === undefined || !isCommandName(name)) {
		if (name !== undefined && [...HELP, 'help'].includes(name)) {
			console.log(helpText());
			return 0;
		}
		console.error(name === undefined ? helpText() : `Unknown command "${name}".\n\n${helpText()}`);
		return 2;
	}
	if (args.some((arg) => HELP.includes(arg))) {
		console.log(commandHelp(name));
		return 0;
	}

	// 2. The settings (PLAYBOOK_*), read once for every command: each bad value is one line.
	try {
		settings();
	} catch (error) {
		if (!(error instanceof SettingsError)) throw error;
		for (const line of error.lines) console.error(line);
		return 2;
	}

	// 3. The command, loaded only now, so one command never pays for another's code.
	try {
		const run = await COMMANDS[name].load();
		return await run(args);
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`${error.message}\n\n${commandHelp(name)}`);
			return 2;
		}
		// An unexpected failure is a bug in the checker, not in the content: say so in one line.
		console.error(
			`playbook ${name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
		);
		return 1;
	}
}

// Run as a program; imported (by the tests' in-process runner), it only exports `main`.
if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
