/** The playbook's name and what it is, in one sentence: the site's title, its `llms.txt`. */
export const SITE_NAME = 'Revenue Playbook';
export const SITE_SUMMARY = 'The definitions sales and marketing agree on, owned by both.';
