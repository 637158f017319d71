import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Answer, AskContext } from '../ask/answer.ts';
import { type Tool, TOOLS } from '../ask/tools.ts';
import { checkContent } from '../checks/index.ts';
import { formatProblem, plural } from '../checks/problems/reporters.ts';
import { PLACEHOLDER_SITE, settings } from '../schemas/settings.ts';
import { contentFolder, parseOptions, today } from './usage.ts';

/**
 * `playbook mcp [--content DIR]`: the playbook as a local MCP server over stdio, for assistants.
 * It reads the playbook once, as `npm run check` does, and refuses to start on a playbook with
 * errors; restart it to answer from edited files. Standard output belongs to the protocol:
 * everything else goes to standard error.
 */
export async function runMcp(args: string[]): Promise<number> {
	// 1. Read the options.
	const { values } = parseOptions(args, {
		content: { type: 'string', default: settings().content },
	});
	const contentDir = contentFolder(values.content);

	// 2. Check first: an assistant must not repeat a definition the checker refuses.
	const report = checkContent(contentDir, { today: today() });
	if (report.errorCount > 0) {
		for (const problem of report.problems.filter((p) => p.severity === 'error'))
			console.error(formatProblem(problem));
		console.error(
			`Not started: ${plural(report.errorCount, 'error')}. Fix them, then start the server again.`,
		);
		return 1;
	}

	// 3. Answer every tool from this playbook, over stdio.
	const ask: AskContext = {
		playbook: report.playbook,
		today: today(),
		site: siteAddress(),
		contentDir,
	};
	const server = new McpServer({ name: 'playbook', version: '1.0.0' });
	for (const [name, tool] of Object.entries(TOOLS)) register(server, name, tool, ask);
	await server.connect(new StdioServerTransport());
	console.error(
		`The playbook's MCP server is answering from ${contentDir} (${plural(report.fileCount, 'file')}); restart it after editing.`,
	);
	return 0;
}

/** The address pages are linked at: PLAYBOOK_SITE with PLAYBOOK_BASE, or none while unset. */
function siteAddress(): string {
	const { site, base } = settings();
	if (site === PLACEHOLDER_SITE) return '';
	return `${site.replace(/\/+$/, '')}/${base.replace(/^\/+|\/+$/g, '')}`.replace(/\/+$/, '');
}

function register(server: McpServer, name: string, tool: Tool, ask: AskContext): void {
	server.registerTool(
		name,
		{
			title: tool.title,
			description: tool.description,
			inputSchema: tool.input,
			outputSchema: tool.output,
			annotations: { readOnlyHint: true, openWorldHint: false },
		},
		// The SDK has checked the arguments against the input schema before this runs.
		(args) => result(tool.answer(ask, args)),
	);
}

/**
 * An answer as MCP's tool result: its text, and its data as structured content. A tool error
 * (an unknown id with the closest ones, a question without what it needs) is its text alone:
 * clients hold structured content to the tool's output schema, which describes answers.
 */
function result(answer: Answer) {
	const content = [{ type: 'text' as const, text: answer.text }];
	return answer.ok ? { content, structuredContent: answer.data } : { content, isError: true };
}
