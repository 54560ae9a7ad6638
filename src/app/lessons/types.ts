/**
 * The contract between the app (which renders lessons) and the lesson definitions
 * (src/app/lessons/*.ts, one file per lesson, listed in src/app/lessons/index.ts as `LESSONS`).
 */

/** The app's languages; every UI string exists in each. */
export type Language = 'en' | 'fr' | 'es';

/** A text in every language of the app. */
export type Localized = Record<Language, string>;

/** A policy setting, as in a scenario file's `policy` list. */
export interface LessonPolicy {
  week: number;
  target: string;
  instrument: string;
  level: number;
  budgetPerYear?: number;
  linked?: boolean;
}

/** What a step can ask the app to do when the student reaches it (optional). */
export type LessonAction =
  | { kind: 'play' }
  | { kind: 'pause' }
  | { kind: 'choropleth'; layer: string }
  | { kind: 'setParam'; name: string; value: number | boolean | string }
  | { kind: 'reset' };

export interface LessonStep {
  text: Localized;
  /** Something the app does when the step opens (the student can still do it by hand). */
  action?: LessonAction;
}

export interface Lesson {
  id: string;
  title: Localized;
  /** One or two sentences: what the class will see and learn. */
  summary: Localized;
  world: string;
  /** A built-in scenario name of the world, or a scenario object in the scenario-file format. */
  scenario: string | Record<string, unknown>;
  /** Parameter overrides on top of the scenario's. */
  params?: Record<string, number | boolean | string>;
  seed: number;
  /** Weeks to run (default: the scenario's). */
  weeks?: number;
  /** Choropleth layer to show first. */
  choropleth?: string;
  steps: LessonStep[];
  questions: Localized[];
}
