import { html, nothing } from 'lit';
import { lessonById } from '../lessons/index.ts';
import { language, t } from '../i18n/index.ts';
import type { GlocalApp } from '../app.ts';

/** The lesson panel: the lesson's summary, its current step (with previous / next) and its questions. */
export function lessonPanel(app: GlocalApp) {
  const lesson = lessonById(app.state.lesson);
  if (!lesson) return nothing;
  const lang = language();
  const step = lesson.steps[app.lessonStep];
  return html`<section class="lesson" aria-labelledby="lesson-title">
    <h2 id="lesson-title">${lesson.title[lang]}</h2>
    <p>${lesson.summary[lang]}</p>
    <h3>${t('lessonSteps')} — ${t('stepOf', { n: app.lessonStep + 1, total: lesson.steps.length })}</h3>
    <p class="step" aria-live="polite">${step?.text[lang] ?? ''}</p>
    <div class="row">
      <button ?disabled=${app.lessonStep === 0} @click=${() => void app.gotoLessonStep(app.lessonStep - 1)}>← ${t('previousStep')}</button>
      <button class="primary" ?disabled=${app.lessonStep >= lesson.steps.length - 1} @click=${() => void app.gotoLessonStep(app.lessonStep + 1)}>${t('nextStep')} →</button>
    </div>
    <details><summary>${t('lessonQuestions')}</summary><ol>${lesson.questions.map((q) => html`<li>${q[lang]}</li>`)}</ol></details>
  </section>`;
}
