/**
 * Vitest global setup: compiles the bundled packs from content/ once per test run (about 0.85 s
 * of YAML and schema work that nine test files used to repeat each) and hands them to every test
 * file through `inject` (tests/support/bundled.ts). Invalid content/ fails the run here, with
 * every problem listed (scripts/lib/bundled-packs.ts).
 */
import type { TestProject } from 'vitest/node';
import { loadBundledPacks } from '../../scripts/lib/bundled-packs';
import type {} from './bundled'; // the ProvidedContext type

export default function setup(project: TestProject): void {
  project.provide('bundledPacks', loadBundledPacks());
}
