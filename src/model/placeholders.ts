/**
 * The stand-in text `npm run new` writes, so the checker can tell a draft nobody has written
 * yet from a definition: one place for both.
 */
export const PLACEHOLDER_SUMMARIES = {
	definition: 'One sentence a rep can read in a search result.',
	guide: 'One sentence that says what this guide is for.',
	track: 'Who this track is for and what they will know at the end.',
} as const;

/** The body a new entry starts with. */
export function placeholderBody(title: string): string {
	return `Write what ${title} means for both teams here.`;
}

/** True when a summary is still one `npm run new` wrote. */
export function isPlaceholderSummary(summary: string): boolean {
	return (Object.values(PLACEHOLDER_SUMMARIES) as string[]).includes(summary.trim());
}

/** True when a body is still the one `npm run new` wrote, whatever the title. */
export function isPlaceholderBody(body: string): boolean {
	return /^Write what .+ means for both teams here\.$/.test(body.trim());
}
