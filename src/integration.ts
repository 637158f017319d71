import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from './checks/index.ts';
import { formatProblem, formatSummary } from './checks/problems/reporters.ts';
import { dropStaleContentCache } from './site/content-cache.ts';
import { contentDir } from './checks/read/content-dir.ts';
import { copyEditorAssets, editorAssetFor } from './site/editor/assets.ts';
import { editorSettings } from './site/editor/settings.ts';
import { indexSite } from './site/search-index.ts';
import { finishPageCache, type StartedPageCache, startPageCache } from './site/warm-build.ts';
import { siteNotBuilt } from './site/out-dir.ts';
import { type Settings, settings, SettingsError } from './schemas/settings.ts';

/**
 * The playbook's settings for astro.config.mjs. Bad values stop Astro before it starts, one line
 * each and exit 1: thrown from the config, they would reach the reader inside Astro's "could not
 * load your config" with a stack trace.
 */
export function playbookSettings(): Settings {
	try {
		return settings();
	} catch (error) {
		if (!(error instanceof SettingsError)) throw error;
		for (const line of error.lines) console.error(line);
		console.error('Nothing was built: fix the settings above and build again.');
		process.exit(1);
	}
}

/**
 * Runs the playbook checker before Astro reads any content, so the build fails with the same
 * lines as `npm run check`, and never leaves a site behind for content that does not pass.
 */
export function playbookCheck(): AstroIntegration {
	return {
		name: 'playbook-check',
		hooks: {
			'astro:config:setup': ({ config, command, logger }) => {
				const folder = contentDir();
				const { strict, today } = settings();
				const report = checkContent(folder, { strict, today });
				for (const problem of report.problems) {
					(problem.severity === 'error' ? console.error : console.warn)(formatProblem(problem));
				}
				if (report.errorCount === 0) {
					logger.info(formatSummary(report));
					if (command === 'build') removeSiteIfBuildFails(fileURLToPath(config.outDir));
					const stale = dropStaleContentCache(folder, fileURLToPath(config.cacheDir));
					if (stale)
						logger.info(
							stale === 'moved'
								? 'Entries were renamed since the last build; reading the content afresh.'
								: 'The schemas changed since the last build; reading the content afresh.',
						);
					return;
				}
				if (command === 'build')
					rmSync(fileURLToPath(config.outDir), { recursive: true, force: true });
				// Stopped here, in the playbook's words: thrown, the error would reach the reader as
				// Astro's "unhandled error" in a hook, with a stack that points at this file.
				logger.error(
					`${formatSummary(report)} Nothing was built: fix the lines above and build again (npm run check lists them without building).`,
				);
				process.exit(1);
			},
		},
	};
}

/**
 * Serves the editor's code under `/admin/decap/`: copied into the built site, and read from the
 * npm package while `npm run dev` runs.
 */
export function playbookEditor(): AstroIntegration {
	return {
		name: 'playbook-editor',
		hooks: {
			'astro:server:setup': ({ server }) => {
				const base = server.config.base;
				server.middlewares.use((request, response, next) => {
					const file = request.url && editorAssetFor(request.url, base);
					if (!file) return next();
					response.setHeader(
						'content-type',
						file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
					);
					response.end(readFileSync(file));
				});
			},
			// With PLAYBOOK_EDITOR=off the site ships without the editor, its page included.
			'astro:build:done': ({ dir }) =>
				editorSettings().enabled
					? copyEditorAssets(fileURLToPath(dir))
					: rmSync(fileURLToPath(new URL('admin', dir)), { recursive: true, force: true }),
		},
	};
}

/**
 * Indexes the built site for search, as Starlight would (its own indexing is off, see
 * astro.config.mjs). `npm run build` sets PLAYBOOK_SEARCH_AFTER_BUILD and runs Pagefind itself
 * once Astro has exited, so the two never hold their memory at once (see src/cli/build.ts);
 * plain `astro build` indexes here, in Astro's process.
 */
export function playbookSearchIndex(): AstroIntegration {
	return {
		name: 'playbook-search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				if (settings().searchAfterBuild) return;
				const started = performance.now();
				const { pages } = await indexSite(fileURLToPath(dir));
				logger.info(
					`Search index: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
				);
			},
		},
	};
}

/**
 * Keeps the pages of the last build that nothing they show has changed in (Astro's
 * `experimental.incrementalBuild`, with keys from src/site/page-cache.ts), and says in one line
 * whether this build reuses them or builds every page, and why.
 */
export function playbookPageCache(): AstroIntegration {
	let started: StartedPageCache | undefined;
	return {
		name: 'playbook-page-cache',
		hooks: {
			'astro:config:setup': ({ config, command, logger }) => {
				if (command !== 'build' || !config.experimental.incrementalBuild) return;
				const root = fileURLToPath(config.root);
				const astroPackage = createRequire(join(root, 'package.json')).resolve(
					'astro/package.json',
				);
				const astroVersion = (JSON.parse(readFileSync(astroPackage, 'utf8')) as { version: string })
					.version;
				started = startPageCache(fileURLToPath(config.cacheDir), root, astroVersion);
				logger.info(started.says);
			},
			'astro:build:done': () => {
				if (started) finishPageCache(started.stamp);
			},
		},
	};
}

/**
 * A page that fails to render (a component given content it cannot lay out) stops Astro after
 * some pages are written; the folder goes with it, so no half-built site is ever served.
 */
function removeSiteIfBuildFails(outDir: string) {
	process.once('exit', (code) => {
		if (code === 0) return;
		rmSync(outDir, { recursive: true, force: true });
		// Under npm run build, Astro's folder is not the site: the command names the site itself.
		if (settings().searchAfterBuild) return;
		console.error(siteNotBuilt(outDir));
	});
}
