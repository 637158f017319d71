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
	let line = 1;
	let rowLine = 1;
	// Text is taken a run at a time, up to the next character that matters, not a character at a
	// time: an export can hold tens of megabytes in one cell.
	const special = delimiter === ',' ? /[,"\r\n]/g : delimiter === ';' ? /[;"\r\n]/g : /[\t"\r\n]/g;
	let i = 0;
	while (i < source.length) {
		special.lastIndex = i;
		const found = special.exec(source);
		const at = found ? found.index : source.length;
		cell += source.slice(i, at);
		if (!found) break;
		const char = found[0];
		i = at + 1;
		if (char === '"') {
			if (cell.trim() !== '') {
				cell += '"'; // a quote inside a cell is text
				continue;
			}
			// A quoted run: "" is a quote, and line breaks are text.
			cell = '';
			for (;;) {
				const close = source.indexOf('"', i);
				const end = close < 0 ? source.length : close;
				const text = source.slice(i, end);
				for (let n = text.indexOf('\n'); n >= 0; n = text.indexOf('\n', n + 1)) line++;
				cell += text;
				if (close < 0) {
					i = source.length;
					break;
				}
				if (source[close + 1] === '"') {
					cell += '"';
					i = close + 2;
				} else {
					i = close + 1;
					break;
				}
			}
		} else if (char === delimiter) {
			cells.push(cell);
			cell = '';
		} else {
			if (char === '\r' && source[i] === '\n') i++;
			cells.push(cell);
			rows.push({ line: rowLine, cells });
			[cells, cell] = [[], ''];
			rowLine = ++line;
		}
	}
	if (cell !== '' || cells.length > 0) {
		cells.push(cell);
		rows.push({ line: rowLine, cells });
	}
	// A blank line is no row (spreadsheets end files with one, or several).
	return rows.filter((row) => row.cells.some((c) => c.trim() !== ''));
}
