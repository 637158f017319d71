/**
 * Reads CSV as spreadsheets and CRMs write it: a byte-order mark, CRLF or LF line ends, quoted
 * fields with commas, quotes ("") and line breaks inside, and a semicolon or tab delimiter where
 * the header row has no comma. Pure; rows are arrays of cells, with their line numbers.
 */
export interface CsvRow {
	/** The line the row starts on, counting the header as line 1. */
	line: number;
	cells: string[];
}

export function parseCsv(text: string): CsvRow[] {
	const source = text.replace(/^\uFEFF/, '');
	const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = firstLine.includes(',')
		? ','
		: firstLine.includes(';')
			? ';'
			: firstLine.includes('\t')
				? '\t'
				: ',';
	const rows: CsvRow[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	for (let i = 0; i < source.length; i++) {
		const char = source[i]!;
		if (quoted) {
			if (char === '"' && source[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (char === '"') quoted = false;
			else {
				if (char === '\n') line++;
				cell += char;
			}
		} else if (char === '"' && cell.trim() === '') {
			cell = '';
			quoted = true;
		} else if (char === delimiter) {
			cells.push(cell);
			cell = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && source[i + 1] === '\n') i++;
			cells.push(cell);
			rows.push({ line: rowLine, cells });
			[cells, cell] = [[], ''];
			rowLine = ++line;
		} else cell += char;
	}
	if (cell !== '' || cells.length > 0) {
		cells.push(cell);
		rows.push({ line: rowLine, cells });
	}
	// A blank line is no row (spreadsheets end files with one, or several).
	return rows.filter((row) => row.cells.some((c) => c.trim() !== ''));
}
