import type { Lesson } from './types.ts';
import { oneHub } from './one-hub.ts';
import { connectTheUnconnected } from './connect-the-unconnected.ts';
import { trust } from './trust.ts';
import { whyGlobal } from './why-global.ts';

export type { Lesson, LessonStep, LessonAction, Localized, Language } from './types.ts';

/** The guided lessons, in the order the lesson picker lists them (docs/classroom.md). */
export const LESSONS: Lesson[] = [oneHub, connectTheUnconnected, trust, whyGlobal];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
