import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignorePath = fileURLToPath(new URL('./.gitignore', import.meta.url));

// The SvelteKit CLI's set, plus two rules that caught real bugs elsewhere: an un-awaited database promise
// (a write that may not have happened when the response goes out) and a braceless `if` that grows a line.
export default ts.config(
	includeIgnoreFile(gitignorePath),
	{ ignores: ['drizzle/', 'static/', 'bench/results/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: { 'no-undef': 'off' }
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ['drizzle.config.ts', 'playwright.config.ts'] },
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			curly: ['error', 'multi-line'],
			'@typescript-eslint/no-unused-vars': [
				'error',
				{
					argsIgnorePattern: '^_',
					varsIgnorePattern: '^_',
					destructuredArrayIgnorePattern: '^_',
					ignoreRestSiblings: true
				}
			],
			// The app is served at the root (no paths.base) and links are built from ids in one place per
			// feature; wrapping every href in resolve() would add noise without catching anything here.
			'svelte/no-navigation-without-resolve': 'off',
			// Prettier keeps a space across a line break as {' '}; the rule would have it removed.
			'svelte/no-useless-mustaches': 'off'
		}
	}
);
