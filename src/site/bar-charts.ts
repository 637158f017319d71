import { formatAmount, monthName } from '../model/words.ts';

/**
 * Bar charts drawn at build time: counts by month (a stage's volume, a reason's rejections) and
 * labelled bars (the funnel). A month without data draws no bar and says "no data", never a bar
 * of zero; the description lists every value, for screen readers and print.
 */

export interface Bar {
	label: string;
	/** The count, or undefined for no data. */
	value: number | undefined;
	/** What is written beside the bar: the count, or `no data`. */
	text: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface BarChart {
	width: number;
	height: number;
	/** `columns`: one bar a month, labels under; `rows`: one bar a line, labels before. */
	layout: 'columns' | 'rows';
	bars: Bar[];
	/** The chart in words: its title and every value. */
	description: string;
}

export const NO_DATA = 'no data';

// Whole chart units: a tenth of one is invisible, and every digit is page weight.
const round = Math.round;
const countText = (value: number | undefined, unit: string) =>
	value === undefined ? NO_DATA : formatAmount(value, unit);

/**
 * Counts by month, oldest first, one column each: `title` names what is counted, `unit` the
 * noun (`leads`).
 */
export function monthBars(
	title: string,
	values: readonly { month: string; value: number | undefined }[],
	unit = 'leads',
): BarChart {
	const width = 560;
	const height = 150;
	const top = 20;
	const bottom = 24;
	const slot = width / Math.max(values.length, 1);
	const high = Math.max(1, ...values.map((point) => point.value ?? 0));
	const bars = values.map(({ month, value }, index) => {
		const barHeight = value === undefined ? 0 : round(((height - top - bottom) * value) / high);
		return {
			label: shortMonthName(month),
			value,
			text: value === undefined ? NO_DATA : String(value),
			x: round(index * slot + slot * 0.15),
			y: round(height - bottom - barHeight),
			width: round(slot * 0.7),
			height: barHeight,
		};
	});
	const described = values
		.map(({ month, value }) => `${monthName(month)}: ${countText(value, unit)}`)
		.join('; ');
	return {
		width,
		height,
		layout: 'columns',
		bars,
		description: `${title} by month. ${described || 'No months yet'}.`,
	};
}

/** Labelled counts, one row each, longest bar the largest count: the funnel's stages. */
export function labelledBars(
	title: string,
	rows: readonly { label: string; value: number | undefined }[],
	unit = 'leads',
): BarChart {
	const width = 560;
	const rowHeight = 26;
	const left = 150;
	const right = 110;
	const high = Math.max(1, ...rows.map((row) => row.value ?? 0));
	const bars = rows.map(({ label, value }, index) => ({
		label,
		value,
		text: countText(value, unit),
		x: left,
		y: index * rowHeight + 3,
		width: value === undefined ? 0 : Math.max(1, round(((width - left - right) * value) / high)),
		height: rowHeight - 6,
	}));
	const described = rows.map((row) => `${row.label}: ${countText(row.value, unit)}`).join('; ');
	return {
		width,
		height: rows.length * rowHeight,
		layout: 'rows',
		bars,
		description: `${title}. ${described || 'No stages yet'}.`,
	};
}

/** `Nov` for a column's label; the chart's description names the year. */
function shortMonthName(month: string): string {
	const [year, m] = month.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString('en-US', {
		month: 'short',
		timeZone: 'UTC',
	});
}
