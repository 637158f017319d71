/** What the editor tells a person, kept apart from its start-up so tests can read it. */

/** Shown when Publish is pressed: where merging happens instead. */
export const PUBLISH_REFUSED =
	'Publishing happens on GitHub, not here. When one owner from sales and one from marketing have approved the pull request, merge it there.';
