import { existsSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isRealDate } from '../schemas/fields.ts';
import { settings } from '../schemas/settings.ts';

/** A mistake in how a command was called (exit code 2), as opposed to a problem in the content. */
export class UsageError extends Error {}

/** `util.parseArgs`, with its errors turned into one-line usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
	args: string[],
	options: T,
	allowPositionals = false,
) {
	try {
		return parseArgs({ args, options, allowPositionals, strict: true });
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
	}
}

/** The content folder a command was given; one that is not a folder is a usage error. */
export function contentFolder(path: string): string {
	if (!existsSync(path) || !statSync(path).isDirectory())
		throw new UsageError(`--content ${path} is not a folder.`);
	return path;
}

/** The day a command works on: `PLAYBOOK_TODAY`, else today. */
export function today(): string {
	return settings().today;
}

/** A `--date` or similar option: a real date written YYYY-MM-DD, or a usage error. */
export function dateOption(name: string, value: string): string {
	if (!isRealDate(value))
		throw new UsageError(`--${name} must be a date written YYYY-MM-DD, not "${value}".`);
	return value;
}
