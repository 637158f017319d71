import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { readContent } from '../../src/checks/read/read-content.ts';
import { callPlanPairs, callPlanPath } from '../../src/site/call-plan.ts';
import { trackSteps } from '../../src/site/tracks.ts';
import { axeViolations, exampleSiteInChromium } from '../support/browser.ts';
import { ROOT } from '../support/sites.ts';

const example = exampleSiteInChromium();
const { playbook } = readContent(join(ROOT, 'content'));
const sdr = trackSteps(playbook, playbook.entries.tracks.get('sdr')!);
const checks = sdr.steps.filter((step) => step.questions.length > 0).length;
const MQL_CHECK = 'form[data-step="lead-stages/mql"]';

async function openPage(
	path: string,
	options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ page: Page; errors: string[] }> {
	const context = await example.browser.newContext({ ...options });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(String(error)));
	await page.goto(`${example.url}${path}`);
	return { page, errors };
}

/** Chooses, in each question of a step's check, the right answer or a wrong one. */
async function answer(page: Page, form: string, rightOrWrong: ('right' | 'wrong')[]) {
	const questions = page.locator(`${form} fieldset`);
	for (const [index, which] of rightOrWrong.entries()) {
		const question = questions.nth(index);
		const radio = question.locator(
			which === 'right' ? 'input[data-right]' : 'input:not([data-right])',
		);
		await radio.first().check();
	}
	await page.locator(`${form} button[type=submit]`).click();
}

describe('a knowledge check in a track', () => {
	const mql = sdr.steps.find((step) => step.key === 'lead-stages/mql')!;
	const count = mql.questions.length;

	test('answered wrong, then right, passes, and stays passed after a reload', async () => {
		const { page, errors } = await openPage('/tracks/sdr/');
		const status = page.locator('.pb-track-progress');
		await expect(status.textContent()).resolves.toBe(
			`0 of ${sdr.steps.length} steps done. Check passed on 0 of ${checks} steps.`,
		);
		await expect(page.isVisible(`${MQL_CHECK} details`)).resolves.toBe(false);

		await answer(page, MQL_CHECK, ['wrong', ...Array<'right'>(count - 1).fill('right')]);
		const result = page.locator(`${MQL_CHECK} .pb-check-status`);
		await expect(result.textContent()).resolves.toMatch(
			new RegExp(`^${count - 1} of ${count} right\\.`),
		);
		const first = page.locator(`${MQL_CHECK} fieldset >> nth=0 >> .pb-check-feedback`);
		await expect(first.textContent()).resolves.toMatch(/^Not yet\. /);
		// The why comes with a link to the definition that holds the answer.
		await expect(first.locator('a').getAttribute('href')).resolves.toBe(
			mql.questions[0]!.source.path,
		);
		await expect(status.textContent()).resolves.toContain(`Check passed on 0 of ${checks} steps.`);

		await answer(page, MQL_CHECK, Array<'right'>(count).fill('right'));
		await expect(result.textContent()).resolves.toBe(`All ${count} right: check passed.`);
		await expect(first.textContent()).resolves.toMatch(/^Right\. /);
		const mark = page.locator('.pb-check-passed[data-passed-for="lead-stages/mql"]');
		await expect(mark.textContent()).resolves.toBe('· Passed');
		await expect(status.textContent()).resolves.toContain(`Check passed on 1 of ${checks} steps.`);

		await page.reload();
		await expect(page.locator('.pb-track-progress').textContent()).resolves.toContain(
			`Check passed on 1 of ${checks} steps.`,
		);
		await expect(mark.textContent()).resolves.toBe('· Passed');
		expect(errors).toEqual([]);
		await page.context().close();
	});

	test('checks are counted by the steps that have one', async () => {
		// Every step of the SDR track has a check; some of the AE track's steps have none.
		expect(checks).toBe(sdr.steps.length);
		const ae = trackSteps(playbook, playbook.entries.tracks.get('ae')!);
		const aeChecks = ae.steps.filter((step) => step.questions.length > 0).length;
		expect(aeChecks).toBeLessThan(ae.steps.length);
		const { page } = await openPage('/tracks/ae/');
		await expect(page.locator('.pb-track-progress').textContent()).resolves.toBe(
			`0 of ${ae.steps.length} steps done. Check passed on 0 of the ${aeChecks} steps that have one.`,
		);
		await page.context().close();
	});

	test('an unanswered question is not yet right, and does not give its answer away', async () => {
		const { page } = await openPage('/tracks/sdr/');
		await page.locator(`${MQL_CHECK} button[type=submit]`).click();
		const first = page.locator(`${MQL_CHECK} fieldset >> nth=0 >> .pb-check-feedback`);
		await expect(first.textContent()).resolves.toBe('Not yet: choose an answer. ');
		await page.context().close();
	});

	test('is answered from the keyboard: Tab to the choices, arrows to choose, Enter to check', async () => {
		const { page } = await openPage('/tracks/sdr/');
		const form = `form[data-step="guides/start-here"]`;
		const radios = page.locator(`${form} input[type=radio]`);
		const right = await radios.evaluateAll((els) =>
			els.findIndex((el) => el.hasAttribute('data-right')),
		);
		await radios.first().focus();
		for (let i = 0; i < right; i++) await page.keyboard.press('ArrowDown');
		if (right === 0) await page.keyboard.press('Space');
		await expect(radios.nth(right).isChecked()).resolves.toBe(true);
		await page.keyboard.press('Enter'); // submits the form, as a form field does
		await expect(page.locator(`${form} .pb-check-status`).textContent()).resolves.toMatch(
			/^(All \d+ right|Right): check passed\.$/,
		);
		await page.context().close();
	});

	test('a pass of questions since changed asks to answer again', async () => {
		const { page } = await openPage('/tracks/sdr/');
		await page.evaluate(() =>
			localStorage.setItem('playbook:track:sdr:passed', JSON.stringify(['lead-stages/mql#old'])),
		);
		await page.reload();
		await expect(
			page.locator('.pb-check-passed[data-passed-for="lead-stages/mql"]').textContent(),
		).resolves.toBe('· Changed since you passed: answer again');
		await expect(page.locator('.pb-track-progress').textContent()).resolves.toContain(
			`Check passed on 0 of ${checks} steps.`,
		);
		await page.context().close();
	});

	test('without scripts the questions are a readable list, the answers behind a disclosure', async () => {
		const { page } = await openPage('/tracks/sdr/', { javaScriptEnabled: false });
		await expect(page.isVisible(`${MQL_CHECK} input[type=radio] >> nth=0`)).resolves.toBe(false);
		await expect(page.isVisible(`${MQL_CHECK} button`)).resolves.toBe(false);
		const first = page.locator(`${MQL_CHECK} fieldset >> nth=0`);
		const listed = (await first.locator('li').allTextContents()).map((t) => t.trim());
		expect(listed).toEqual(mql.questions[0]!.choices);
		await first.locator('summary').click();
		await expect(first.locator('details strong').textContent()).resolves.toBe(
			mql.questions[0]!.answer,
		);
		await page.context().close();
	});
});

describe('a track step’s Done tick', () => {
	test.each([390, 1280])(
		'at %i px, is a box with room between the tick and its word, apart from the step',
		async (width) => {
			const context = await example.browser.newContext({ viewport: { width, height: 900 } });
			const page = await context.newPage();
			await page.goto(`${example.url}/tracks/sdr/`);
			await page.waitForSelector('.pb-track-done:not([hidden])');
			const box = await page.$eval('.pb-track > li', (step) => {
				const label = step.querySelector('.pb-track-done')!;
				const tick = label.querySelector('input')!.getBoundingClientRect();
				const word = label.querySelector('span')!.getBoundingClientRect();
				const text = step.querySelector('div')!.getBoundingClientRect();
				const style = getComputedStyle(label);
				return {
					gap: word.left - tick.right,
					border: style.borderTopStyle,
					padding: parseFloat(style.paddingLeft),
					apart: text.left - label.getBoundingClientRect().right,
				};
			});
			expect(box.gap).toBeGreaterThanOrEqual(5);
			expect(box.border).toBe('solid');
			expect(box.padding).toBeGreaterThanOrEqual(6);
			expect(box.apart).toBeGreaterThanOrEqual(12);
			await page.check('.pb-track-done input >> nth=0');
			const ticked = await page.$eval(
				'.pb-track-done',
				(label) => getComputedStyle(label).backgroundColor,
			);
			expect(ticked).not.toBe('rgba(0, 0, 0, 0)');
			await context.close();
		},
	);
});

describe('call plans', () => {
	const pairs = callPlanPairs(playbook);

	test('every plan opens without a console error and passes axe in the light and the dark theme', async () => {
		const context = await example.browser.newContext({ colorScheme: 'light', bypassCSP: true });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(String(e)));
		const found: string[] = [];
		for (const { persona, stage } of pairs) {
			const path = callPlanPath(persona.id, stage.id);
			await page.emulateMedia({ colorScheme: 'light' });
			const response = await page.goto(`${example.url}${path}`);
			expect(response?.status(), path).toBe(200);
			await expect(page.locator('h1').textContent()).resolves.toBe(
				`Call plan: ${persona.data.title} at ${stage.data.title}`,
			);
			found.push(...(await axeViolations(page)).map((v) => `${path} light: ${v}`));
			// The system turns dark: the page follows without loading again.
			await page.emulateMedia({ colorScheme: 'dark' });
			await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
			found.push(...(await axeViolations(page)).map((v) => `${path} dark: ${v}`));
		}
		await context.close();
		expect(found).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('a plan prints without the navigation', async () => {
		const { page } = await openPage('/prep/controller/consideration/');
		await page.emulateMedia({ media: 'print' });
		for (const chrome of ['header', 'nav', '.sidebar-pane', '.right-sidebar-container'])
			await expect(page.isVisible(chrome), chrome).resolves.toBe(false);
		await expect(page.isVisible('h2#content')).resolves.toBe(true);
		const pdf = await page.pdf();
		expect(pdf.length).toBeGreaterThan(1000);
		await page.context().close();
	});

	test('persona pages, buyer stage pages and the finder link to them', async () => {
		const { page } = await openPage('/personas/controller/');
		const fromPersona = await page.$$eval('a[href^="/prep/"]', (els) =>
			els.map((el) => el.getAttribute('href')),
		);
		expect(fromPersona).toEqual(
			pairs
				.filter((p) => p.persona.id === 'controller')
				.map((p) => callPlanPath('controller', p.stage.id)),
		);
		await page.goto(`${example.url}/buyer-stages/decision/`);
		const fromStage = await page.$$eval('a[href^="/prep/"]', (els) =>
			els.map((el) => el.getAttribute('href')),
		);
		expect(fromStage).toEqual(
			pairs
				.filter((p) => p.stage.id === 'decision')
				.map((p) => callPlanPath(p.persona.id, 'decision')),
		);

		await page.goto(`${example.url}/find/?persona=controller`);
		// The finder listens for choices once its index has loaded and it has counted the items.
		await page.waitForFunction(() =>
			/\bitems? match/.test(document.getElementById('pb-finder-status')?.textContent ?? ''),
		);
		const plan = page.locator('#pb-finder-plan');
		await expect(plan.isVisible()).resolves.toBe(false);
		await page.locator('input[name=stage][value=decision]').check();
		await expect.poll(() => plan.isVisible(), { timeout: 5000 }).toBe(true);
		await expect(plan.locator('a').getAttribute('href')).resolves.toBe(
			'/prep/controller/decision/',
		);
		await page.locator('input[name=stage][value=awareness]').check();
		await expect.poll(() => plan.isVisible(), { timeout: 5000 }).toBe(false);
		await page.context().close();
	});
});
