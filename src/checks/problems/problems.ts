/**
 * Every kind of problem the checker reports, once, with a stable code, its severity and, for the
 * few that `--strict` makes errors, `strict: 'error'`. Rules raise problems by code through a
 * bound `report()` and write the specific message where they find them; reporters print them.
 */
export const PROBLEM_KINDS = {
	UnreadableFile: { severity: 'error', title: 'The file cannot be read as UTF-8 text' },
	MalformedFrontmatter: { severity: 'error', title: 'The frontmatter is not valid YAML' },
	MissingFrontmatter: { severity: 'error', title: 'The file has no frontmatter' },
	AliasExpansion: { severity: 'error', title: 'YAML aliases repeat text far past any need' },
	MissingField: { severity: 'error', title: 'A required key is missing' },
	UnknownKey: { severity: 'error', title: 'A key is not part of the content contract' },
	InvalidValue: { severity: 'error', title: 'A value has the wrong type or shape' },
	InvalidId: { severity: 'error', title: 'A file name is not a valid id' },
	DuplicateId: { severity: 'error', title: 'Two files in one collection share an id' },
	NotAFile: {
		severity: 'error',
		title: 'A path in content/ is a link, a submodule or another special file',
	},
	ControlCharacterInPath: {
		severity: 'error',
		title: 'A file or folder name in content/ holds a control character',
	},
	MissingTeam: { severity: 'error', title: 'The content folder has no team' },
	NoOwners: { severity: 'error', title: 'A definition has no owners' },
	UnknownOwner: { severity: 'error', title: 'An owner is not in content/team' },
	DuplicateOwner: { severity: 'error', title: 'An owner is listed twice' },
	OneSidedOwnership: {
		severity: 'error',
		title: 'A definition is not owned by both sales and marketing',
	},
	PersonLeaving: {
		severity: 'info',
		title: 'Someone in content/team is leaving on a day still to come',
	},
	OwnerLeaving: {
		severity: 'warning',
		title: "A definition's last owner on one side is leaving",
	},
	DanglingReference: { severity: 'error', title: 'A reference names an entry that does not exist' },
	AmbiguousEntryStage: { severity: 'error', title: 'Two lead stages share the lowest order' },
	AmbiguousFirstBuyerStage: {
		severity: 'error',
		title: 'Two buyer stages share the lowest order',
	},
	UnreachableStage: { severity: 'error', title: 'A lead stage cannot be reached from the entry' },
	NoExit: { severity: 'error', title: 'Leads in a lead stage can never reach a terminal stage' },
	DeprecatedReference: {
		severity: 'error',
		title: 'An approved definition relies on a deprecated one',
	},
	InvalidBody: { severity: 'error', title: 'The Markdown or MDX body does not parse' },
	CodeInBody: { severity: 'error', title: 'A body runs code when the site is built' },
	ScriptInBody: { severity: 'error', title: "A body would run script in a reader's browser" },
	RemoteFileInBody: { severity: 'error', title: 'A body loads a file from another site' },
	PageMarkupInBody: { severity: 'error', title: 'A body holds markup that acts on the whole page' },
	UnknownComponent: { severity: 'error', title: 'A body uses a component it cannot render' },
	MissingImage: { severity: 'error', title: "A body's image is not in the content folder" },
	BrokenLink: { severity: 'error', title: 'A link in a body points at no page of the site' },
	CoverageGap: { severity: 'info', title: 'A persona has no content at a buyer stage' },
	ReviewOverdue: {
		severity: 'warning',
		strict: 'error',
		title: 'A definition is past its review date',
	},
	ReviewedInFuture: { severity: 'error', title: 'A review date is still to come' },
	PlaceholderText: {
		severity: 'warning',
		strict: 'error',
		title: 'A new entry still has the text npm run new wrote',
	},
	MissingGithubHandle: { severity: 'error', title: 'An owner has no GitHub handle for CODEOWNERS' },
	StaleCodeowners: { severity: 'error', title: 'CODEOWNERS does not match the owners' },
	UnsafeCodeownersPath: {
		severity: 'error',
		title: 'A file path cannot be written in CODEOWNERS as it is',
	},
	UnknownFolder: { severity: 'warning', title: 'A folder in content/ is not a collection' },
	IgnoredFile: { severity: 'warning', title: 'A file in a collection folder is not read' },
	ResultsFileName: { severity: 'error', title: 'A results file is not named for its month' },
	DuplicateMonth: { severity: 'error', title: 'Two results files are for one month' },
	FutureMonth: { severity: 'error', title: 'A results file is for a month still to come' },
	UnknownMetric: { severity: 'error', title: 'A result names a metric that does not exist' },
	PercentOutOfRange: { severity: 'error', title: 'A percent result is outside 0 to 100' },
	UnknownResultsSla: { severity: 'error', title: 'SLA results name an SLA that does not exist' },
	ExtraSlaValue: {
		severity: 'error',
		title: 'SLA results give more values than the SLA has commitments',
	},
	SlaValueOutOfRange: {
		severity: 'error',
		title: 'An SLA result is below zero, or a percent above 100',
	},
	UnknownResultsStage: {
		severity: 'error',
		title: 'Rejection counts or stage volumes name a lead stage that does not exist',
	},
	UnknownRejectionReason: {
		severity: 'error',
		title: "A rejection count names a reason that is not one of the stage's",
	},
	MissingLatestResult: {
		severity: 'info',
		title: 'A metric has no result for the latest month',
	},
	NumberStatedTwice: {
		severity: 'warning',
		title: 'A definition states one number twice, and the two disagree',
	},
	SlaStageMismatch: {
		severity: 'info',
		title: "An SLA's commitments speak of another lead stage than the one it governs",
	},
	CrmValueMappedTwice: {
		severity: 'error',
		title: 'Two lead stages name one CRM value',
	},
	UnknownCrmProperty: {
		severity: 'error',
		title: 'A lead stage names a HubSpot property that cannot hold it',
	},
} as const satisfies Record<string, ProblemKind>;

export type Severity = 'error' | 'warning' | 'info';
export type ProblemCode = keyof typeof PROBLEM_KINDS;

/** One row of the registry. */
export interface ProblemKind {
	severity: Severity;
	/** The severity under `--strict`, for a warning that must be dealt with before merging. */
	strict?: 'error';
	/** The kind of problem in words, as a GitHub annotation's title. */
	title: string;
}

/** The severity a problem of `code` is raised with: its registry's, or its strict one. */
export function severityOf(code: ProblemCode, strict = false): Severity {
	const kind: ProblemKind = PROBLEM_KINDS[code];
	return (strict && kind.strict) || kind.severity;
}

/** One finding: where (file, field), what (message) and what to do (fix). */
export interface Problem {
	code: ProblemCode;
	severity: Severity;
	/** Path of the file, relative to the working folder, with `/` separators. */
	file: string;
	/** The key the problem is about, e.g. `owners` or `commitments[0].target`; `-` for the file. */
	field: string;
	/** What is wrong, as a sentence without its final full stop. */
	message: string;
	/** What to do about it, as a full sentence. */
	fix: string;
	/** The line in the file (from 1), where the problem has one place, such as a body's link. */
	line?: number;
	/** The column in that line (from 1), where known. */
	column?: number;
}

/** Where in a file a problem is, as far as known. */
export interface Position {
	line?: number | undefined;
	column?: number | undefined;
}

/** Builds a problem with the severity its code is registered with. */
export function problem(
	code: ProblemCode,
	file: string,
	field: string,
	message: string,
	fix: string,
	at: Position = {},
): Problem {
	return { code, severity: severityOf(code), file, field, message, fix, ...placed(at) };
}

/**
 * Raises one problem in the file it is bound to: its code, the field, what is wrong (a sentence
 * without its final full stop), what to do (a full sentence) and, where known, where in the file.
 */
export type ReportProblem = (
	code: ProblemCode,
	field: string,
	message: string,
	fix: string,
	at?: Position,
) => void;

/** The problems raised so far, and the `report()` bound to each file they are raised in. */
export interface ProblemLog {
	readonly problems: Problem[];
	/** The `report()` for problems in `file` (its path as problem lines show it). */
	reportIn: (file: string) => ReportProblem;
}

/**
 * Collects problems as they are raised. With `strict`, each is raised with the severity the
 * registry gives it under `--strict`.
 */
export function collectProblems({ strict = false }: { strict?: boolean } = {}): ProblemLog {
	const problems: Problem[] = [];
	return {
		problems,
		reportIn: (file) => (code, field, message, fix, at) => {
			problems.push({
				...problem(code, file, field, message, fix, at),
				severity: severityOf(code, strict),
			});
		},
	};
}

/** Only the parts of a position that are known, so a problem without one carries no key. */
function placed({ line, column }: Position): Pick<Problem, 'line' | 'column'> {
	return {
		...(line === undefined ? {} : { line }),
		...(line === undefined || column === undefined ? {} : { column }),
	};
}

// Numeric, so `line 8` comes before `line 11` and `steps[2]` before `steps[10]`.
const collator = new Intl.Collator('en', { numeric: true });

/**
 * Sorts problems by file, then field, then line, then message, so a report never depends on file
 * order. A problem with a line comes before one without.
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
	const key = (p: Problem) => [p.file, p.field, p.line ? `line ${p.line}` : '~', p.message, p.code];
	return [...problems].sort((a, b) => {
		const [ka, kb] = [key(a), key(b)];
		for (let i = 0; i < ka.length; i++) {
			const order = collator.compare(ka[i]!, kb[i]!);
			if (order !== 0) return order;
		}
		return 0;
	});
}

/** Quotes a value from the content for a message, shortened so a line stays readable. */
export function quote(value: unknown): string {
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	const short = visible(text.length > 60 ? `${text.slice(0, 57)}...` : text);
	return typeof value === 'string' ? `"${short}"` : short;
}

/**
 * Text from the content made safe for one line of a terminal or an annotation: control
 * characters become spaces, and invisible or direction-changing characters become `?`, since
 * they would make a line lie about what the file holds.
 */
export function visible(text: string): string {
	return (
		text
			// eslint-disable-next-line no-control-regex -- control characters are what is replaced
			.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
			.replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '?')
	);
}
