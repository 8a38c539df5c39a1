import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { comparePartners, compareSides } from '../../../../src/tools/questionnaire/compare.ts';
import { EXPORT_FORMAT, exportName, fromJson, toCsv, toJson, toMarkdown } from '../../../../src/tools/questionnaire/exchange.ts';
import { renderQuestionnaire } from '../../../../src/tools/questionnaire/render.ts';
import { score } from '../../../../src/tools/questionnaire/scoring.ts';
import { decodeShare, encodeShare, SHARE_MESSAGES } from '../../../../src/tools/questionnaire/share.ts';
import { questionnaireStandIn } from '../../../../src/tools/questionnaire/stand-in.ts';
import {
	type Assessment,
	emptyAssessment,
	parseWorkspace,
	reconcile,
	reconcileMessage,
} from '../../../../src/tools/questionnaire/workspace.ts';
import { answered } from './arbitraries.ts';
import { sample } from './sample.ts';

const assessment = (answers: Assessment['answers'], extra: Partial<Assessment> = {}): Assessment => ({
	...emptyAssessment(sample, 'a1', new Date('2026-11-30T10:00:00Z')),
	name: 'Acme Advisors',
	answers,
	...extra,
});

describe('share links', () => {
	test('round-trip any valid answers of any questionnaire', () => {
		fc.assert(
			fc.property(
				answered(),
				fc.constantFrom('result', 'ask', 'reply') as fc.Arbitrary<'result' | 'ask' | 'reply'>,
				fc.string(),
				({ q, answers }, kind, name) => {
					const payload = { kind, questionnaire: q.id, version: q.version, answers, ...(name ? { name } : {}), ref: 'p1' };
					expect(decodeShare(encodeShare(payload), q)).toEqual({ ok: true, payload });
				},
			),
		);
	});

	test('a changed character or a cut link is damaged, never read', () => {
		fc.assert(
			fc.property(answered(), fc.nat(), fc.nat(), ({ q, answers }, at, cut) => {
				const link = encodeShare({ kind: 'result', questionnaire: q.id, version: q.version, answers });
				const body = link.slice('#pb-share='.length);
				const i = at % body.length;
				const swapped = body[i] === 'x' ? 'y' : 'x';
				expect(decodeShare(`#pb-share=${body.slice(0, i)}${swapped}${body.slice(i + 1)}`, q)).toEqual({
					ok: false,
					message: SHARE_MESSAGES.damaged,
				});
				expect(decodeShare(link.slice(0, link.length - 1 - (cut % body.length)), q)).toEqual({
					ok: false,
					message: SHARE_MESSAGES.damaged,
				});
			}),
		);
	});

	test('an outdated version or another questionnaire gives its own message', () => {
		const link = encodeShare({ kind: 'result', questionnaire: sample.id, version: 1, answers: { level: ['vaguely'] } });
		expect(decodeShare(link, { ...sample, version: 2 })).toEqual({ ok: false, message: SHARE_MESSAGES.outdated(1, 2) });
		expect(SHARE_MESSAGES.outdated(1, 2)).toBe(
			'This link was made for version 1 of this questionnaire, which has changed since (it is now version 2), so its answers cannot be shown as they were given. Ask for a new link. Nothing you saved was changed.',
		);
		expect(decodeShare(link, { ...sample, id: 'other' })).toEqual({
			ok: false,
			message: SHARE_MESSAGES.other('partner-or-pen-pal'),
		});
	});

	test('a well-formed link naming an unknown question or option is refused', () => {
		const bad = encodeShare({ kind: 'result', questionnaire: sample.id, version: 1, answers: { level: ['maybe'] } });
		expect(decodeShare(bad, sample)).toEqual({ ok: false, message: SHARE_MESSAGES.damaged });
		const two = encodeShare({
			kind: 'result',
			questionnaire: sample.id,
			version: 1,
			answers: { level: ['vaguely', 'not-discussed'] },
		});
		expect(decodeShare(two, sample).ok).toBe(false);
		expect(encodeShare({ kind: 'result', questionnaire: sample.id, version: 1, answers: { level: ['vaguely'] } })).toMatch(
			/^#pb-share=[\w-]+\.[0-9a-f]{8}$/,
		);
	});

	test('a bad percent sequence is damaged, like any other tampered link, and never throws', () => {
		const link = encodeShare({ kind: 'result', questionnaire: sample.id, version: 1, answers: { level: ['vaguely'] } });
		for (const hash of [
			'#pb-share=%E0%A4%A',
			'#pb-share=%ZZ',
			'#pb-share=%',
			`${link}%`,
			`${link.slice(0, 14)}%C3${link.slice(14)}`,
		])
			expect(decodeShare(hash, sample)).toEqual({ ok: false, message: SHARE_MESSAGES.damaged });
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('%', 'E', '0', 'A', '4', 'Z', '.', 'x') }), (tail) => {
				expect(() => decodeShare(`#pb-share=${tail}`, sample)).not.toThrow();
			}),
		);
	});
});

describe('saved assessments across questionnaire versions', () => {
	test('answers to removed questions, and removed answers, are kept aside; new questions stay unanswered; the reader is told', () => {
		const old = assessment(
			{ level: ['vaguely'], dropped: ['yes'], goals: ['gone-option'] },
			{ version: 1, notes: { dropped: 'asked twice', level: 'tier 2' } },
		);
		const revised = { ...sample, version: 2 };
		const r = reconcile(revised, old);
		expect(r.assessment.answers).toEqual({ level: ['vaguely'] });
		expect(r.assessment.notes).toEqual({ level: 'tier 2' });
		expect(r.assessment.aside).toEqual([
			{ question: 'dropped', answer: ['yes'], note: 'asked twice' },
			{ question: 'goals', answer: ['gone-option'] },
		]);
		expect(r.assessment.version).toBe(2);
		expect(r.added).toEqual(sample.questions.map((q) => q.id).filter((id) => !['level', 'goals'].includes(id)));
		expect(reconcileMessage(r, 1, 2)).toBe(
			'This questionnaire was revised since these answers were given (version 1, now 2). 2 answers no longer fit a question and are kept aside below. 8 new questions are unanswered.',
		);
		// Reconciling again loses nothing and says nothing new.
		const again = reconcile(revised, r.assessment);
		expect(again.assessment).toEqual(r.assessment);
		expect(reconcileMessage(again, 2, 2)).toBeUndefined();
	});

	test('stored data of the wrong shape is refused whole (storage then keeps a backup)', () => {
		const good = { draft: assessment({ level: ['vaguely'] }), partners: [assessment({}, { id: 'p2', name: 'Globex' })] };
		expect(parseWorkspace(JSON.parse(JSON.stringify(good)))).toEqual(good);
		expect(parseWorkspace({ draft: good.draft })).toBeUndefined();
		expect(parseWorkspace({ ...good, partners: [{ id: 'x' }] })).toBeUndefined();
		expect(parseWorkspace({ ...good, draft: { ...good.draft, answers: { level: 'vaguely' } } })).toBeUndefined();
		expect(parseWorkspace({ ...good, draft: { ...good.draft, notes: { level: 3 } } })).toBeUndefined();
	});
});

describe('comparisons', () => {
	test('two sides: both-answered questions by biggest disagreement, then those only one side answered', () => {
		const rows = compareSides(
			sample,
			{ level: ['not-discussed'], goals: ['only-in-words'], success: ['roughly'] },
			{
				level: ['a-level-and-a-date'],
				goals: ['numbers'],
				success: ['roughly'],
				rollout: ['no-idea'],
			},
		);
		expect(rows.map((r) => [r.question.id, r.gap])).toEqual([
			['level', 1],
			['goals', 0.5],
			['success', 0],
			['rollout', undefined],
		]);
		expect(rows[0]).toMatchObject({ mine: 'Not discussed', theirs: 'A level and a date' });
	});

	test('two to four partners by section, with their verdicts', () => {
		const compared = comparePartners(sample, [
			{ name: 'Acme', answers: { resources: ['people-and-budget'] } },
			{ name: 'Globex', answers: { resources: ['nobody'], level: ['vaguely'] } },
		]);
		expect(compared.partners).toEqual([
			{ name: 'Acme', percent: 100 * (6 / 26), verdict: 'Pen pal' },
			{ name: 'Globex', percent: 100 * (1 / 26), verdict: 'Pen pal' },
		]);
		expect(compared.sections.find((s) => s.id === 'commitment')!.percents).toEqual([50, 0]);
		expect(compared.sections.find((s) => s.id === 'working')!.percents).toEqual([0, 0]);
	});
});

describe('export and import', () => {
	const a = assessment(
		{ level: ['vaguely'], goals: ['numbers'], customers: 'na' },
		{ notes: { level: '=cmd() "quoted", two\nlines' } },
	);

	test('the Markdown summary has the verdict, sections, answers with notes and the advice with links', () => {
		const md = toMarkdown(sample, a, new Date('2026-11-30T12:00:00Z'));
		expect(md).toContain('# Partner or pen pal?: Acme Advisors\n');
		expect(md).toContain(`**Pen pal** (${Math.round(score(sample, a.answers).percent)}%), 2026-11-30`);
		expect(md).toContain('- Ambition and goals: 50%');
		expect(md).toContain('- Commitment and reach: 0%');
		expect(md).toContain('**Not applicable**');
		expect(md).toContain('  Note: =cmd() "quoted", two lines');
		expect(md).toContain(
			'- Turn the intention into a tier and a date, and write both into the activation plan. [Ten topics to cover](/playbooks/paper-partnerships/#ten-topics-to-cover-with-every-new-partner)',
		);
	});

	test('CSV quotes what it must and defuses formulas', () => {
		const csv = toCsv(sample, a);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe('section,question,answer,points,max,note');
		expect(lines[1]).toBe(
			`Ambition and goals,"Has the partner told you which level of your program it wants to reach, and by when?",Vaguely,1,2,"'=cmd() ""quoted"", two\nlines"`,
		);
		expect(lines[6]).toContain(',Not applicable,,,');
	});

	test('file names keep the partner’s name in any script, accents included', () => {
		expect(exportName(sample, { name: 'Müller 日本' })).toBe('partner-or-pen-pal-müller-日本');
		expect(exportName(sample, { name: 'Acme Advisors' })).toBe('partner-or-pen-pal-acme-advisors');
		expect(exportName(sample, { name: 'Партнёры: «Север»' })).toBe('partner-or-pen-pal-партнёры-север');
		expect(exportName(sample, { name: '🎉' })).toBe('partner-or-pen-pal');
		expect(exportName(sample, { name: '' })).toBe('partner-or-pen-pal');
	});

	test('JSON round-trips; a bad file gives a message and no assessment', () => {
		const json = toJson(sample, a, new Date('2026-11-30T12:00:00Z'));
		expect(fromJson(json, sample)).toEqual({ ok: true, assessment: a });
		expect(fromJson('{"format":', sample)).toEqual({
			ok: false,
			message: 'This file is not valid JSON, so it cannot be imported.',
		});
		expect(fromJson('{"format":"other"}', sample)).toEqual({
			ok: false,
			message: 'This file is not a questionnaire export from this site.',
		});
		expect(fromJson(JSON.stringify({ format: EXPORT_FORMAT, questionnaire: 'x', assessment: a }), sample)).toEqual({
			ok: false,
			message: 'This file holds answers to another questionnaire (“x”).',
		});
		expect(fromJson(JSON.stringify({ format: EXPORT_FORMAT, questionnaire: sample.id, assessment: { id: 1 } }), sample)).toEqual({
			ok: false,
			message: 'This file’s answers are damaged or incomplete, so it cannot be imported.',
		});
		const old = JSON.stringify({
			format: EXPORT_FORMAT,
			questionnaire: sample.id,
			assessment: { ...a, version: 0, answers: { gone: ['x'] } },
		});
		expect(fromJson(old, sample)).toMatchObject({
			ok: true,
			note: 'It was made for version 0 of the questionnaire (now 1); answers that no longer fit are kept aside.',
			assessment: { aside: [{ question: 'gone', answer: ['x'] }] },
		});
	});
});

describe('the built HTML', () => {
	test('is a real form: a fieldset and legend per question, a labelled input per answer, author text escaped', () => {
		const q = {
			...sample,
			questions: [{ ...sample.questions[0]!, text: 'Is <b>this</b> & "that" safe?' }, ...sample.questions.slice(1)],
		};
		const html = renderQuestionnaire(q, { level: 2, link: (href) => `/base${href}` });
		expect(html.match(/<fieldset /g)).toHaveLength(10);
		expect(html.match(/<legend>/g)).toHaveLength(10);
		expect(html).toContain('<legend>Is &lt;b&gt;this&lt;/b&gt; &amp; &quot;that&quot; safe?</legend>');
		expect(html).toContain(
			'<input type="radio" name="pb-q-partner-or-pen-pal-level" id="pb-q-partner-or-pen-pal-level-vaguely" value="vaguely" disabled><label for="pb-q-partner-or-pen-pal-level-vaguely">Vaguely</label>',
		);
		expect(html).toContain(
			'id="pb-q-partner-or-pen-pal-customers-na" value="na" disabled><label for="pb-q-partner-or-pen-pal-customers-na">Not applicable</label>',
		);
		expect(html).toContain('href="/base/playbooks/paper-partnerships/#ten-topics-to-cover-with-every-new-partner"');
		// The definition for the browser cannot close its script element.
		const json = /<script type="application\/json" class="pb-q-definition">([^<]*)<\/script>/.exec(html)![1]!;
		expect(JSON.parse(json).questions[0].text).toBe('Is <b>this</b> & "that" safe?');
	});

	test('feeds and email show the questions and a link to answer them on the web', () => {
		expect(
			questionnaireStandIn({
				attributes: { id: 'pb-q-x-tool' },
				labels: [],
				checked: [],
				legends: ['One &amp; two? (required)', 'Three?'],
				pageUrl: 'https://news.example.com/playbooks/p/',
			}),
		).toBe(
			'<ol class="pb-tool-items"><li>One &amp; two?</li><li>Three?</li></ol><p class="pb-tool-link"><a href="https://news.example.com/playbooks/p/#pb-q-x-tool">Answer this questionnaire on the web</a></p>',
		);
	});
});
