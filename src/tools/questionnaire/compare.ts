/**
 * Comparisons, loaded on first use: two sides of one partnership question by
 * question, and two to four partners section by section, with the HTML the
 * element shows for each.
 */
import { escapeHtml as esc } from '../../lib/escape.ts';
import { sectionChart } from './chart.ts';
import {
	type Answers,
	answerLabel,
	isAsked,
	percentText,
	type Question,
	type Questionnaire,
	questionMax,
	questionPoints,
	score,
} from './scoring.ts';

/** One question as both sides answered it. */
export interface Disagreement {
	question: Question;
	mine: string;
	theirs: string;
	/** Each side's score on the question as a share of its best, 0–1; `undefined` when not answered (or N/A, or not asked). */
	mineShare: number | undefined;
	theirsShare: number | undefined;
	/** |mine − theirs|, 0–1; `undefined` unless both answered. */
	gap: number | undefined;
}

function share(q: Questionnaire, question: Question, answers: Answers): number | undefined {
	const answer = answers[question.id];
	if (answer === undefined || answer === 'na' || !isAsked(q, question, answers)) return undefined;
	const max = questionMax(question);
	return max > 0 ? questionPoints(question, answer) / max : 0;
}

/**
 * Both sides compared question by question: questions both answered first,
 * biggest disagreement first (ties in question order), then the questions only
 * one side answered, in question order.
 */
export function compareSides(q: Questionnaire, mine: Answers, theirs: Answers): Disagreement[] {
	const rows = q.questions.map((question, index) => {
		const mineShare = share(q, question, mine);
		const theirsShare = share(q, question, theirs);
		const gap = mineShare !== undefined && theirsShare !== undefined ? Math.abs(mineShare - theirsShare) : undefined;
		return {
			index,
			row: {
				question,
				mine: answerLabel(question, mine[question.id]),
				theirs: answerLabel(question, theirs[question.id]),
				mineShare,
				theirsShare,
				gap,
			},
		};
	});
	const both = rows.filter((r) => r.row.gap !== undefined).sort((a, b) => b.row.gap! - a.row.gap! || a.index - b.index);
	const one = rows.filter((r) => r.row.gap === undefined && (r.row.mineShare !== undefined || r.row.theirsShare !== undefined));
	return [...both, ...one].map((r) => r.row);
}

/** Several partners side by side: overall and per-section percentages, and each verdict. */
export function comparePartners(q: Questionnaire, partners: { name: string; answers: Answers }[]) {
	const results = partners.map((p) => ({ name: p.name, result: score(q, p.answers) }));
	return {
		partners: results.map(({ name, result }) => ({ name, percent: result.percent, verdict: result.band.verdict })),
		sections: q.sections.map((section) => ({
			id: section.id,
			title: section.title,
			percents: results.map(({ result }) => result.sections.find((s) => s.id === section.id)?.percent),
		})),
	};
}

/** Partners side by side: the chart, its legend and the table by section, with the overall result. */
export function comparisonHtml(q: Questionnaire, partners: { name: string; answers: Answers }[]): string {
	const compared = comparePartners(q, partners);
	const head = compared.partners.map((p) => `<th scope="col">${esc(p.name)}</th>`).join('');
	const cell = (percent: number | undefined) => `<td>${percent === undefined ? 'Not scored' : percentText(percent)}</td>`;
	return `${sectionChart(compared.sections.map((s) => ({ title: s.title, percents: s.percents })))}
<p class="pb-q-legend">${compared.partners.map((p, i) => `<span class="pb-q-key pb-q-s${i + 1}"></span> ${esc(p.name)}`).join(' ')}</p>
<table class="pb-q-table"><caption>Partners compared by section</caption><thead><tr><th scope="col">Section</th>${head}</tr></thead><tbody>
${compared.sections.map((s) => `<tr><th scope="row">${esc(s.title)}</th>${s.percents.map(cell).join('')}</tr>`).join('')}
<tr><th scope="row">Overall</th>${compared.partners.map((p) => `<td>${percentText(p.percent)}, ${esc(p.verdict)}</td>`).join('')}</tr>
</tbody></table>`;
}

/** Both sides question by question, biggest disagreement first, under `name` (the asker's partner name). */
export function sidesHtml(q: Questionnaire, mine: Answers, theirs: Answers, name: string): string {
	const share = (value: number | undefined) => (value === undefined ? '' : ` (${Math.round(value * 100)}%)`);
	return `<p>${esc(name || 'Your answers')} compared with the partner’s answers, biggest disagreement first.</p>
<table class="pb-q-table"><caption>Both sides, question by question</caption><thead><tr><th scope="col">Question</th><th scope="col">You</th><th scope="col">Partner</th><th scope="col">Gap</th></tr></thead><tbody>
${compareSides(q, mine, theirs)
	.map(
		(r) =>
			`<tr><th scope="row">${esc(r.question.text)}</th><td>${esc(r.mine)}${share(r.mineShare)}</td><td>${esc(r.theirs)}${share(r.theirsShare)}</td><td>${r.gap === undefined ? '–' : `${Math.round(r.gap * 100)} points`}</td></tr>`,
	)
	.join('')}
</tbody></table>`;
}
