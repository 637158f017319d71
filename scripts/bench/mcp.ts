import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { median } from './dev-loop.ts';

/** What `npm run mcp` costs an assistant on a playbook: its start, and two answers. */
export interface McpTimes {
	/** From spawning the server to its answer to the client's `initialize`, in ms. */
	startMs: number;
	/** The median time of a `define` call, in ms, through the SDK's client. */
	defineMs: number;
	/** The median time of a `find_content` call, in ms. */
	findContentMs: number;
}

/**
 * Starts `playbook mcp` on a generated playbook with the SDK's own client, as an assistant does,
 * and times it: the start, then `define` and `find_content` over several names and pairs.
 */
export async function measureMcp(
	node: string,
	cli: string,
	contentDir: string,
	terms: readonly string[],
	pairs: readonly { stage: string; persona: string }[],
): Promise<McpTimes> {
	const start = performance.now();
	const client = new Client({ name: 'playbook-bench', version: '1.0.0' });
	await client.connect(
		new StdioClientTransport({
			command: node,
			args: [cli, 'mcp', '--content', contentDir],
			env: { ...(process.env as Record<string, string>), PLAYBOOK_TODAY: '2026-11-24' },
			stderr: 'ignore',
		}),
	);
	const startMs = performance.now() - start;
	const timed = async (name: string, args: Record<string, unknown>) => {
		const before = performance.now();
		const result = await client.callTool({ name, arguments: args });
		if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
		return performance.now() - before;
	};
	try {
		const define: number[] = [];
		const find: number[] = [];
		// Each question three times: the first answer pays for what later ones reuse.
		for (let round = 0; round < 3; round++) {
			for (const term of terms) define.push(await timed('define', { term }));
			for (const pair of pairs) find.push(await timed('find_content', pair));
		}
		return { startMs, defineMs: median(define), findContentMs: median(find) };
	} finally {
		await client.close();
	}
}
