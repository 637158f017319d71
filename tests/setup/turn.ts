import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A turn taken: give it back when done. */
export interface Turn {
	release: () => void;
}

/**
 * Waits (without blocking the event loop) until no other process holds the lock folder, then
 * holds it. A lock whose process has ended is taken over, so a run that was killed holds up no
 * later one.
 */
export async function takeTurn(lock: string): Promise<Turn> {
	mkdirSync(dirname(lock), { recursive: true });
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			return { release: () => rmSync(lock, { recursive: true, force: true }) };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			if (!holderIsRunning(lock)) {
				rmSync(lock, { recursive: true, force: true });
				continue;
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}

function holderIsRunning(lock: string): boolean {
	const file = join(lock, 'pid');
	if (!existsSync(file)) {
		// Taken a moment ago and not yet signed, or left unsigned by a process that died then.
		try {
			return Date.now() - statSync(lock).mtimeMs < 10_000;
		} catch {
			return false;
		}
	}
	try {
		process.kill(Number(readFileSync(file, 'utf8')), 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
