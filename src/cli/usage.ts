import { parseArgs, type ParseArgsConfig } from 'node:util';

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
