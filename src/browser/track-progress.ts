import {
	checkSummary,
	progressSummary,
	readPassed,
	readProgress,
	writePassed,
	writeProgress,
} from './track-progress-store.ts';

/**
 * Turns a track's reading list into a checklist and its knowledge checks into answerable
 * questions, both kept in this browser's local storage. Without scripts the checkboxes and
 * radio buttons stay hidden and the page is a plain reading list, answers behind disclosures.
 */
export function startTrackProgress(): void {
	for (const list of document.querySelectorAll<HTMLOListElement>('ol.pb-track')) {
		const track = list.dataset.track!;
		const status = document.querySelector<HTMLElement>(
			`.pb-track-progress[data-track="${CSS.escape(track)}"]`,
		);
		const boxes = [...list.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
		const forms = [...list.querySelectorAll<HTMLFormElement>('form[data-step]')];
		const done = readProgress(localStorage, track);
		const passed = readPassed(localStorage, track);
		const isPassed = (form: HTMLFormElement) =>
			passed.get(form.dataset.step!) === form.dataset.version;
		const show = () => {
			if (status)
				status.textContent = progressSummary(
					boxes.filter((box) => box.checked).length,
					boxes.length,
					forms.filter(isPassed).length,
					forms.length,
				);
			for (const form of forms) showPassed(form, passed.get(form.dataset.step!));
		};
		for (const box of boxes) {
			box.checked = done.has(box.dataset.key!);
			box.closest('label')!.hidden = false;
			box.addEventListener('change', () => {
				writeProgress(
					localStorage,
					track,
					boxes.filter((b) => b.checked).map((b) => b.dataset.key!),
				);
				show();
			});
		}
		for (const form of forms) {
			makeAnswerable(form);
			form.addEventListener('submit', (event) => {
				event.preventDefault();
				if (checkAnswers(form)) {
					passed.set(form.dataset.step!, form.dataset.version!);
					writePassed(localStorage, track, passed);
				}
				show();
			});
		}
		if (status) status.hidden = false;
		show();
	}
}

/** Shows the choices as radio buttons and the Check button; the answers go out of sight. */
function makeAnswerable(form: HTMLFormElement): void {
	for (const radio of form.querySelectorAll<HTMLInputElement>('input[type=radio]'))
		radio.hidden = false;
	for (const answer of form.querySelectorAll<HTMLElement>('.pb-check-answer')) answer.hidden = true;
	form.querySelector<HTMLElement>('.pb-check-actions')!.hidden = false;
}

/** Marks each question right or not yet, with why; true when every answer is right. */
function checkAnswers(form: HTMLFormElement): boolean {
	const questions = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset.pb-check-question')];
	let right = 0;
	for (const question of questions) {
		const chosen = question.querySelector<HTMLInputElement>('input[type=radio]:checked');
		const isRight = chosen?.hasAttribute('data-right') ?? false;
		if (isRight) right++;
		const feedback = question.querySelector<HTMLElement>('.pb-check-feedback')!;
		const verdict = document.createElement('strong');
		verdict.textContent = isRight ? 'Right.' : chosen ? 'Not yet.' : 'Not yet: choose an answer.';
		// The why and its link, as the page wrote them for readers without scripts; not before an
		// answer is chosen, as the why can give the answer away.
		const why = chosen
			? [...question.querySelector('.pb-check-answer p:last-of-type')!.cloneNode(true).childNodes]
			: [];
		feedback.replaceChildren(verdict, ' ', ...why);
		feedback.dataset.result = isRight ? 'right' : 'wrong';
		feedback.hidden = false;
	}
	form.querySelector('.pb-check-status')!.textContent = checkSummary(right, questions.length);
	return right === questions.length;
}

/** The step's mark beside its check: passed, or passed before its definition changed. */
function showPassed(form: HTMLFormElement, version: string | undefined): void {
	const mark = form.closest('.pb-check')!.querySelector<HTMLElement>('.pb-check-passed')!;
	mark.textContent =
		version === undefined
			? ''
			: version === form.dataset.version
				? '· Passed'
				: '· Changed since you passed: answer again';
	mark.hidden = version === undefined;
}
