import type { AssessmentItem } from '$lib/casework';

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Two answer lists carry a longer name than their question ("work" is answered from "work_situation").
const ANSWER_LISTS: Partial<Record<AssessmentItem, string>> = { work: 'work_situation', housing: 'housing_situation' };

/** The question's label key: "assessment.<item in snake_case>". */
export const questionKey = (item: AssessmentItem) => `assessment.${snake(item)}`;

/** An answer's label key: "<list>.<code>". */
export const answerKey = (item: AssessmentItem, code: string) => `${ANSWER_LISTS[item] ?? snake(item)}.${code}`;
